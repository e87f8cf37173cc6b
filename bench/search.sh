#!/usr/bin/env bash
# Benchmarks the search server (search/): indexes N records (default 50,000) from empty over HTTP in
# batches of 500 (or, with "resync", one full resync request holding every record, as the controller's
# first sync sends them), then measures change-to-searchable, query latency, heap, RSS, disk and a restart.
#   bench/search.sh [records] [resync]
set -euo pipefail
cd "$(dirname "$0")/../search"
mvn -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
exec java -Xmx1g -cp "target/classes:target/test-classes:$(cat target/cp.txt)" \
  live.devopstoolkit.resourcesync.search.bench.IndexBenchmark "${1:-50000}" ${2:-}
