#!/usr/bin/env bash
# The main job, in one command: builds the controller, starts a local control plane, creates a
# sample of workloads, starts the controller with its embedded receiver, applies the guide's
# Secret and ResourceSyncConfig (endpoint pointed at the embedded receiver), waits for Ready, then
# prints the status and a few answers from the receiver's search. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."

TOKEN="your-api-key-here"
RECEIVER="http://127.0.0.1:3456"
export KUBECONFIG="$PWD/.local/kubeconfig"
mkdir -p .local
CONTROLLER_PID=""

cleanup() {
  trap - INT TERM EXIT
  echo
  echo "demo: stopping"
  if [[ -n "$CONTROLLER_PID" ]]; then
    kill "$CONTROLLER_PID" 2>/dev/null || true
    wait "$CONTROLLER_PID" 2>/dev/null || true
  fi
  hack/cluster.sh down
}
trap cleanup INT TERM EXIT

echo "demo: building the controller"
mvn -B -q package -DskipTests
hack/cluster.sh up
KUBECTL="$(hack/kube-binaries.sh)/kubectl"

echo "demo: installing the CRD and a sample of workloads"
"$KUBECTL" apply -f config/crd/ >/dev/null
"$KUBECTL" apply -f hack/demo/workloads.yaml >/dev/null
"$KUBECTL" wait --for condition=Established crd --all --timeout=60s >/dev/null
"$KUBECTL" apply -f hack/demo/custom-resources.yaml >/dev/null

echo "demo: starting the controller with its embedded receiver on loopback (log: .local/controller.log)"
RESOURCE_SYNC_RECEIVER_ENABLED=true RESOURCE_SYNC_RECEIVER_TOKEN="$TOKEN" \
  CAMEL_SERVER_HOST=127.0.0.1 CAMEL_MANAGEMENT_HOST=127.0.0.1 \
  java -jar target/resource-sync-controller.jar > .local/controller.log 2>&1 &
CONTROLLER_PID=$!

echo "demo: applying the guide's Secret and ResourceSyncConfig"
"$KUBECTL" create namespace dot-ai >/dev/null
"$KUBECTL" create secret generic mcp-credentials --namespace dot-ai --from-literal=api-key="$TOKEN" >/dev/null
sed "s#http://dot-ai.dot-ai.svc.cluster.local:3456#$RECEIVER#" config/samples/resourcesyncconfig.yaml \
  | "$KUBECTL" apply -f - >/dev/null
"$KUBECTL" wait --for condition=Ready resourcesyncconfig/default-sync --namespace dot-ai --timeout=180s >/dev/null

echo
"$KUBECTL" get resourcesyncconfig --all-namespaces
echo
"$KUBECTL" get resourcesyncconfig default-sync --namespace dot-ai -o jsonpath='{.status.conditions}'
echo; echo

ask() {
  echo "Q: $1"
  curl -s -G "$RECEIVER/api/v1/resources/search" --data-urlencode "q=$1" --data-urlencode "limit=8" \
    | python3 -c 'import json,sys
for r in json.load(sys.stdin):
    desc = (r.get("annotations") or {}).get("description", "")
    print("   %-16s %-12s %-22s %s" % (r["kind"], r["namespace"], r["name"], desc))'
  echo
}
ask "which databases are we running?"
ask "list deployments in production namespace payments"
ask "find all services related to payments"
echo "Records per kind:"
curl -s "$RECEIVER/api/v1/resources/counts"; echo; echo
echo "demo: running. Try: KUBECONFIG=$KUBECONFIG kubectl label deployment storefront -n shop tier=web"
echo "      then: curl -s '$RECEIVER/api/v1/resources?label=tier=web'"
echo "      health: curl -s localhost:9876/observe/health   metrics: curl -s localhost:9876/observe/metrics"
echo "demo: press Ctrl-C to stop"
wait "$CONTROLLER_PID"
