#!/usr/bin/env bash
# Webhook delivery throughput and lag (issue 7), against the packaged service with its default schedules
# (relay every 1 s, one delivery worker polling every 1 s), PostgreSQL with durable settings, and a
# receiver on 127.0.0.1. Tokens are signed here with the test keys, so Keycloak is not needed.
#
#   bench/webhooks.sh                  # EVENTS=2000 referrals sent by CLIENTS=8 parallel callers
#
# Each referral sent to the subscribed crisis centre is one referral.submitted delivery. The receiver
# records when each arrives; throughput is deliveries per second from the first arrival to the last,
# lag is arrival time minus the event's own time (its transaction's time in the service). Live delivery
# can only keep pace with the referrals being sent; a second phase replays the whole feed at once and
# measures how fast one worker drains a backlog.
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS=${EVENTS:-2000}
CLIENTS=${CLIENTS:-8}
RECEIVER_PORT=${RECEIVER_PORT:-8097}
. bench/lib.sh
build_service
start_postgres
# shellcheck disable=SC2046
start_service -Dqorgau.webhooks.allow-http=true -Dqorgau.webhooks.internal-receivers=127.0.0.1/32 $(test_key_oidc)

python3 - "$RECEIVER_PORT" "$EVENTS" "$WORK/arrived" > "$WORK/receiver.out" 2>&1 <<'PY' &
import json, sys, time, statistics, threading
from datetime import datetime
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler
port, expected = int(sys.argv[1]), int(sys.argv[2])
arrivals, ids = [], []
class Hook(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers['Content-Length']))
        now = time.time()
        event = json.loads(body)
        at = datetime.fromisoformat(event['timestamp'].replace('Z', '+00:00')).timestamp()
        arrivals.append((now, now - at)); ids.append(self.headers['webhook-id'])
        self.send_response(204); self.end_headers()
    def log_message(self, *args):
        pass
class Server(ThreadingHTTPServer):
    request_queue_size = 512  # the service sends a worker's batch side by side
    daemon_threads = True
server = Server(('127.0.0.1', port), Hook)
threading.Thread(target=server.serve_forever, daemon=True).start()
deadline = time.time() + 600
def report(name, part, with_lag):
    first, last = part[0][0], part[-1][0]
    print(f"{name}: {len(part)} deliveries, {len(part) / max(last - first, 1e-9):.0f} deliveries/s over {last - first:.1f} s")
    if with_lag:
        lags = sorted(l for _, l in part)
        print(f"  lag p50 {statistics.median(lags) * 1000:.0f} ms, p99 {lags[int(len(lags) * 0.99) - 1] * 1000:.0f} ms, max {lags[-1] * 1000:.0f} ms")
while len(arrivals) < 2 * expected and time.time() < deadline:
    with open(sys.argv[3], 'w') as progress:
        progress.write(str(len(arrivals)))
    time.sleep(0.05)
server.shutdown()
print(f"received {len(arrivals)} of {2 * expected}, {len(set(ids))} distinct webhook-ids")
report("live (while the referrals were being sent)", arrivals[:expected], True)
report("drain (a replay of all of them at once)", arrivals[expected:], False)
PY
RECEIVER=$!

COORD=$(mint almaty coordinator)
agency() { post /api/v1/agencies "$COORD" "{\"name\":\"$1 $RANDOM$RANDOM\",\"kind\":\"$2\",\"services\":[\"SHELTER\"]}" | json_field id; }
POLICE=$(agency "Bench precinct" POLICE)
CENTRE=$(agency "Bench crisis centre" NGO_CRISIS_CENTRE)
INSPECTOR=$(mint almaty police-inspector "$POLICE")
ADMIN=$(mint almaty agency-admin,ngo-caseworker "$CENTRE")
SUBSCRIPTION=$(post /api/v1/webhook-subscriptions "$ADMIN" "{\"url\":\"http://127.0.0.1:$RECEIVER_PORT/hook\",\"eventTypes\":[\"referral.submitted\"]}" | json_field id)
CASE=$(post /api/v1/cases "$INSPECTOR" '{"survivor":{"fullName":"Bench Survivor"},"riskLevel":"HIGH"}' | json_field id)
post "/api/v1/cases/$CASE/consents" "$INSPECTOR" "{\"recipientAgencyIds\":[\"$CENTRE\"],\"categories\":[\"IDENTITY\"],\"method\":\"WRITTEN\"}" >/dev/null
BODY="{\"caseId\":\"$CASE\",\"receiverAgencyId\":\"$CENTRE\",\"servicesRequested\":[\"SHELTER\"],\"submit\":true}"

START=$(date +%s%N)
seq "$EVENTS" | xargs -P "$CLIENTS" -I{} curl -sf -o /dev/null -X POST "$BASE/api/v1/referrals" \
  -H "Authorization: Bearer $INSPECTOR" -H 'Content-Type: application/json' -d "$BODY"
echo "sent $EVENTS referrals in $(( ($(date +%s%N) - START) / 1000000 )) ms ($CLIENTS parallel callers)"
# Once the live deliveries are in, replay the whole feed: a backlog the worker drains as fast as it can.
until [ "$(cat "$WORK/arrived" 2>/dev/null || echo 0)" -ge "$EVENTS" ]; do sleep 0.2; done
post "/api/v1/webhook-subscriptions/$SUBSCRIPTION/replay" "$ADMIN" '{"fromPosition":0}' >/dev/null
wait $RECEIVER
cat "$WORK/receiver.out"
