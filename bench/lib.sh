# The service under measurement and the helpers to call it, shared by the bench scripts.
# Source it after cd to the repository root; it starts the packaged service (building it if needed) with
# its embedded PostgreSQL, fresh data-protection keys and the test signing keys, and stops it on exit.
PORT=${PORT:-8089}
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d)
KEYS=src/test/resources/keys
ISSUER_BASE=https://bench.qorgau.test/realms

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q package -DskipTests

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
# mint TENANT ROLE [AGENCY]: an RS256 access token shaped like the realms' ones.
mint() {
  local tenant=$1 role=$2 agency=${3:-} now header payload signature agency_claim=""
  now=$(date +%s)
  [ -n "$agency" ] && agency_claim=",\"agency_id\":\"$agency\""
  header=$(printf '{"alg":"RS256","typ":"JWT","kid":"bench"}' | b64url)
  payload=$(printf '{"iss":"%s/%s","sub":"bench-%s","iat":%d,"exp":%d,"tenant":"%s","aud":"qorgau-api","realm_access":{"roles":["%s"]}%s}' \
    "$ISSUER_BASE" "$tenant" "$role" "$now" "$((now + 7200))" "$tenant" "$role" "$agency_claim" | b64url)
  signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$KEYS/$tenant-private.pem" | b64url)
  printf '%s.%s.%s' "$header" "$payload" "$signature"
}
public_key() { grep -v -- ----- "$KEYS/$1-public.pem" | tr -d '\n'; }
json_field() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
post() { curl -sf -X POST "$BASE$1" -H "Authorization: Bearer $2" -H 'Content-Type: application/json' ${4:+-H "If-Match: $4"} -d "$3"; }

# start_service [extra -D options...]
start_service() {
  java -Dquarkus.http.port="$PORT" \
    -Dqorgau.tenants.almaty.name=Almaty -Dqorgau.tenants.astana.name=Astana \
    -Dquarkus.oidc.almaty.public-key="$(public_key almaty)" -Dquarkus.oidc.almaty.token.issuer="$ISSUER_BASE/almaty" \
    -Dquarkus.oidc.astana.public-key="$(public_key astana)" -Dquarkus.oidc.astana.token.issuer="$ISSUER_BASE/astana" \
    -Dquarkus.oidc.almaty.token.audience=qorgau-api -Dquarkus.oidc.astana.token.audience=qorgau-api \
    -Dqorgau.encryption.keys.bench="$(openssl rand -base64 32)" -Dqorgau.encryption.active-key=bench \
    -Dqorgau.encryption.search-key="$(openssl rand -base64 32)" -Dqorgau.audit.chain-key="$(openssl rand -base64 32)" \
    -Dquarkus.log.level=WARN "$@" \
    -jar target/quarkus-app/quarkus-run.jar > "$WORK/service.log" 2>&1 &
  SERVICE=$!
  trap 'kill $SERVICE 2>/dev/null; wait $SERVICE 2>/dev/null; rm -rf "$WORK"' EXIT
  local start
  start=$(date +%s%N)
  until curl -sf -o /dev/null "$BASE/q/health/ready"; do sleep 0.1; done
  echo "service ready after $(( ($(date +%s%N) - start) / 1000000 )) ms"
}
