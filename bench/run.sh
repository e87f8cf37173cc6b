#!/usr/bin/env bash
# Measures the controller at N objects on a fresh local control plane, and appends the figures to
# bench/RESULTS.md with the command, the date, the machine and its load. See bench/README.md.
#
#   bench/run.sh 5000
#   bench/run.sh 50000 --initial-only                          stop after the initial-sync figures
#   bench/run.sh 50000 --initial-only --jar ../old/target/resource-sync-controller.jar
#                                                              measure another build of the controller
#   BENCH_JFR=target/bench/initial.jfr bench/run.sh 20000 --initial-only
#                                                              record the controller with JFR until the initial sync
#   BENCH_JVM_OPTIONS="-XX:TieredStopAtLevel=1" bench/run.sh 20000 --initial-only
#                                                              add JVM options after config/jvm.options
#   BENCH_CONFIGS=10 bench/run.sh 50000 --initial-only          ten ResourceSyncConfigs instead of one
#   BENCH_BURST=0 bench/run.sh 20000                            churn without the burst phase after it
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:?usage: bench/run.sh N [--initial-only] [--jar PATH]}"
shift
INITIAL_ONLY=""
JAR=target/resource-sync-controller.jar
JAR_ARG=""
while (($#)); do
  case "$1" in
    --initial-only) INITIAL_ONLY=--initial-only; shift ;;
    --jar) JAR="$(realpath "${2:?--jar needs a path}")"; JAR_ARG=" --jar $2"; shift 2 ;;
    *) echo "usage: bench/run.sh N [--initial-only] [--jar PATH]" >&2; exit 2 ;;
  esac
done
OUT=target/bench
mkdir -p "$OUT"
LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg)"

mvn -B -o -q package -DskipTests
mvn -B -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/classpath"
[[ -f "$JAR" ]] || { echo "bench: no jar at $JAR" >&2; exit 1; }
# The jar's class-data sharing archive, as the image's build makes it (when its project uses one).
if grep -qs SharedArchiveFile "$(dirname "$(dirname "$JAR")")/config/jvm.options"; then
  CDS_PROJECT_DIR="$(dirname "$(dirname "$JAR")")" hack/cds-archive.sh
fi
JAR_COMMIT="$(git -C "$(dirname "$JAR")" log -1 --format='%h %s' 2>/dev/null | cut -c1-72 || echo unknown)"
if [[ -n "$(git -C "$(dirname "$(dirname "$JAR")")" status --porcelain --untracked-files=no -- src pom.xml config routes 2>/dev/null)" ]]; then
  JAR_COMMIT="$JAR_COMMIT (plus uncommitted changes)"
fi

hack/cluster.sh down >/dev/null
hack/cluster.sh up
trap 'hack/cluster.sh down >/dev/null' EXIT

java -Xmx6g -cp "target/test-classes:target/classes:$(cat "$OUT/classpath")" \
  live.devopstoolkit.resourcesync.bench.SyncBenchmark \
  "$N" .local/kubeconfig "$JAR" "$OUT/controller-$N.log" $INITIAL_ONLY > "$OUT/results-$N.md"
LOAD_END="$(cut -d' ' -f1-3 /proc/loadavg)"

{
  echo
  echo "## $N objects${INITIAL_ONLY:+, initial sync only}, $(date -u +%Y-%m-%d)"
  echo
  echo "Command: \`bench/run.sh $N${INITIAL_ONLY:+ $INITIAL_ONLY}$JAR_ARG\`. Controller: \`$JAR_COMMIT\`."
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)),"
  echo "$(free -g | awk '/Mem:/{print $2}') GiB memory, $(java -version 2>&1 | head -1), Kubernetes $(basename "$(hack/kube-binaries.sh)")."
  echo "Load average (1, 5, 15 min): $LOAD_START when the run began, $LOAD_END when it ended."
  JVM_OPTIONS_FILE="$(dirname "$(dirname "$JAR")")/config/jvm.options"
  if [[ -f "$JVM_OPTIONS_FILE" ]]; then
    echo "JVM options (config/jvm.options of the jar's project): \`$(grep -v '^#' "$JVM_OPTIONS_FILE" | xargs)\`${BENCH_JVM_OPTIONS:+, plus \`BENCH_JVM_OPTIONS=$BENCH_JVM_OPTIONS\`}."
  else
    echo "JVM options: none (no config/jvm.options in the jar's project)${BENCH_JVM_OPTIONS:+, plus \`BENCH_JVM_OPTIONS=$BENCH_JVM_OPTIONS\`}."
  fi
  if [[ -n "${BENCH_CONFIGS:-}" ]]; then
    echo "ResourceSyncConfigs: $BENCH_CONFIGS (\`BENCH_CONFIGS=$BENCH_CONFIGS\`), all syncing to the receiver."
  fi
  if [[ "${BENCH_BURST:-}" == 0 ]]; then
    echo "No burst phase (\`BENCH_BURST=0\`)."
  fi
  if [[ -n "${BENCH_JFR:-}" ]]; then
    CHURN_JFR=", and again during the churn phase (its CPU per 1,000 changes includes JFR's overhead)"
    [[ -z "$INITIAL_ONLY" ]] || CHURN_JFR=""
    echo "The controller ran with JFR (settings=profile) until the initial sync$CHURN_JFR: \`BENCH_JFR=$BENCH_JFR\`."
  fi
  echo
  echo "| measure | figure |"
  echo "|---|---|"
  grep '^|' "$OUT/results-$N.md"
} >> bench/RESULTS.md
grep -E '^\| (initial sync|floor|controller CPU|live heap|RSS)' "$OUT/results-$N.md" || true
echo "bench: figures appended to bench/RESULTS.md"
