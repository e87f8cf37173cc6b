#!/usr/bin/env bash
# Writes target/resource-sync-controller.jsa, the class-data sharing archive config/jvm.options
# names: the classes the controller loads at start, parsed and verified once here instead of at
# every start (issue 10: class loading was most of the start-up's CPU). A training run starts the
# controller from target/resource-sync-controller.jar, lets it boot against an API server that is
# not there (127.0.0.1:1 refuses at once) and stops it; the JVM writes the archive as it exits.
# The archive is only valid for the jar, libraries and JVM it was made with, so it is made where the
# controller runs: by the image's build (Dockerfile) and by bench/run.sh after each build. Without
# it, or with a stale one, the JVM loads classes the ordinary way.
#
#   hack/cds-archive.sh        in the directory holding config/, routes/ and target/
set -euo pipefail
cd "${CDS_PROJECT_DIR:-$(dirname "$0")/..}"
ARCHIVE=target/resource-sync-controller.jsa
KUBECONFIG_FILE="$(mktemp)"
trap 'rm -f "$KUBECONFIG_FILE"' EXIT
cat > "$KUBECONFIG_FILE" <<KUBECONFIG
apiVersion: v1
kind: Config
clusters: [{name: none, cluster: {server: "https://127.0.0.1:1"}}]
users: [{name: none, user: {token: none}}]
contexts: [{name: none, context: {cluster: none, user: none}}]
current-context: none
KUBECONFIG
rm -f "$ARCHIVE"
# The options' own archive (this one) is replaced by the JDK's base archive for the training run.
JAVA_HOME_DIR="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.home = //p')"
if ! KUBECONFIG="$KUBECONFIG_FILE" KUBERNETES_REQUEST_RETRY_BACKOFFLIMIT=0 CAMEL_MAIN_DURATION_MAX_SECONDS=4 \
  CAMEL_MANAGEMENT_PORT=0 java @config/jvm.options -XX:SharedArchiveFile="$JAVA_HOME_DIR/lib/server/classes.jsa" \
  -XX:ArchiveClassesAtExit="$ARCHIVE" -jar target/resource-sync-controller.jar > target/cds-training.log 2>&1 \
  || [[ ! -f "$ARCHIVE" ]]; then
  echo "cds-archive: no archive written; see target/cds-training.log" >&2
  exit 1
fi
echo "cds-archive: $ARCHIVE ($(du -m "$ARCHIVE" | cut -f1) MiB)"
