#!/usr/bin/env bash
# Measures the controller at N objects on a fresh local control plane, and appends the figures to
# bench/RESULTS.md with the command, the date and the machine. See bench/README.md.
#
#   bench/run.sh 5000
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:?usage: bench/run.sh N}"
OUT=target/bench
mkdir -p "$OUT"

mvn -B -q package -DskipTests
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/classpath"

hack/cluster.sh down >/dev/null
hack/cluster.sh up
trap 'hack/cluster.sh down >/dev/null' EXIT

java -Xmx6g -cp "target/test-classes:target/classes:$(cat "$OUT/classpath")" \
  live.devopstoolkit.resourcesync.bench.SyncBenchmark \
  "$N" .local/kubeconfig target/resource-sync-controller.jar "$OUT/controller-$N.log" > "$OUT/results-$N.md"

{
  echo
  echo "## $N objects, $(date -u +%Y-%m-%d)"
  echo
  echo "Command: \`bench/run.sh $N\`. Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)),"
  echo "$(free -g | awk '/Mem:/{print $2}') GiB memory, $(java -version 2>&1 | head -1), Kubernetes $(basename "$(hack/kube-binaries.sh)")."
  echo
  echo "| measure | figure |"
  echo "|---|---|"
  grep '^|' "$OUT/results-$N.md"
} >> bench/RESULTS.md
echo "bench: figures appended to bench/RESULTS.md"
