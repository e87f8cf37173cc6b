#!/usr/bin/env bash
# Builds kube-apiserver, etcd and kubectl for one pinned Kubernetes release from the Go module
# proxy into ~/.kubeapitest/k8s/<version>-linux-amd64/, where io.fabric8:kube-api-test finds them
# without downloading anything. Idempotent: exits at once when all three binaries are there.
#
#   hack/kube-binaries.sh          build when missing, print the binary directory
#   KUBE_VERSION=1.34.4 ETCD_VERSION=3.6.5 hack/kube-binaries.sh
set -euo pipefail

KUBE_VERSION="${KUBE_VERSION:-1.34.4}"
ETCD_VERSION="${ETCD_VERSION:-3.6.5}"
DEST="${KUBEAPITEST_DIR:-$HOME/.kubeapitest}/k8s/${KUBE_VERSION}-linux-amd64"

if [[ -x "$DEST/kube-apiserver" && -x "$DEST/etcd" && -x "$DEST/kubectl" ]]; then
  echo "$DEST"
  exit 0
fi

command -v go >/dev/null || { echo "kube-binaries: go is required to build the test control plane" >&2; exit 1; }

WORK="${KUBE_BUILD_DIR:-$HOME/.cache/resource-sync/kube-build}"
mkdir -p "$WORK/apiserver" "$WORK/etcd" "$DEST"
export CGO_ENABLED=0 GOFLAGS=-mod=mod GOTOOLCHAIN=local
minor="${KUBE_VERSION#*.}"; minor="${minor%%.*}"; patch="${KUBE_VERSION##*.}"
staging_version="v0.${minor}.${patch}"

log() { echo "kube-binaries: $*" >&2; }

build_kubernetes() {
  cd "$WORK/apiserver"
  [[ -f go.mod ]] || go mod init resource-sync/kube-build >/dev/null 2>&1
  # k8s.io/kubernetes pins its staging modules at v0.0.0 with local replaces; a consumer
  # must map each one to its published version.
  local kmod
  kmod=$(go mod download -json "k8s.io/kubernetes@v${KUBE_VERSION}" | sed -n 's/.*"GoMod": "\(.*\)",*/\1/p')
  local staging
  staging=$(sed -n 's#^[[:space:]]*\(k8s.io/[a-z0-9-]*\) => ./staging/.*#\1#p' "$kmod" | sort -u)
  [[ -n "$staging" ]] || { log "no staging replaces found in $kmod"; exit 1; }
  {
    echo "module resource-sync/kube-build"
    echo
    echo "go 1.24"
    echo
    echo "require k8s.io/kubernetes v${KUBE_VERSION}"
    echo
    echo "replace ("
    for m in $staging; do echo "	$m => $m $staging_version"; done
    echo ")"
  } > go.mod
  cat > tools.go <<'GO'
//go:build tools

package tools

import (
	_ "k8s.io/kubernetes/cmd/kube-apiserver"
	_ "k8s.io/kubernetes/cmd/kubectl"
)
GO
  log "resolving k8s.io/kubernetes v${KUBE_VERSION} ($(echo "$staging" | wc -l) staging modules at $staging_version)"
  go mod tidy >&2
  local ldflags="-s -w -X k8s.io/component-base/version.gitVersion=v${KUBE_VERSION} -X k8s.io/component-base/version.gitMajor=1 -X k8s.io/component-base/version.gitMinor=${minor} -X k8s.io/client-go/pkg/version.gitVersion=v${KUBE_VERSION}"
  log "building kube-apiserver"
  go build -trimpath -ldflags "$ldflags" -o "$DEST/kube-apiserver.tmp" k8s.io/kubernetes/cmd/kube-apiserver
  log "building kubectl"
  go build -trimpath -ldflags "$ldflags" -o "$DEST/kubectl.tmp" k8s.io/kubernetes/cmd/kubectl
  mv "$DEST/kube-apiserver.tmp" "$DEST/kube-apiserver"
  mv "$DEST/kubectl.tmp" "$DEST/kubectl"
}

build_etcd() {
  # A separate module, so etcd's dependency graph does not fight the apiserver's.
  cd "$WORK/etcd"
  cat > go.mod <<GOMOD
module resource-sync/etcd-build

go 1.24

require go.etcd.io/etcd/server/v3 v${ETCD_VERSION}
GOMOD
  cat > tools.go <<'GO'
//go:build tools

package tools

import _ "go.etcd.io/etcd/server/v3"
GO
  log "resolving etcd v${ETCD_VERSION}"
  go mod tidy >&2
  log "building etcd"
  go build -trimpath -ldflags "-s -w" -o "$DEST/etcd.tmp" go.etcd.io/etcd/server/v3
  mv "$DEST/etcd.tmp" "$DEST/etcd"
}

[[ -x "$DEST/etcd" ]] || build_etcd
[[ -x "$DEST/kube-apiserver" && -x "$DEST/kubectl" ]] || build_kubernetes
echo "$DEST"
