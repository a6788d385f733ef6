#!/usr/bin/env bash
# Process start to the first ready answer (issue 26), as a replica starts: the production build with the Helm
# chart's JVM options, PostgreSQL already migrated, the project's Keycloak up.
#
#   bench/start.sh            # about 2 minutes: one start that migrates the empty database, then RUNS=7 timed
#   BUILT=1 bench/start.sh    # target/quarkus-app as it is (a production build already made)
#   AOT=1 bench/start.sh      # JDK 25 (under /usr/lib/jvm) with its AOT cache in place of JDK 17's archive
#
# Prints each start, their median, and the resident memory right after the last one. AOT=1 first trains the
# cache on one whole start (the database and Keycloak reached, a call answered, a clean stop writes app.aot),
# which an image build cannot do: it reaches neither, so it can only train on the static initialisation.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-7}
. bench/lib.sh
build_service
start_keycloak
start_postgres >/dev/null
await_keycloak
start_service $(keycloak_oidc)  # the first start creates the schema
stop_service
if [ "${AOT:-0}" = 1 ]; then
  jdk25=$(ls -d /usr/lib/jvm/*-25-*/ 2>/dev/null | head -1)
  [ -n "$jdk25" ] || { echo "AOT=1 needs a JDK 25 under /usr/lib/jvm" >&2; exit 1; }
  PATH=${jdk25}bin:$PATH
  JVM_OPTIONS="${JVM_OPTIONS//-XX:SharedArchiveFile=\/deployments\/app-cds.jsa/} -XX:AOTCacheOutput=app.aot"
  start_service $(keycloak_oidc)
  curl -s -o /dev/null "$BASE/api/v1/vocabulary"
  stop_service
  JVM_OPTIONS=${JVM_OPTIONS/-XX:AOTCacheOutput=/-XX:AOTCache=}
  echo "$(java -version 2>&1 | head -1); AOT cache: $(du -m "$BENCH_DIR/app/app.aot" | cut -f1) MiB"
fi
times=()
for _ in $(seq "$RUNS"); do
  start_service $(keycloak_oidc) "$@"
  times+=("$SERVICE_START_MS")
  rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$SERVICE/status")
  stop_service
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n | tr '\n' ' ')
echo "starts (ms): ${times[*]}"
echo "median: $(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p") ms (sorted: $sorted); resident after the last start: $rss MiB"
