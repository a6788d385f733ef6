#!/usr/bin/env bash
# Process start to the first ready answer (issue 26), as a replica starts: the production build with the Helm
# chart's JVM options, PostgreSQL already migrated, the project's Keycloak up.
#
#   bench/start.sh            # about 2 minutes: one start that migrates the empty database, then RUNS=7 timed
#   BUILT=1 bench/start.sh    # target/quarkus-app as it is (a production build already made)
#
# Prints each start, their median, and the resident memory right after the last one.
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
