#!/usr/bin/env bash
# A local control plane for trying the controller: etcd and kube-apiserver on loopback, from the
# binaries hack/kube-binaries.sh builds (built first when missing), with an admin kubeconfig.
# There is no scheduler or controller-manager: objects are stored and watched, nothing runs.
#
#   hack/cluster.sh up                 start in the background; writes .local/kubeconfig
#   hack/cluster.sh down               stop it and remove its state
#   hack/cluster.sh status             say whether it answers
#   hack/cluster.sh restart-apiserver  kill kube-apiserver (SIGKILL) and start it again, keeping
#                                      etcd and its data: for fault tests
# CLUSTER_READY_TIMEOUT (seconds, default 300) bounds each wait for kube-apiserver to become ready.
# CLUSTER_STATE, CLUSTER_KUBECONFIG, CLUSTER_API_PORT and CLUSTER_ETCD_PORT (and the port after it)
# place a second control plane beside the first.
set -euo pipefail
cd "$(dirname "$0")/.."

STATE="${CLUSTER_STATE:-$PWD/.local/cluster}"
KUBECONFIG_FILE="${CLUSTER_KUBECONFIG:-$PWD/.local/kubeconfig}"
API_PORT="${CLUSTER_API_PORT:-16443}"
ETCD_PORT="${CLUSTER_ETCD_PORT:-12379}"

up() {
  if status >/dev/null 2>&1; then
    echo "cluster: already up, kubeconfig at $KUBECONFIG_FILE"
    return
  fi
  local bin
  bin="$(hack/kube-binaries.sh)"
  rm -rf "$STATE"
  mkdir -p "$STATE/etcd" "$STATE/certs" "$(dirname "$KUBECONFIG_FILE")"
  openssl genrsa -out "$STATE/certs/sa.key" 2048 2>/dev/null
  openssl rsa -in "$STATE/certs/sa.key" -pubout -out "$STATE/certs/sa.pub" 2>/dev/null
  local token
  token="$(openssl rand -hex 16)"
  echo "$token,admin,admin,system:masters" > "$STATE/certs/tokens.csv"

  "$bin/etcd" --data-dir "$STATE/etcd" --name local \
    --listen-client-urls "http://127.0.0.1:$ETCD_PORT" --advertise-client-urls "http://127.0.0.1:$ETCD_PORT" \
    --listen-peer-urls "http://127.0.0.1:$((ETCD_PORT + 1))" \
    --initial-advertise-peer-urls "http://127.0.0.1:$((ETCD_PORT + 1))" \
    --initial-cluster "local=http://127.0.0.1:$((ETCD_PORT + 1))" \
    > "$STATE/etcd.log" 2>&1 &
  echo $! > "$STATE/etcd.pid"

  start_apiserver "$bin"

  cat > "$KUBECONFIG_FILE" <<KUBECONFIG
apiVersion: v1
kind: Config
clusters:
- name: local
  cluster:
    server: https://127.0.0.1:$API_PORT
    insecure-skip-tls-verify: true
users:
- name: admin
  user:
    token: $token
contexts:
- name: local
  context: {cluster: local, user: admin}
current-context: local
KUBECONFIG
  chmod 600 "$KUBECONFIG_FILE"

  if ! await_ready "$bin"; then
    down
    exit 1
  fi
  echo "cluster: up at https://127.0.0.1:$API_PORT, kubeconfig at $KUBECONFIG_FILE"
}

start_apiserver() {
  "$1/kube-apiserver" --etcd-servers "http://127.0.0.1:$ETCD_PORT" \
    --bind-address 127.0.0.1 --advertise-address 127.0.0.1 --secure-port "$API_PORT" \
    --cert-dir "$STATE/certs" --token-auth-file "$STATE/certs/tokens.csv" \
    --authorization-mode RBAC --service-cluster-ip-range 10.96.0.0/16 \
    --service-account-issuer https://kubernetes.default.svc \
    --service-account-key-file "$STATE/certs/sa.pub" --service-account-signing-key-file "$STATE/certs/sa.key" \
    --disable-admission-plugins ServiceAccount \
    >> "$STATE/kube-apiserver.log" 2>&1 &
  echo $! > "$STATE/kube-apiserver.pid"
}

# Waits until kube-apiserver answers /readyz and serves namespaces, for up to CLUSTER_READY_TIMEOUT
# seconds (default 300: a cold start on a busy two-core machine can take minutes). Gives up at once
# if etcd or kube-apiserver exits, with the end of its log.
await_ready() {
  local deadline=$((SECONDS + ${CLUSTER_READY_TIMEOUT:-300}))
  while ((SECONDS < deadline)); do
    if KUBECONFIG="$KUBECONFIG_FILE" "$1/kubectl" --request-timeout=10s get --raw /readyz >/dev/null 2>&1 \
      && KUBECONFIG="$KUBECONFIG_FILE" "$1/kubectl" --request-timeout=10s get namespace default >/dev/null 2>&1; then
      return 0
    fi
    local process
    for process in etcd kube-apiserver; do
      if ! [[ "$(ps -o stat= -p "$(cat "$STATE/$process.pid")" 2>/dev/null)" =~ ^[^Z] ]]; then
        echo "cluster: $process exited; the end of $STATE/$process.log:" >&2
        tail -n 15 "$STATE/$process.log" >&2
        return 1
      fi
    done
    sleep 0.5
  done
  echo "cluster: kube-apiserver not ready after ${CLUSTER_READY_TIMEOUT:-300} s; see $STATE/kube-apiserver.log" >&2
  return 1
}

restart_apiserver() {
  local bin
  bin="$(hack/kube-binaries.sh)"
  kill -9 "$(cat "$STATE/kube-apiserver.pid")" 2>/dev/null || true
  for _ in $(seq 1 300); do
    [[ "$(ps -o stat= -p "$(cat "$STATE/kube-apiserver.pid")" 2>/dev/null)" =~ ^[^Z] ]] || break
    sleep 0.1
  done
  # A restart on a busy machine can fail for a passing reason (the port taken for a moment, etcd
  # slow to answer); a fault test wants the API server back, so it tries again before giving up.
  local attempt
  for attempt in 1 2 3; do
    start_apiserver "$bin"
    if await_ready "$bin"; then
      echo "cluster: kube-apiserver restarted"
      return 0
    fi
    echo "cluster: restart attempt $attempt failed" >&2
    kill -9 "$(cat "$STATE/kube-apiserver.pid")" 2>/dev/null || true
    sleep 2
  done
  return 1
}

down() {
  for process in kube-apiserver etcd; do
    if [[ -f "$STATE/$process.pid" ]]; then
      kill "$(cat "$STATE/$process.pid")" 2>/dev/null || true
      for _ in $(seq 1 50); do
        # Gone, or a zombie waiting for a parent that did not reap it.
        [[ "$(ps -o stat= -p "$(cat "$STATE/$process.pid")" 2>/dev/null)" =~ ^[^Z] ]] || break
        sleep 0.1
      done
      kill -9 "$(cat "$STATE/$process.pid")" 2>/dev/null || true
    fi
  done
  rm -rf "$STATE" "$KUBECONFIG_FILE"
  echo "cluster: down"
}

status() {
  [[ -f "$KUBECONFIG_FILE" ]] && KUBECONFIG="$KUBECONFIG_FILE" \
    "$(hack/kube-binaries.sh)/kubectl" get --raw /readyz >/dev/null 2>&1 \
    && echo "cluster: up" || { echo "cluster: down"; return 1; }
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  restart-apiserver) restart_apiserver ;;
  *) echo "usage: hack/cluster.sh up|down|status|restart-apiserver" >&2; exit 2 ;;
esac
