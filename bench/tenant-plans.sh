#!/usr/bin/env bash
# What a plan cached on a pooled connection costs the largest network when it was made while the connection acted
# for another one (issue 26, migration V36, BENCHMARKS.md). On PostgreSQL 17 with the project's migrations applied
# (psql, as bench/audit-seal.sh does) and REFERRALS seeded (bench/seed.sql), the service's role prepares three of the
# service's statements with its tenant condition, lets each settle on its generic plan (plan_cache_mode=auto, the
# service's: five custom plans, then the generic one) while acting for NETWORK, and then executes it for almaty, the
# seeded network. NETWORK is almaty itself, then a network the statistics do not know (one onboarded since the last
# analyze). Each is measured with the tenant condition as migration V8 wrote it, then as V36 writes it.
#
#   bench/tenant-plans.sh                      # about eight minutes at 1,000,000 referrals
#   REFERRALS=100000 bench/tenant-plans.sh     # a quick trial
set -euo pipefail
cd "$(dirname "$0")/.."
REFERRALS=${REFERRALS:-1000000}
INCIDENTS=${INCIDENTS:-$((REFERRALS * 3 / 10))}
RUNS=${RUNS:-200}
. bench/lib.sh
start_postgres > /dev/null
P() { PGOPTIONS="-c client_min_messages=warning" psql -q -v ON_ERROR_STOP=1 "$@"; }
V36=V36__tenant_condition_planned_for_any_network.sql
migrate_with_psql "$V36"
P -f src/main/resources/db/demo/R__demo_agencies.sql > /dev/null
started=$(date +%s%N)
P -v key_id=bench -v referrals="$REFERRALS" -v incidents="$INCIDENTS" -f bench/seed.sql > /dev/null
# The service's role writes one audit entry per request: a trail as long as the referrals, all almaty's.
P -c "insert into audit_entry (id, tenant_id, at, actor, actor_roles, action, record_type, record_id, categories,
    detail, request_id, mac)
  select gen_random_uuid(), 'almaty', now() - i * interval '1 second', 'actor-' || (i % 50), '{CASE_WORKER}', 'READ',
    'referral', gen_random_uuid(), '{IDENTITY}', 'read', 'request-' || i, sha256(i::text::bytea)
  from generate_series(1, $REFERRALS) i"
P -c "vacuum analyze"
echo "seeded $REFERRALS referrals, as many audit entries, in $(elapsed_ms "$started") ms"

REFERRAL=$(P -Atc "select id from referral where tenant_id = 'almaty' order by id limit 1 offset 1000")
ENTRY=$(P -Atc "select id from audit_entry order by id limit 1 offset 1000")
AGENCY=$(P -Atc "select receiver_agency_id from referral where tenant_id = 'almaty' group by 1 order by count(*) desc limit 1")
# The agency that receives the fewest: a plan that walks the network's referrals in order, keeping this agency's,
# walks most of them before it has a page.
FEW=$(P -Atc "select receiver_agency_id from referral where tenant_id = 'almaty' group by 1 order by count(*), 1 limit 1")

# measure CONDITION NETWORK: the statements, each planned while acting for NETWORK, then run RUNS times for
# almaty; prints each one's mean ms per execution and the plan it kept.
measure() {
  local condition=$1 network=$2 script=$WORK/plans.sql name
  {
    echo "set role qorgau_app;"
    echo "select set_config('qorgau.tenant', '$network', false);"
    echo "prepare by_id(uuid) as select * from referral where id = \$1 and $condition;"
    echo "prepare entry_by_id(uuid) as select id from audit_entry where id = \$1 and $condition;"
    echo "prepare incoming(uuid) as select * from referral where $condition and receiver_agency_id = \$1
            order by updated_at desc, id desc limit 21;"
    for _ in 1 2 3 4 5 6 7; do
      echo "execute by_id('$REFERRAL'); execute entry_by_id('$ENTRY'); execute incoming('$AGENCY');"
    done
    echo "select set_config('qorgau.tenant', 'almaty', false);"
    for name in by_id entry_by_id incoming incoming_few; do
      local argument=$REFERRAL
      [ $name = entry_by_id ] && argument=$ENTRY
      [ $name = incoming ] && argument=$AGENCY
      [ $name = incoming_few ] && { name=incoming; argument=$FEW; }
      echo "explain (analyze, costs off, timing off, summary off) execute $name('$argument');"
      echo "\\timing on"
      for _ in $(seq "$RUNS"); do echo "execute $name('$argument');"; done
      echo "\\timing off"
    done
    # Which kind of plan each statement ran with: the generic one, after its first five custom ones.
    echo "select 'PLANS|' || name || '|' || generic_plans || '|' || custom_plans from pg_prepared_statements;"
  } > "$script"
  psql -X -v ON_ERROR_STOP=1 -f "$script" 2>&1 | python3 -c '
import re, sys
runs = int(sys.argv[1])
times, scans, in_plan, kinds = [], [], False, {}
for line in sys.stdin.read().splitlines():
    m = re.match(r"Time: ([0-9.]+) ms", line)
    if line.strip().startswith("PLANS|"):
        _, name, generic, custom = line.strip().split("|")
        kinds[name] = f"{generic} generic, {custom} custom"
    elif m:
        times.append(float(m.group(1)))
    elif line.strip() == "QUERY PLAN":
        in_plan = True
    elif in_plan and "Scan" in line:
        scans.append(re.sub(r" *\(actual.*", "", line.strip().lstrip("-> ")))
        in_plan = False
statements = [("one referral by id", "by_id"), ("one audit entry by id", "entry_by_id"),
              ("incoming list, first page", "incoming"),
              ("incoming list, first page, the agency that receives the fewest", "incoming")]
for i, (name, prepared) in enumerate(statements):
    chunk = times[i * runs:(i + 1) * runs]
    print(f"{name}|{sum(chunk) / len(chunk):.3f}|{scans[i]}|{kinds[prepared]}")
' "$RUNS"
}

OLD="tenant_id = current_setting('qorgau.tenant', true)"
NEW="tenant_id = (select current_setting('qorgau.tenant', true))"
RESULTS=$WORK/results
: > "$RESULTS"
for network in almaty a-network-onboarded-since-the-last-analyze; do
  measure "$OLD" "$network" | sed "s/^/V8, planned for $network|/" >> "$RESULTS"
done
started=$(date +%s%N)
sed 's/\${app_role}/qorgau_app/g' "src/main/resources/db/migration/$V36" | P
MIGRATED="migration V36 itself took $(elapsed_ms "$started") ms"
for network in almaty a-network-onboarded-since-the-last-analyze; do
  measure "$NEW" "$network" | sed "s/^/V36, planned for $network|/" >> "$RESULTS"
done
echo
echo "$REFERRALS referrals, almaty's statements run $RUNS times each with the plan made for the network named:"
echo
echo "| tenant condition, plan made for | statement | ms per execution | the plan's scan | its plans at the end |"
echo "| --- | --- | --- | --- | --- |"
sed 's/^\(.*\)|\(.*\)|\(.*\)|\(.*\)|\(.*\)$/| \1 | \2 | \3 | `\4` | \5 |/' "$RESULTS"
echo
echo "$MIGRATED"
