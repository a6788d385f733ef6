#!/usr/bin/env bash
# Process start to the first ready answer (issue 26), as a replica starts: the production build with the Helm
# chart's JVM options, PostgreSQL already migrated, the project's Keycloak up.
#
#   bench/start.sh            # about 2 minutes: one start that migrates the empty database, then RUNS=7 timed
#   BUILT=1 bench/start.sh    # target/quarkus-app as it is (a production build already made)
#   AOT=1 bench/start.sh      # JDK 25 (under /usr/lib/jvm) with its AOT cache in place of JDK 17's archive
#   AOT=image bench/start.sh  # the same, the cache trained as an image build could train it
#
# Prints each start, their median, and the resident memory right after the last one. AOT=1 first trains the
# cache on one whole start (the database and Keycloak reached, a call answered, a clean stop writes app.aot).
# An image build reaches neither: AOT=image trains on a start with no database (Flyway off) and no Keycloak,
# which runs everything else a start runs, stopped once it answers live.
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
if [ "${AOT:-0}" != 0 ]; then
  jdk25=$(ls -d /usr/lib/jvm/*-25-*/ 2>/dev/null | head -1)
  [ -n "$jdk25" ] || { echo "AOT=$AOT needs a JDK 25 under /usr/lib/jvm" >&2; exit 1; }
  PATH=${jdk25}bin:$PATH
  JVM_OPTIONS="${JVM_OPTIONS//-XX:SharedArchiveFile=\/deployments\/app-cds.jsa/} -XX:AOTCacheOutput=app.aot"
  if [ "$AOT" = image ]; then
    # Port 9 on 127.0.0.1: nothing listens, so every connection is refused at once. The start runs to its last
    # step, the checks of the database role at StartupEvent, which fail without a database and end the process;
    # the JVM writes the cache as it exits (or, should a start ever get through, as it is stopped).
    # In this shell, not a subshell, so the clean-up on exit knows the process and stops it if the run is cut short.
    if START_MAY_FAIL=1 READY_PATH=/q/health/live start_service -Dquarkus.flyway.migrate-at-start=false \
        -Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:9/none \
        -Dquarkus.oidc.almaty.auth-server-url=http://127.0.0.1:9/realms/almaty \
        -Dquarkus.oidc.astana.auth-server-url=http://127.0.0.1:9/realms/astana; then
      stop_service
    fi
    [ -s "$BENCH_DIR/app/app.aot" ] || { echo "the training start wrote no AOT cache" >&2; exit 1; }
  else
    start_service $(keycloak_oidc)
    curl -s -o /dev/null "$BASE/api/v1/vocabulary"
    stop_service
  fi
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
