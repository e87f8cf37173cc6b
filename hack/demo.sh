#!/usr/bin/env bash
# The main job, in one command: builds the controller and the search server, starts a local control
# plane, creates a sample of workloads, starts the search server (semantic index + MCP, port 3456 as
# in the guide) and the controller, applies the guide's Secret and ResourceSyncConfig (endpoint
# pointed at the search server), waits for Ready, then asks the guide's three questions and prints
# an mcp.json snippet for MCP clients. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."

TOKEN="your-api-key-here"
RECEIVER="http://127.0.0.1:3456"
export KUBECONFIG="$PWD/.local/kubeconfig"
mkdir -p .local
CONTROLLER_PID=""
SEARCH_PID=""

cleanup() {
  trap - INT TERM EXIT
  echo
  echo "demo: stopping"
  if [[ -n "$CONTROLLER_PID" ]]; then
    kill "$CONTROLLER_PID" 2>/dev/null || true
    wait "$CONTROLLER_PID" 2>/dev/null || true
  fi
  if [[ -n "$SEARCH_PID" ]]; then
    kill "$SEARCH_PID" 2>/dev/null || true
    wait "$SEARCH_PID" 2>/dev/null || true
  fi
  hack/cluster.sh down
}
trap cleanup INT TERM EXIT

echo "demo: building the controller and the search server"
mvn -B -q package -DskipTests
mvn -B -q -f search/pom.xml package -DskipTests
# The controller's class-data archive, as the image's build makes it: one made for an earlier build
# would be refused, with a warning, and the classes loaded the slow way.
hack/cds-archive.sh
hack/cluster.sh up
KUBECTL="$(hack/kube-binaries.sh)/kubectl"

echo "demo: installing the CRD and a sample of workloads"
"$KUBECTL" apply -f config/crd/ >/dev/null
"$KUBECTL" apply -f hack/demo/workloads.yaml >/dev/null
"$KUBECTL" wait --for condition=Established crd --all --timeout=60s >/dev/null
"$KUBECTL" apply -f hack/demo/custom-resources.yaml >/dev/null
"$KUBECTL" apply -f hack/demo/production.yaml >/dev/null

echo "demo: starting the search server on :3456 (log: .local/search.log, index: .local/search-index)"
SEARCH_TOKEN="$TOKEN" SEARCH_HOST=127.0.0.1 SEARCH_PORT=3456 SEARCH_INDEX_DIR=.local/search-index \
  java -jar search/target/resource-sync-search.jar > .local/search.log 2>&1 &
SEARCH_PID=$!
for _ in $(seq 1 120); do
  curl -sf "$RECEIVER/healthz" >/dev/null && break
  sleep 1
done

echo "demo: starting the controller, its management port on loopback (log: .local/controller.log)"
CAMEL_MANAGEMENT_HOST=127.0.0.1 java @config/jvm.options -jar target/resource-sync-controller.jar > .local/controller.log 2>&1 &
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

# The guide's questions, word for word, to the search server's REST search (the MCP tool
# search_resources answers with the same ranking).
ask() {
  echo "Q: $1"
  curl -s -G "$RECEIVER/api/v1/resources/search" -H "Authorization: Bearer $TOKEN" \
    --data-urlencode "q=$1" --data-urlencode "limit=6" \
    | python3 -c 'import json,sys
for r in json.load(sys.stdin):
    desc = (r.get("annotations") or {}).get("description", "")
    print("   %.2f  %-18s %-12s %-22s %s" % (r["score"], r["kind"], r["namespace"], r["name"], desc))'
  echo
}
ask "which databases are we running?"
ask "list deployments in production namespace"
ask "find all services related to payments"
echo "Records per kind:"
curl -s -H "Authorization: Bearer $TOKEN" "$RECEIVER/api/v1/resources/kinds"; echo; echo
echo "Connect an MCP client (tools: search_resources, query_resources, get_resource, list_resource_kinds):"
cat <<JSON
{
  "mcpServers": {
    "resource-sync": {
      "type": "http",
      "url": "$RECEIVER/mcp",
      "headers": { "Authorization": "Bearer $TOKEN" }
    }
  }
}
JSON
echo
echo "demo: running. Try: KUBECONFIG=$KUBECONFIG kubectl label deployment storefront -n shop tier=web"
echo "      then: curl -s -H 'Authorization: Bearer $TOKEN' '$RECEIVER/api/v1/resources/search?q=tier+web'"
echo "      health: curl -s localhost:9876/observe/health   metrics: curl -s localhost:9876/observe/metrics"
echo "demo: press Ctrl-C to stop"
wait "$CONTROLLER_PID"
