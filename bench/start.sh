#!/usr/bin/env bash
# Process start to the first ready answer (issue 26), as a replica starts: the production build with the Helm
# chart's JVM options (JDK 25 and the AOT cache, trained as the image trains it), PostgreSQL already migrated, the
# project's Keycloak up.
#
#   bench/start.sh            # about 2 minutes: one start that migrates the empty database, then RUNS=7 timed
#   BUILT=1 bench/start.sh    # target/quarkus-app as it is (a production build already made)
#   AOT=1 bench/start.sh      # the cache trained instead on one whole start (the database and Keycloak reached, a
#                             # call answered, a clean stop), which an image build cannot do: what that would add
#   JVM_OPTIONS="-Xms256m -Xmx256m -XX:+UseSerialGC -XX:MetaspaceSize=96m -XX:+UnlockExperimentalVMOptions \
#     -XX:TrimNativeHeapInterval=5000 -XX:SharedArchiveFile=/deployments/app-cds.jsa" bench/start.sh
#                             # the image before: JDK 17 (this machine's java) and the production build's archive
#
# Prints each start, their median, and the resident memory right after the last one; then how long the first call
# with a token took once the service was ready (the realm's OIDC discovery and keys are fetched then, not at start).
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
  [ -n "$AOT_CACHE" ] || { echo "AOT=1 needs options that name an AOT cache" >&2; exit 1; }
  rm -f "$BENCH_DIR/app/$AOT_CACHE"
  trained_options=$JVM_OPTIONS
  JVM_OPTIONS=${JVM_OPTIONS/-XX:AOTCache=/-XX:AOTCacheOutput=}
  start_service $(keycloak_oidc)
  curl -s -o /dev/null "$BASE/api/v1/vocabulary"
  stop_service
  [ -s "$BENCH_DIR/app/$AOT_CACHE" ] || { echo "the whole start wrote no AOT cache" >&2; exit 1; }
  JVM_OPTIONS=$trained_options
fi
if [ -n "$AOT_CACHE" ]; then
  echo "$("$SERVICE_JAVA" -version 2>&1 | head -1); AOT cache: $(du -m "$BENCH_DIR/app/$AOT_CACHE" | cut -f1) MiB"
else
  echo "$("$SERVICE_JAVA" -version 2>&1 | head -1); no AOT cache"
fi
TOKEN=$(keycloak_token almaty qorgau-demo - inspector demo)
times=()
first_calls=()
for _ in $(seq "$RUNS"); do
  start_service $(keycloak_oidc) "$@"
  times+=("$SERVICE_START_MS")
  rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$SERVICE/status")
  call=$(date +%s%N)
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/referrals?limit=1")
  [ "$status" = 200 ] || { echo "the first call with a token answered $status" >&2; exit 1; }
  first_calls+=("$(elapsed_ms "$call")")
  stop_service
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n | tr '\n' ' ')
echo "starts (ms): ${times[*]}"
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
echo "median: $(median "${times[@]}") ms (sorted: $sorted); resident after the last start: $rss MiB"
echo "first call with a token once ready (ms): ${first_calls[*]}; median $(median "${first_calls[@]}") ms"
