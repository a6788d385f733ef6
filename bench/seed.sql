-- A large, realistic data set for the benchmark (issue 10), written straight into a database that already
-- has the schema (the service's Flyway migrations) and the demo agencies (db/demo/R__demo_agencies.sql).
--
--   psql -v ON_ERROR_STOP=1 -f bench/seed.sql                                   # full size
--   psql -v ON_ERROR_STOP=1 -v referrals=10000 -v incidents=3000 -f bench/seed.sql   # a quick trial
--
-- Sizes (psql variables, defaults in brackets) are for tenant almaty; tenant astana gets astana_scale of
-- each: agencies [200, counting the demo ones], incidents [300000], cases [as many as incidents; each has
-- its own survivor and one consent], referrals [1000000], focus_referrals [6% of referrals: how many the
-- demo crisis centre ...103 receives, most from the demo police ...101], astana_scale [0.1], key_id
-- ['seed': the key id written on the survivors' dummy sealed names; they open under no key, so reading a
-- survivor's personal data fails for seeded cases. Unless it is the service's active key id, the
-- re-encryption job visits every seeded survivor on each run, finding none it can move].
--
-- What it writes follows what the service itself would have written: each referral went through the
-- lifecycle of kz.qorgau.referral.ReferralStateMachine to its state, with one referral_history row per step
-- (escalations of the deadline job included), one outbox_event per row as ReferralService and DeadlineJob
-- append them, already relayed (a feed position and agency_feed rows, as OutboxRelay does). Incidents
-- bring their incident.reported events, and a WITHDRAW that withdrew a consent its consent.withdrawn.
--
-- The free text about people is the exception: it is sealed (AES-GCM, migration V7) and only the service
-- can write it, so the seed leaves it out: cases' summaries and close reasons, incidents' descriptions and
-- persons, referrals' notes and emergency reasons, and the notes of the history are all NULL.
--
-- Run it once, on a database without seeded data. Everything happens in one transaction, so a failure
-- leaves the database as it was. For speed, the indexes and constraints of the tables it fills are dropped
-- first and built again at the end (building an index once is much cheaper than maintaining it through
-- millions of inserts, and re-adding a foreign key checks it with one join instead of a trigger per row).
-- The full size takes about three minutes on two cores with a durable PostgreSQL, writes about 6 GB, and
-- uses up to 2 GB of temporary buffers and 1 GB per sort in its session.

\set ON_ERROR_STOP on
\if :{?agencies} \else \set agencies 200 \endif
\if :{?incidents} \else \set incidents 300000 \endif
\if :{?cases} \else \set cases :incidents \endif
\if :{?referrals} \else \set referrals 1000000 \endif
\if :{?focus_referrals} \else \set focus_referrals -1 \endif
\if :{?astana_scale} \else \set astana_scale 0.1 \endif
\if :{?key_id} \else \set key_id seed \endif

-- Temporary tables hold the plan of the data set; they are not WAL-logged, and large local buffers keep
-- them in memory. Both settings must come before the first temporary table of the session.
set temp_buffers = '2GB';
set work_mem = '1GB';
set maintenance_work_mem = '1GB';

begin;
-- Day arithmetic in UTC is exact: no daylight saving shifts.
set local timezone = 'UTC';

do $$
begin
    if (select count(*) from agency where id in ('0192a000-0000-7000-8000-000000000101',
            '0192a000-0000-7000-8000-000000000103', '0192a000-0000-7000-8000-000000000201',
            '0192a000-0000-7000-8000-000000000203')) < 4 then
        raise exception 'the demo agencies are missing: apply db/demo/R__demo_agencies.sql first';
    end if;
    -- The seed's dispatch references would collide with those of an earlier run.
    if exists (select 1 from incident where tenant_id in ('almaty', 'astana')
               and external_reference ~ '^(ALM|AST)-[0-9]{4}-[0-9]{7}$') then
        raise exception 'this database is already seeded';
    end if;
end
$$;

-- Helpers -------------------------------------------------------------------------------------------------

-- A version 7 UUID for a time, as the service's id generator makes them: ids sort by creation time. The
-- 48-bit millisecond time, the version (7), 12 random bits, the variant (binary 10) and 62 random bits,
-- built from two bigints (random() is much cheaper than gen_random_uuid()).
create function pg_temp.uuid7(ts timestamptz) returns uuid language sql volatile as $$
    select (lpad(to_hex((floor(date_part('epoch', ts) * 1000)::bigint << 16) | 28672
                        | floor(random() * 4096)::bigint), 16, '0')
            || to_hex((-9223372036854775808)::bigint | (floor(random() * 2147483648)::bigint << 31)
                      | floor(random() * 2147483648)::bigint))::uuid
$$;

-- An instant as Jackson writes java.time.Instant into the payloads: ISO-8601 in UTC, the fraction in
-- groups of three digits (".123456", ".123" or none).
create function pg_temp.iso(ts timestamptz) returns text language sql stable as $$
    select regexp_replace(to_char(ts at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), '\.?0{3}(0{3})?$', '') || 'Z'
$$;

-- The token subject of one of an agency's staff: each agency has six people acting for it.
create function pg_temp.staff(agency uuid, n int) returns text language sql immutable as $$
    select md5(agency::text || '/' || n)::uuid::text
$$;

-- Parameters per tenant ------------------------------------------------------------------------------------

create temp table seed_param as
select v.*, t.anchor,
       -- Cases open over 26 months; referrals change over the last two years. The span is a plain
       -- duration (no calendar months), so that fractions of it are exact.
       t.anchor - interval '26 months' as cstart,
       (t.anchor - interval '2 hours') - (t.anchor - interval '26 months') as cspan,
       -- The share of cases the focus police leads.
       0.12 as focus_share
from (select date_trunc('second', now()) as anchor) t
cross join (values
    ('almaty', :agencies, :incidents, :cases, :referrals,
     case when :focus_referrals < 0 then round(:referrals * 0.06) else :focus_referrals end,
     '0192a000-0000-7000-8000-000000000101'::uuid, '0192a000-0000-7000-8000-000000000103'::uuid,
     array['Alatau', 'Almaly', 'Auezov', 'Bostandyk', 'Medeu', 'Nauryzbay', 'Turksib', 'Zhetysu'], '+7 727', 'ALM'),
    ('astana', ceil(:agencies * :astana_scale)::int, ceil(:incidents * :astana_scale)::int,
     ceil(:cases * :astana_scale)::int, ceil(:referrals * :astana_scale)::int,
     ceil(case when :focus_referrals < 0 then round(:referrals * 0.06) else :focus_referrals end * :astana_scale),
     '0192a000-0000-7000-8000-000000000201'::uuid, '0192a000-0000-7000-8000-000000000203'::uuid,
     array['Almaty', 'Baikonur', 'Nura', 'Saryarka', 'Yesil'], '+7 7172', 'AST')
) v(tenant_id, agencies, incidents, cases, referrals, focus_referrals, focus_sender, focus_receiver, districts,
    phone_prefix, ref_prefix);

do $$
begin
    if exists (select 1 from seed_param where cases < 100 or referrals < 100) then
        raise exception 'sizes too small: each tenant needs at least 100 cases and 100 referrals';
    end if;
end
$$;

-- Agencies ---------------------------------------------------------------------------------------------------

\echo agencies
-- The new agencies come in kind blocks (15% police, 12% social protection, 25% crisis centres, 22% health,
-- 15% legal aid, 11% other), numbered within their kind so that names are unique.
insert into agency (id, tenant_id, name, kind, district, services, email, phone, active, version, created_at,
                    updated_at, districts, languages, hours, free_places, accepting_referrals, directory_updated_at)
select pg_temp.uuid7(created_at), tenant_id,
       case kind when 'POLICE' then format('%s district police station No. %s', district, n)
                 when 'SOCIAL_PROTECTION' then format('%s district social protection office No. %s', district, n)
                 when 'NGO_CRISIS_CENTRE' then format('Crisis centre for women No. %s (%s)', n, district)
                 when 'HEALTH' then format('City polyclinic No. %s (%s)', n, district)
                 when 'LEGAL_AID' then format('Legal aid bureau No. %s (%s)', n, district)
                 else format('Community support centre No. %s (%s)', n, district) end,
       kind, district,
       case kind when 'POLICE' then '{}'::varchar[]
                 when 'SOCIAL_PROTECTION' then case when n % 2 = 0
                     then '{SOCIAL_BENEFITS,CHILD_PROTECTION,PSYCHOLOGICAL_COUNSELLING,HOUSING_SUPPORT}'
                     else '{SOCIAL_BENEFITS,CHILD_PROTECTION,HOUSING_SUPPORT,EMPLOYMENT_SUPPORT}' end::varchar[]
                 when 'NGO_CRISIS_CENTRE' then case n % 3
                     when 0 then '{SHELTER,PSYCHOLOGICAL_COUNSELLING,LEGAL_AID,CRISIS_HOTLINE}'
                     when 1 then '{SHELTER,PSYCHOLOGICAL_COUNSELLING}'
                     else '{PSYCHOLOGICAL_COUNSELLING,LEGAL_AID,CRISIS_HOTLINE}' end::varchar[]
                 when 'HEALTH' then case when n % 2 = 0 then '{MEDICAL_CARE,PSYCHOLOGICAL_COUNSELLING}'
                                         else '{MEDICAL_CARE}' end::varchar[]
                 when 'LEGAL_AID' then case when n % 2 = 0 then '{LEGAL_AID,INTERPRETATION}'
                                            else '{LEGAL_AID}' end::varchar[]
                 else case n % 3 when 0 then '{EMPLOYMENT_SUPPORT,HOUSING_SUPPORT}' when 1 then '{INTERPRETATION}'
                                 else '{EMPLOYMENT_SUPPORT,HOUSING_SUPPORT,INTERPRETATION}' end::varchar[] end,
       format('%s.%s.%s@qorgau.example', lower(kind), n, lower(tenant_id)),
       format('%s %s %s%s', phone_prefix, 200 + i, lpad(((i * 37) % 100)::text, 2, '0'),
              lpad(((i * 53) % 100)::text, 2, '0')),
       true, 0, created_at, created_at,
       array[district, next_district], case when i % 5 = 0 then '{kk,ru,en}' else '{kk,ru}' end::varchar[],
       case when kind in ('POLICE', 'NGO_CRISIS_CENTRE', 'HEALTH') then '24/7' else 'Mon-Fri 09:00-18:00' end,
       case when kind = 'NGO_CRISIS_CENTRE' then (i * 7) % 13 end,
       true, created_at
from (
    select k.*, row_number() over (partition by k.tenant_id, k.kind order by k.i) as n
    from (
        select p.tenant_id, p.phone_prefix, i,
               p.anchor - interval '27 months' + i * interval '1 hour' as created_at,
               p.districts[1 + i % cardinality(p.districts)] as district,
               p.districts[1 + (i + 1) % cardinality(p.districts)] as next_district,
               case when (i - 0.5) / n_new < 0.15 then 'POLICE'
                    when (i - 0.5) / n_new < 0.27 then 'SOCIAL_PROTECTION'
                    when (i - 0.5) / n_new < 0.52 then 'NGO_CRISIS_CENTRE'
                    when (i - 0.5) / n_new < 0.74 then 'HEALTH'
                    when (i - 0.5) / n_new < 0.89 then 'LEGAL_AID'
                    else 'OTHER' end as kind
        from seed_param p
        cross join lateral (select greatest(p.agencies - count(*), 0) as n_new from agency a
                            where a.tenant_id = p.tenant_id) e
        cross join lateral generate_series(1, e.n_new) i
    ) k
) a;

-- Who may lead a case, report an incident or receive a referral, as numbered lists to pick from with a
-- random index: "police" (all but the focus police, which is picked on purpose), "leads" (the agencies
-- offering services; police offer none) and "receivers" (the same without the focus crisis centre, which
-- is routed to on purpose; crisis centres listed three times and social protection and health twice, as
-- they get most referrals). Copies of one agency are far apart, so the next entry is another but where the
-- list wraps round.
create temp table seed_pick as
select tenant_id, pool, row_number() over (partition by tenant_id, pool order by copy, name, agency_id) as i, agency_id
from (
    select a.tenant_id, 'police' as pool, 1 as copy, a.name, a.id as agency_id
    from agency a join seed_param p using (tenant_id)
    where a.kind = 'POLICE' and a.active and a.id <> p.focus_sender
    union all
    select a.tenant_id, 'leads', 1, a.name, a.id
    from agency a join seed_param p using (tenant_id)
    where a.kind <> 'POLICE' and a.active and cardinality(a.services) > 0
    union all
    select a.tenant_id, 'receivers', copy, a.name, a.id
    from agency a join seed_param p using (tenant_id) cross join generate_series(1, 3) copy
    where a.kind not in ('POLICE', 'HOTLINE', 'EXTERNAL') and a.active and cardinality(a.services) > 0
      and a.id <> p.focus_receiver
      and copy <= case a.kind when 'NGO_CRISIS_CENTRE' then 3 when 'SOCIAL_PROTECTION' then 2
                              when 'HEALTH' then 2 else 1 end
) x;

create temp table seed_pool as
select q.*,
       greatest(0, (q.focus_referrals - q.p_focus_sender * q.referrals * q.focus_share * 0.85)
                   / (q.referrals * (1 - q.focus_share * 0.85))) as p_focus_other
from (
    select p.*,
           (select count(*) from seed_pick k where k.tenant_id = p.tenant_id and k.pool = 'police') as n_police,
           (select count(*) from seed_pick k where k.tenant_id = p.tenant_id and k.pool = 'leads') as n_leads,
           (select count(*) from seed_pick k where k.tenant_id = p.tenant_id and k.pool = 'receivers') as n_receivers,
           -- The chances that route a referral to the focus crisis centre, so that it receives about
           -- focus_referrals, three quarters of them from the focus police (which sends about
           -- focus_share * 85% of all referrals: the share of cases it leads) and the rest from anyone.
           least(0.9, 0.75 * p.focus_referrals / (p.referrals * p.focus_share * 0.85)) as p_focus_sender
    from seed_param p
) q;
analyze seed_pick;

-- The indexes and constraints of the tables about to be filled ------------------------------------------------

\echo dropping indexes and constraints of the seeded tables
create temp table seed_ddl as
with seeded(rel) as (
    select unnest(array['incident', 'survivor', 'case_file', 'case_incident', 'consent', 'referral',
                        'referral_history', 'outbox_event', 'agency_feed']::regclass[]))
-- Foreign keys from and to the seeded tables: dropped first, added (and so checked) last.
select 1 as drop_order, 3 as create_order,
       format('alter table %s drop constraint %I', c.conrelid::regclass, c.conname) as drop_sql,
       format('alter table %s add constraint %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid))
           as create_sql
from pg_constraint c
where c.contype = 'f' and (c.conrelid in (select rel from seeded) or c.confrelid in (select rel from seeded))
union all
-- Primary keys and unique constraints, with their indexes.
select 2, 1,
       format('alter table %s drop constraint %I', c.conrelid::regclass, c.conname),
       format('alter table %s add constraint %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid))
from pg_constraint c
where c.contype in ('p', 'u') and c.conrelid in (select rel from seeded)
union all
-- Every other index but the partial ones: those are cheap to keep up (few rows, or rows arriving in key
-- order), and a predicate such as "state in (...)" would not come back from pg_get_indexdef in the very
-- form the migration wrote it (equivalent, but a schema diff would show it).
select 3, 2, format('drop index %s', i.indexrelid::regclass), pg_get_indexdef(i.indexrelid)
from pg_index i
where i.indrelid in (select rel from seeded) and i.indpred is null
  and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.contype in ('p', 'u', 'x'));

select drop_sql from seed_ddl order by drop_order \gexec

-- Cases, survivors and consents ---------------------------------------------------------------------------------

\echo cases
-- Each risk level has its own evenly spaced timeline of cases, so that a referral of a given priority can
-- find a case of that risk opened before it by arithmetic (see s_r1). 85% of cases are led by the police
-- that reported their incident, the others by a service agency the survivor went to directly.
create temp table s_case as
with d as materialized (
    select p.tenant_id, k, random() as u_risk, random() as u_lead, random() as u_pick, random() as u_pick2,
           random() as u_t, random() as u_gap, random() as u_staff, random() as u_consent, random() as u_cat,
           random() as u_method, random() as u_exp, random() as u_inc1, random() as u_inc2
    from seed_param p cross join generate_series(1, p.cases) k
), l as materialized (
    select d.*,
           case when u_risk < 0.12 then 'EMERGENCY' when u_risk < 0.45 then 'HIGH' else 'ROUTINE' end as risk_level,
           u_lead < 0.85 as police_led,
           coalesce(k.agency_id, sp.focus_sender) as lead_agency_id,
           sp.incidents, sp.cstart, sp.cspan
    from d join seed_pool sp using (tenant_id)
    left join seed_pick k
        on k.tenant_id = d.tenant_id
       and k.pool = case when d.u_lead >= 0.85 then 'leads' when d.u_pick >= sp.focus_share then 'police' end
       and k.i = 1 + floor(d.u_pick2 * case when d.u_lead >= 0.85 then sp.n_leads else sp.n_police end)::int
), n as (
    select l.*,
           row_number() over (partition by tenant_id, risk_level order by k) as rk,
           count(*) over (partition by tenant_id, risk_level) as n_risk,
           row_number() over (partition by tenant_id, police_led order by k) as led_no
    from l
), t as materialized (
    select n.*, cstart + cspan * ((rk - 1) - 0.9 * u_t) / n_risk as created_at from n
), c as materialized (
    select t.*,
           created_at + interval '1 minute' * (1 + 9 * u_gap) as given_at,
           police_led and led_no <= incidents as has_incident,
           created_at - interval '1 minute' * (10 + 2870 * u_inc1) as incident_at
    from t
)
select tenant_id, k, risk_level, rk, n_risk, lead_agency_id, police_led, created_at,
       pg_temp.uuid7(created_at) as case_id, pg_temp.uuid7(created_at) as survivor_id,
       pg_temp.staff(lead_agency_id, floor(u_staff * 6)::int) as lead_actor,
       -- One consent per case, recorded right after the case was opened. A few survivors agree only to
       -- social protection and crisis centres; referrals elsewhere then go under the emergency exception.
       pg_temp.uuid7(given_at) as consent_id, given_at,
       case when u_consent < 0.06 then '{SOCIAL_PROTECTION,NGO_CRISIS_CENTRE}'
            else '{SOCIAL_PROTECTION,NGO_CRISIS_CENTRE,HEALTH,LEGAL_AID,OTHER}' end::varchar[] as consent_kinds,
       case when u_cat < 0.6 then '{IDENTITY,CONTACT,ADDRESS,INCIDENT_DETAILS,RISK}'
            when u_cat < 0.85 then '{IDENTITY,CONTACT,INCIDENT_DETAILS}'
            else '{IDENTITY,INCIDENT_DETAILS,RISK}' end::varchar[] as consent_categories,
       case when u_method < 0.6 then 'WRITTEN' when u_method < 0.85 then 'VERBAL'
            else 'ELECTRONIC' end as consent_method,
       case when u_exp < 0.2 then given_at + interval '3 years' end as consent_expires_at,
       case when has_incident then pg_temp.uuid7(incident_at) end as incident_id,
       case when has_incident then incident_at end as incident_at,
       case when has_incident then incident_at - interval '1 minute' * (5 + 715 * u_inc2) end as occurred_at
from c;

-- Temporary tables get no statistics unless asked; the joins below need them for sensible plans.
analyze s_case;

create temp table s_case_count as
select tenant_id, risk_level, max(n_risk) as n_risk from s_case group by tenant_id, risk_level;

-- Referrals: the path of each to its state, and when each step happened ------------------------------------------

\echo referral paths
-- Deadlines (TenantsConfig's defaults) bound the waits: a referral that is not waiting any more was
-- acknowledged, answered or cancelled within them, so the deadline job never had to escalate it; one
-- still SUBMITTED or ACKNOWLEDGED past them was escalated, once per deadline, as the job does.
create temp table s_r1 as
-- The offsets below build on each other, and an inlined CTE repeats its expressions wherever its columns
-- are used; materializing a few steps keeps that from multiplying.
with d as materialized (
    select p.tenant_id, g, p.anchor, p.cstart, p.cspan,
           random() as u_pri, random() as u_state, random() as u_path, random() as u_age, random() as u1,
           random() as u2, random() as u3, random() as u4, random() as u5, random() as u6, random() as u7,
           random() as u8, random() as u_lag, random() as u_pick
    from seed_param p cross join generate_series(1, p.referrals) g
), s as (
    select d.*,
           case when u_pri < 0.12 then 'EMERGENCY' when u_pri < 0.45 then 'HIGH' else 'ROUTINE' end as priority,
           -- The final states: most referrals of two years have ended; the open ones are recent.
           case when u_state < 0.04 then 'DRAFT'
                when u_state < 0.12 then 'SUBMITTED'
                when u_state < 0.17 then 'ACKNOWLEDGED'
                when u_state < 0.23 then 'ACCEPTED'
                when u_state < 0.35 then 'IN_PROGRESS'
                when u_state < 0.38 then 'ON_HOLD'
                when u_state < 0.64 then 'COMPLETED'
                when u_state < 0.82 then 'DECLINED'
                when u_state < 0.96 then 'CANCELLED'
                else 'WITHDRAWN' end as state
    from d
), p as (
    select s.*,
           -- The state a cancelled or withdrawn referral was in when it ended.
           case state when 'CANCELLED' then case when u_path < 0.35 then 'DRAFT'
                                                 when u_path < 0.75 then 'SUBMITTED'
                                                 when u_path < 0.85 then 'ACKNOWLEDGED'
                                                 else 'ACCEPTED' end
                      when 'WITHDRAWN' then case when u_path < 0.25 then 'SUBMITTED'
                                                 when u_path < 0.40 then 'ACKNOWLEDGED'
                                                 when u_path < 0.60 then 'ACCEPTED'
                                                 else 'IN_PROGRESS' end end as pre_state,
           case priority when 'EMERGENCY' then interval '1 hour' when 'HIGH' then interval '4 hours'
                         else interval '72 hours' end as ack_dl,
           case priority when 'EMERGENCY' then interval '4 hours' when 'HIGH' then interval '24 hours'
                         else interval '7 days' end as resp_dl
    from s
), f as (
    -- Which steps it took. ACKNOWLEDGE is optional before ACCEPT or DECLINE; long paths skip it so that
    -- no referral has more than five history entries.
    select p.*,
           state <> 'DRAFT' and coalesce(pre_state, '') <> 'DRAFT' as has_submit,
           state = 'ACKNOWLEDGED' or pre_state = 'ACKNOWLEDGED'
               or (state in ('ACCEPTED', 'IN_PROGRESS', 'DECLINED') and u_path < 0.3) as has_ack,
           state in ('ACCEPTED', 'IN_PROGRESS', 'ON_HOLD', 'COMPLETED')
               or pre_state in ('ACCEPTED', 'IN_PROGRESS') as has_accept,
           state in ('IN_PROGRESS', 'ON_HOLD', 'COMPLETED') or pre_state = 'IN_PROGRESS' as has_start
    from p
), o1 as (
    -- Offsets from the creation. Most referrals are sent as they are created (one transaction); a draft
    -- sent later waited minutes to two days.
    select f.*,
           case when has_submit then case when u1 < 0.85 then interval '1 microsecond' * (200 + 2800 * u2)
                                          else interval '1 minute' * (5 + 2875 * u2) end end as d_submit
    from f
), o2 as (
    select o1.*, case when has_ack then d_submit + ack_dl * (0.05 + 0.85 * u3) end as d_ack from o1
), o3 as materialized (
    select o2.*,
           case when has_accept or state = 'DECLINED' then
               case when has_ack then d_ack + (d_submit + resp_dl - d_ack) * (0.1 + 0.85 * u4)
                    else d_submit + resp_dl * (0.05 + 0.9 * u4) end end as d_resp
    from o2
), o4 as (
    select o3.*, case when has_start then d_resp + interval '1 minute' * (10 + 4310 * u5) end as d_start from o3
), o5 as (
    select o4.*,
           case when state = 'ON_HOLD' then d_start + interval '1 day' * (1 + 29 * u6) end as d_pause,
           case when state = 'COMPLETED' then d_start + interval '1 day' * (2 + 88 * u6) end as d_complete,
           case pre_state when 'DRAFT' then interval '1 minute' * (5 + 20000 * u6)
                          when 'SUBMITTED' then d_submit + ack_dl * (0.05 + 0.85 * u6)
                          when 'ACKNOWLEDGED' then d_ack + (d_submit + resp_dl - d_ack) * (0.1 + 0.85 * u6)
                          when 'ACCEPTED' then d_resp + interval '1 minute' * (10 + 4310 * u6)
                          when 'IN_PROGRESS' then d_start + interval '1 day' * (1 + 59 * u6) end as d_end
    from o4
), c as materialized (
    -- Where it sits in time: a waiting referral was sent within the last two months; an ongoing one
    -- changed last within months; an ended one ended any time in the last two years.
    select o5.*,
           greatest(cstart + interval '1 hour',
               case state
                   when 'SUBMITTED' then anchor - interval '60 days' * power(u_age, 1.5) - d_submit
                   when 'ACKNOWLEDGED' then anchor - ack_dl - interval '60 days' * power(u_age, 1.5) - d_submit
                   else anchor - case state when 'DRAFT' then interval '120 days' * power(u_age, 3)
                                            when 'ACCEPTED' then interval '45 days' * power(u_age, 2)
                                            when 'IN_PROGRESS' then interval '240 days' * u_age
                                            when 'ON_HOLD' then interval '180 days' * u_age
                                            else interval '730 days' * u_age end
                               - coalesce(d_end, d_complete, d_pause, d_start, d_resp, d_ack, d_submit, interval '0')
               end) as t_create
    from o5
), a as (
    select c.*,
           t_create + d_submit as t_submit,
           t_create + d_ack as t_ack,
           case when has_accept then t_create + d_resp end as t_accept,
           case when state = 'DECLINED' then t_create + d_resp end as t_decline,
           t_create + d_start as t_start,
           t_create + d_pause as t_pause,
           t_create + d_complete as t_complete,
           case when state = 'CANCELLED' then t_create + d_end end as t_cancel,
           case when state = 'WITHDRAWN' then t_create + d_end end as t_withdraw
    from c
)
select a.tenant_id, a.g, a.priority, a.state, a.pre_state, a.has_submit, a.has_accept, a.u_pick,
       t_create, t_submit, t_ack, t_accept, t_decline, t_start, t_pause, t_complete, t_cancel, t_withdraw,
       -- The deadline job's escalations (it runs every minute) of those still waiting.
       case when state = 'SUBMITTED' and t_submit + ack_dl + interval '60 seconds' * u7 <= anchor
            then t_submit + ack_dl + interval '60 seconds' * u7 end as t_esc_ack,
       case when state in ('SUBMITTED', 'ACKNOWLEDGED') and t_submit + resp_dl + interval '60 seconds' * u8 <= anchor
            then t_submit + resp_dl + interval '60 seconds' * u8 end as t_esc_resp,
       -- The case: one of its priority's risk level opened 15 minutes to a month before the referral.
       least(greatest(floor(cc.n_risk * extract(epoch from t_create - interval '15 minutes'
                                                - interval '30 days' * power(u_lag, 3) - cstart)
                            / extract(epoch from cspan))::bigint, 0), cc.n_risk - 1) + 1 as rk
from a join s_case_count cc on cc.tenant_id = a.tenant_id and cc.risk_level = a.priority;

analyze s_r1;

\echo referrals
-- The parties: the case's lead agency sends; the receiver is the focus crisis centre on purpose, or any
-- other service agency. The services asked for are one to three of those the receiver offers.
create temp table s_ref as
with r as materialized (
    select r1.*, c.case_id, c.lead_agency_id as sender, c.consent_id as case_consent_id, c.consent_kinds,
           sp.focus_sender, sp.focus_receiver, sp.p_focus_sender, sp.p_focus_other,
           -- A random entry of the receivers list, and the entry after it.
           1 + floor(r1.u_pick * sp.n_receivers)::int as pick,
           1 + (1 + floor(r1.u_pick * sp.n_receivers)::int) % sp.n_receivers as next_pick,
           random() as u_rcv, random() as u_svc, random() as u_svcn, random() as u_sactor, random() as u_ractor,
           random() as u_side, random() as u_reason, random() as u_assignee
    from s_r1 r1
    join s_case c on c.tenant_id = r1.tenant_id and c.risk_level = r1.priority and c.rk = r1.rk
    join seed_pool sp on sp.tenant_id = r1.tenant_id
), rc as materialized (
    select r.*,
           case when r.sender = r.focus_sender and r.u_rcv < r.p_focus_sender then r.focus_receiver
                when r.sender not in (r.focus_sender, r.focus_receiver) and r.u_rcv < r.p_focus_other
                    then r.focus_receiver
                -- The entry after it is another agency but where the list wraps round to its start.
                when k1.agency_id = r.sender then coalesce(nullif(k2.agency_id, r.sender),
                    (select k.agency_id from seed_pick k where k.tenant_id = r.tenant_id and k.pool = 'receivers'
                       and k.agency_id <> r.sender order by k.i limit 1))
                else k1.agency_id end as receiver
    from r
    join seed_pick k1 on k1.tenant_id = r.tenant_id and k1.pool = 'receivers' and k1.i = r.pick
    join seed_pick k2 on k2.tenant_id = r.tenant_id and k2.pool = 'receivers' and k2.i = r.next_pick
), s as materialized (
    select rc.*, ag.kind as receiver_kind, ag.services as rs, cardinality(ag.services) as ns,
           floor(rc.u_svc * cardinality(ag.services))::int as s0,
           least(cardinality(ag.services), case when rc.u_svcn < 0.6 then 1 when rc.u_svcn < 0.9 then 2 else 3 end) as m
    from rc join agency ag on ag.id = rc.receiver
), v as (
    select s.*, rs[s0 % ns + 1] as sa, rs[(s0 + 1) % ns + 1] as sb, rs[(s0 + 2) % ns + 1] as sc from s
)
select tenant_id, pg_temp.uuid7(t_create) as id, case_id, sender, receiver, receiver_kind, priority, state,
       pre_state, has_submit, has_accept,
       t_create, t_submit, t_ack, t_accept, t_decline, t_start, t_pause, t_complete, t_cancel, t_withdraw,
       t_esc_ack, t_esc_resp,
       coalesce(t_decline, t_complete, t_cancel, t_withdraw) as closed_at,
       greatest(t_create, t_submit, t_ack, t_accept, t_decline, t_start, t_pause, t_complete, t_cancel, t_withdraw,
                t_esc_ack, t_esc_resp) as updated_at,
       case m when 1 then array[sa]
              when 2 then array[least(sa, sb), greatest(sa, sb)]
              else array[least(sa, sb, sc), greatest(least(sa, sb), least(greatest(sa, sb), sc)), greatest(sa, sb, sc)]
       end::varchar(40)[] as services_requested,
       receiver_kind = any(consent_kinds) as kind_covered, case_consent_id,
       pg_temp.staff(sender, floor(u_sactor * 6)::int) as sender_actor,
       pg_temp.staff(receiver, floor(u_ractor * 6)::int) as receiver_actor,
       -- A withdrawal comes from either side (the receiver only once the referral was sent).
       state = 'WITHDRAWN' and u_side < 0.4 as withdrawn_by_receiver,
       case when state = 'DECLINED' then case when u_reason < 0.45 then 'NO_CAPACITY'
                                              when u_reason < 0.65 then 'OUT_OF_SCOPE'
                                              when u_reason < 0.80 then 'NOT_ELIGIBLE'
                                              when u_reason < 0.90 then 'DUPLICATE'
                                              else 'OTHER' end end as decline_reason,
       case when state = 'COMPLETED' then case when u_reason < 0.50 then 'GOALS_MET'
                                               when u_reason < 0.75 then 'PARTIALLY_MET'
                                               when u_reason < 0.87 then 'SURVIVOR_DISENGAGED'
                                               when u_reason < 0.95 then 'SURVIVOR_RELOCATED'
                                               else 'OTHER' end end as outcome,
       u_assignee
from v;

-- A WITHDRAW means the survivor withdrew her consent: the first one on a case under its consent withdraws
-- it (and emits consent.withdrawn). Referrals of the case sent after that go under the emergency exception.
create temp table s_withdrawal as
select distinct on (case_id) case_id, case_consent_id as consent_id, id as referral_id, t_withdraw as at,
       sender, receiver,
       case when withdrawn_by_receiver then receiver_actor else sender_actor end as actor,
       case when withdrawn_by_receiver then receiver else sender end as actor_agency
from s_ref
where state = 'WITHDRAWN' and kind_covered
order by case_id, t_withdraw;

analyze s_ref;
analyze s_withdrawal;

-- Writing the rows ----------------------------------------------------------------------------------------------

\echo survivors, cases, consents
insert into survivor (id, tenant_id, key_id, full_name_sealed, created_at, updated_at)
select c.survivor_id, c.tenant_id, :'key_id',
       -- Shaped like FieldCipher's format (format 1, key id, nonce, ciphertext and tag) but opening to nothing.
       '\x01'::bytea || set_byte('\x00'::bytea, 0, octet_length(:'key_id')) || convert_to(:'key_id', 'UTF8')
           || sha256(uuid_send(c.survivor_id)),
       c.created_at, c.created_at
from s_case c;

insert into case_file (id, tenant_id, survivor_id, lead_agency_id, risk_level, status, summary, opened_by, version,
                       created_at, updated_at, closed_at, closed_by, close_reason)
select c.case_id, c.tenant_id, c.survivor_id, c.lead_agency_id, c.risk_level,
       -- The summary and the close reason are sealed by the service: NULL here.
       case when x.closed_at is null then 'OPEN' else 'CLOSED' end, null, c.lead_actor,
       -- Opening is version 0; recording the consent touched the case (1); closing it, 2.
       case when x.closed_at is null then 1 else 2 end,
       c.created_at, coalesce(x.closed_at, c.given_at), x.closed_at,
       case when x.closed_at is not null then c.lead_actor end,
       null
from s_case c
left join (select case_id, bool_and(closed_at is not null) as all_ended, max(closed_at) as last_closed
           from s_ref group by case_id) a on a.case_id = c.case_id
cross join lateral (
    -- The lead agency closes most cases whose referrals all ended over a month ago, and half of the old
    -- cases that never needed a referral.
    select case when a.case_id is null and c.created_at < p.anchor - interval '90 days' and random() < 0.5
                    then c.created_at + interval '1 day' * (1 + 29 * random())
                when a.all_ended and a.last_closed < p.anchor - interval '30 days' and random() < 0.7
                    then a.last_closed + interval '1 hour' + interval '20 days' * random() end as closed_at
    from seed_param p where p.tenant_id = c.tenant_id
) x;

insert into consent (id, tenant_id, case_id, recipient_agency_ids, recipient_kinds, categories, method, given_at,
                     expires_at, recorded_by, recorded_by_agency, withdrawn_at, created_at, version, withdrawn_by,
                     withdrawn_by_agency)
select c.consent_id, c.tenant_id, c.case_id, '{}', c.consent_kinds, c.consent_categories, c.consent_method, c.given_at,
       c.consent_expires_at, c.lead_actor, c.lead_agency_id, w.at, c.given_at,
       case when w.at is null then 0 else 1 end, w.actor, w.actor_agency
from s_case c left join s_withdrawal w on w.case_id = c.case_id;

\echo incidents
-- The incidents of police-led cases, reported shortly before the case was opened, and as many more that
-- never became a case. Most carry the dispatch system's reference, many an Idempotency-Key.
create temp table s_inc as
with x as materialized (
    select p.tenant_id, p.focus_sender, p.focus_share, p.n_police,
           p.cstart + (p.anchor - interval '1 hour' - p.cstart) * random() as created_at,
           random() as u_occurred, random() as u_focus, random() as u_pick
    from seed_pool p
    cross join lateral generate_series(1, p.incidents - (select count(*) from s_case c where c.tenant_id = p.tenant_id
                                                                                       and c.incident_id is not null)) g
), i as (
    select tenant_id, incident_id as id, lead_agency_id as agency, incident_at as created_at, occurred_at
    from s_case where incident_id is not null
    union all
    select x.tenant_id, pg_temp.uuid7(x.created_at), coalesce(k.agency_id, x.focus_sender), x.created_at,
           x.created_at - interval '1 minute' * (5 + 715 * x.u_occurred)
    from x left join seed_pick k on k.tenant_id = x.tenant_id and k.pool = 'police' and x.u_focus >= x.focus_share
                                and k.i = 1 + floor(x.u_pick * x.n_police)::int
)
select i.*, row_number() over (partition by i.tenant_id order by i.created_at) as n,
       random() as u_ref, random() as u_key, random() as u_kind, random() as u_children, random() as u_weapons,
       random() as u_injuries, random() as u_district
from i;

analyze s_inc;

insert into incident (id, tenant_id, reporting_agency_id, external_reference, idempotency_key, request_hash,
                      occurred_at, district, violence_kinds, children_present, weapons_involved, injuries,
                      description, persons, created_by, created_at, updated_at)
select i.id, i.tenant_id, i.agency,
       case when i.u_ref < 0.8
            then format('%s-%s-%s', p.ref_prefix, to_char(i.occurred_at, 'YYYY'), lpad(i.n::text, 7, '0')) end,
       case when i.u_key < 0.6 then gen_random_uuid()::text end,
       encode(sha256(uuid_send(i.id)), 'hex'),
       i.occurred_at,
       case when i.u_district < 0.7 then coalesce(ag.district, p.districts[1])
            else p.districts[1 + floor(i.u_district * 1000)::int % cardinality(p.districts)] end,
       -- In the order of ViolenceKind, as the service writes its EnumSet.
       (array['{PHYSICAL}', '{PHYSICAL,PSYCHOLOGICAL}', '{PSYCHOLOGICAL,THREATS}', '{PHYSICAL,SEXUAL}',
              '{PSYCHOLOGICAL,ECONOMIC}', '{STALKING,THREATS}', '{PHYSICAL,THREATS}',
              '{PHYSICAL,PSYCHOLOGICAL,THREATS}'])
           [1 + floor(i.u_kind * 8)::int]::varchar(30)[],
       i.u_children < 0.35, i.u_weapons < 0.12, i.u_injuries < 0.45,
       -- The description and the persons involved are sealed by the service: NULL here (the service reads
       -- no persons as an empty list).
       null, null,
       pg_temp.staff(i.agency, 0), i.created_at, i.created_at
from s_inc i
join seed_param p on p.tenant_id = i.tenant_id
left join agency ag on ag.id = i.agency;

insert into case_incident (case_id, incident_id)
select case_id, incident_id from s_case where incident_id is not null;

\echo referrals
insert into referral (id, tenant_id, case_id, sender_agency_id, receiver_agency_id, state, priority,
                      services_requested, note, consent_id, emergency_reason, assignee, decline_reason, outcome,
                      services_delivered, created_by, submitted_at, acknowledged_at, accepted_at, closed_at, version,
                      created_at, updated_at, ack_overdue_at, respond_overdue_at)
-- The note and the emergency reason are sealed by the service: NULL here. So the referrals sent without a
-- consent, under the emergency exception, carry no reason, and the coordinators' list of them (which asks
-- for a reason) holds only those made through the API.
select r.id, r.tenant_id, r.case_id, r.sender, r.receiver, r.state, r.priority, r.services_requested, null,
       k.consent_id, null,
       case when r.has_accept and r.u_assignee < 0.85 then r.receiver_actor end,
       r.decline_reason, r.outcome,
       case when r.state = 'COMPLETED' then r.services_requested end,
       r.sender_actor, r.t_submit, r.t_ack, r.t_accept, r.closed_at,
       -- One version per history entry. (The service's own count starts at 0 with the creation, one less;
       -- the version is only ever compared with itself, in If-Match.)
       1 + (r.t_submit is not null)::int + (r.t_ack is not null)::int + (r.t_accept is not null)::int
         + (r.t_decline is not null)::int + (r.t_start is not null)::int + (r.t_pause is not null)::int
         + (r.t_complete is not null)::int + (r.t_cancel is not null)::int + (r.t_withdraw is not null)::int
         + (r.t_esc_ack is not null)::int + (r.t_esc_resp is not null)::int,
       r.t_create, r.updated_at, r.t_esc_ack, r.t_esc_resp
from s_ref r
left join s_withdrawal w on w.case_id = r.case_id
cross join lateral (
    -- SUBMIT takes the case's consent if it covers the receiver's kind and was not withdrawn before.
    select case when r.has_submit and r.kind_covered and (w.at is null or r.t_submit < w.at)
                then r.case_consent_id end as consent_id
) k
order by r.t_create;

\echo referral history
-- One entry per step, as ReferralService.record and DeadlineJob write them.
-- Each referral's two ends as the case's parties, as the service keeps them (migration V9 says what each
-- column means).
insert into case_party (tenant_id, case_id, referral_id, side, agency_id, live, on_case, emergency)
select tenant_id, case_id, id, 'SENDER', sender_agency_id,
       state not in ('COMPLETED', 'DECLINED', 'CANCELLED', 'WITHDRAWN'), false, false
from referral;
insert into case_party (tenant_id, case_id, referral_id, side, agency_id, live, on_case, emergency)
select tenant_id, case_id, id, 'RECEIVER', receiver_agency_id,
       state not in ('COMPLETED', 'DECLINED', 'CANCELLED', 'WITHDRAWN'),
       state in ('ACCEPTED', 'IN_PROGRESS', 'ON_HOLD'),
       consent_id is null and emergency_reason is not null
from referral where submitted_at is not null;

insert into referral_history (id, tenant_id, referral_id, action, from_state, to_state, actor, actor_agency_id,
                              reason_code, note, at)
select pg_temp.uuid7(h.at), h.tenant_id, h.referral_id, h.action, h.from_state, h.to_state, h.actor, h.agency,
       h.reason, null, h.at
from (
    select tenant_id, id as referral_id, 'CREATE' as action, null as from_state, 'DRAFT' as to_state,
           sender_actor as actor, sender as agency, null as reason, t_create as at
    from s_ref
    union all
    select tenant_id, id, 'SUBMIT', 'DRAFT', 'SUBMITTED', sender_actor, sender, null, t_submit
    from s_ref where t_submit is not null
    union all
    select tenant_id, id, 'ACKNOWLEDGE', 'SUBMITTED', 'ACKNOWLEDGED', receiver_actor, receiver, null, t_ack
    from s_ref where t_ack is not null
    union all
    select tenant_id, id, 'ACCEPT', case when t_ack is null then 'SUBMITTED' else 'ACKNOWLEDGED' end, 'ACCEPTED',
           receiver_actor, receiver, null, t_accept
    from s_ref where t_accept is not null
    union all
    select tenant_id, id, 'DECLINE', case when t_ack is null then 'SUBMITTED' else 'ACKNOWLEDGED' end, 'DECLINED',
           receiver_actor, receiver, decline_reason, t_decline
    from s_ref where t_decline is not null
    union all
    select tenant_id, id, 'START', 'ACCEPTED', 'IN_PROGRESS', receiver_actor, receiver, null, t_start
    from s_ref where t_start is not null
    union all
    -- PAUSE and CANCEL need a note, DECLINE and COMPLETE one with OTHER (TransitionRequirements), but the
    -- notes are sealed by the service and the seed cannot write them: these entries have none.
    select tenant_id, id, 'PAUSE', 'IN_PROGRESS', 'ON_HOLD', receiver_actor, receiver, null, t_pause
    from s_ref where t_pause is not null
    union all
    select tenant_id, id, 'COMPLETE', 'IN_PROGRESS', 'COMPLETED', receiver_actor, receiver, outcome, t_complete
    from s_ref where t_complete is not null
    union all
    select tenant_id, id, 'CANCEL', pre_state, 'CANCELLED', sender_actor, sender, null, t_cancel
    from s_ref where t_cancel is not null
    union all
    select tenant_id, id, 'WITHDRAW', pre_state, 'WITHDRAWN',
           case when withdrawn_by_receiver then receiver_actor else sender_actor end,
           case when withdrawn_by_receiver then receiver else sender end, null, t_withdraw
    from s_ref where t_withdraw is not null
    union all
    -- The deadline job acts as "system:deadlines", for no agency.
    select tenant_id, id, 'ESCALATE', state, state, 'system:deadlines', null, 'ACKNOWLEDGE_OVERDUE', t_esc_ack
    from s_ref where t_esc_ack is not null
    union all
    select tenant_id, id, 'ESCALATE', state, state, 'system:deadlines', null, 'RESPOND_OVERDUE', t_esc_resp
    from s_ref where t_esc_resp is not null
) h
order by h.at;

\echo outbox events
-- Every event in time order gets the next seq and, as the relay would have given it, the next position of its
-- network.
create temp table seed_base as
select greatest(coalesce((select max(seq) from outbox_event), 0),
                coalesce(pg_sequence_last_value(pg_get_serial_sequence('outbox_event', 'seq')::regclass), 0)) as seq;
-- Positions are numbered per network (migration V13), each on from its network's counter.
create temp table seed_position_base as
select t.id as tenant_id,
       greatest(coalesce((select max(o.position) from outbox_event o where o.tenant_id = t.id), 0),
                coalesce((select c.last_position from feed_counter c where c.tenant_id = t.id), 0)) as position
from tenant t;

insert into outbox_event (seq, id, tenant_id, aggregate_type, aggregate_id, event_type, audience, payload, created_at,
                          position)
select b.seq + e.n, pg_temp.uuid7(e.at), e.tenant_id, e.aggregate_type, e.aggregate_id, e.event_type,
       case when e.action = 'CREATE' or e.receiver is null then array[e.sender] else array[e.sender, e.receiver] end,
       case e.aggregate_type
           when 'referral' then
               jsonb_build_object('referralId', e.aggregate_id, 'caseId', e.case_id, 'senderAgencyId', e.sender,
                                  'receiverAgencyId', e.receiver, 'state', e.state, 'priority', e.priority,
                                  'at', pg_temp.iso(e.at))
               || case when e.action = 'ESCALATE'
                       then jsonb_build_object('missed', case when e.reason = 'ACKNOWLEDGE_OVERDUE' then 'ACKNOWLEDGE'
                                                              else 'RESPOND' end,
                                               'submittedAt', pg_temp.iso(e.submitted_at))
                       when e.action <> 'CREATE'
                       then jsonb_build_object('action', e.action, 'fromState', e.from_state)
                       else '{}' end
           when 'consent' then
               jsonb_build_object('consentId', e.aggregate_id, 'caseId', e.case_id, 'referralId', e.referral_id,
                                  'at', pg_temp.iso(e.at))
           else
               jsonb_build_object('incidentId', e.aggregate_id, 'reportingAgencyId', e.sender,
                                  'occurredAt', pg_temp.iso(e.occurred_at), 'district', e.district)
       end,
       e.at, pb.position + e.tn
from (
    select u.*, row_number() over (order by u.at, u.tiebreak) as n,
           row_number() over (partition by u.tenant_id order by u.at, u.tiebreak) as tn
    from (
        select h.tenant_id, 'referral' as aggregate_type, r.id as aggregate_id,
               case h.action when 'CREATE' then 'referral.created' when 'ESCALATE' then 'referral.escalated'
                             when 'SUBMIT' then 'referral.submitted' when 'ACKNOWLEDGE' then 'referral.acknowledged'
                             when 'ACCEPT' then 'referral.accepted' when 'DECLINE' then 'referral.declined'
                             when 'START' then 'referral.started' when 'PAUSE' then 'referral.paused'
                             when 'RESUME' then 'referral.resumed' when 'COMPLETE' then 'referral.completed'
                             when 'CANCEL' then 'referral.cancelled' when 'WITHDRAW' then 'referral.withdrawn' end
                   as event_type,
               h.action, h.from_state, h.to_state as state, h.reason_code as reason, h.at, r.case_id, r.sender,
               r.receiver,
               r.priority, r.t_submit as submitted_at, null::uuid as referral_id, null as district,
               null::timestamptz as occurred_at, 1 as tiebreak
        from referral_history h join s_ref r on r.id = h.referral_id
        union all
        -- A WITHDRAW appends the consent's event before its own.
        select r.tenant_id, 'consent', w.consent_id, 'consent.withdrawn', null, null, null, null, w.at,
               w.case_id, w.sender, w.receiver, null, null, w.referral_id, null, null, 0
        from s_withdrawal w join s_ref r on r.id = w.referral_id
        union all
        select i.tenant_id, 'incident', i.id, 'incident.reported', null, null, null, null, i.created_at,
               null, i.agency, null, null, null, null, inc.district, i.occurred_at, 0
        from s_inc i join incident inc on inc.id = i.id
    ) u
) e
cross join seed_base b
join seed_position_base pb on pb.tenant_id = e.tenant_id
order by e.at, e.tiebreak;

\echo agency feeds
-- As OutboxRelay fills them: one row per agency of each event's audience, at the event's position (in
-- position order, as the outbox was just written in that order).
insert into agency_feed (agency_id, position, tenant_id, event_seq)
select a.agency, o.position, o.tenant_id, o.seq
from outbox_event o cross join unnest(o.audience) as a(agency)
where o.seq > (select seq from seed_base);

-- Indexes and constraints back, the foreign keys last (each one checked by a single join) ------------------------

\echo rebuilding indexes and constraints
select create_sql from seed_ddl order by create_order \gexec

-- New events and positions continue after the seeded ones.
do $$
begin
    perform setval(pg_get_serial_sequence('outbox_event', 'seq'), (select max(seq) from outbox_event));
    insert into feed_counter (tenant_id, last_position)
    select tenant_id, max(position) from outbox_event where position is not null group by tenant_id
    on conflict (tenant_id) do update set last_position = excluded.last_position;
end
$$;

commit;

\echo vacuum analyze
vacuum (analyze) agency, incident, survivor, case_file, case_incident, consent, referral, referral_history,
    outbox_event, agency_feed;
