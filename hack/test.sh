#!/usr/bin/env bash
# Runs every test: unit tests (*Test) and integration tests (*IT) against a real kube-apiserver and
# etcd. Builds those binaries first when they are missing (about 10 minutes, once per machine).
#
#   hack/test.sh                      all tests: the controller, then the search server (search/)
#   hack/test.sh -Dit.test=SyncIT     extra Maven arguments are passed on (to both builds)
set -euo pipefail
cd "$(dirname "$0")/.."

hack/kube-binaries.sh >/dev/null
mvn -B verify "$@"
exec mvn -B -f search/pom.xml verify "$@"
