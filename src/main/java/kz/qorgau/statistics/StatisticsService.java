package kz.qorgau.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.qorgau.security.AccessPolicy;
import kz.qorgau.security.Capability;
import kz.qorgau.statistics.StatisticsDtos.Duration;
import kz.qorgau.statistics.StatisticsDtos.MonthFigures;
import kz.qorgau.statistics.StatisticsDtos.ReferralStatistics;
import kz.qorgau.statistics.StatisticsDtos.RepeatMonth;
import kz.qorgau.statistics.StatisticsDtos.RepeatStatistics;

/** Counts over the caller's network only, computed in the database, suppressed before they leave it. */
@ApplicationScoped
public class StatisticsService {

    // Sent referrals (not drafts) created in [from, to) of one tenant: the referral_created_idx range.
    private static final String SENT = " from referral r where r.tenant_id = ?1 and r.created_at >= ?2"
            + " and r.created_at < ?3 and r.submitted_at is not null";

    @Inject
    EntityManager em;

    @Inject
    AccessPolicy access;

    @Inject
    Clock clock;

    @Transactional
    public ReferralStatistics referrals(YearMonth from, YearMonth to) {
        access.require(Capability.READ_STATISTICS);
        StatisticsPeriod period = StatisticsPeriod.of(from, to, YearMonth.now(clock.withZone(ZoneOffset.UTC)));
        Query query = new Query(access.caller().tenantId(), period.start(), period.end());
        int minimum = SmallCells.MINIMUM;
        Map<String, Map<String, Long>> totals =
                query.counts("select " + MONTH + ", 'total', count(*)" + SENT + " group by 1");
        Map<String, Map<String, Long>> byState =
                query.counts("select " + MONTH + ", r.state, count(*)" + SENT + " group by 1, 2 order by 2");
        Map<String, Map<String, Long>> byPriority =
                query.counts("select " + MONTH + ", r.priority, count(*)" + SENT + " group by 1, 2 order by 2");
        Map<String, Map<String, Long>> byKind = query.counts("select " + MONTH + ", a.kind, count(*)"
                + SENT.replace("from referral r", "from referral r join agency a on a.id = r.receiver_agency_id")
                + " group by 1, 2 order by 2");
        Map<String, Map<String, Long>> declines = query.counts("select " + MONTH + ", r.decline_reason, count(*)" + SENT
                + " and r.state = 'DECLINED' group by 1, 2 order by 2");
        Map<String, Duration> acknowledge = query.durations("acknowledged_at", minimum);
        Map<String, Duration> accept = query.durations("accepted_at", minimum);
        List<MonthFigures> months = new ArrayList<>();
        for (YearMonth month : period.months()) {
            String key = month.toString();
            long total = totals.getOrDefault(key, Map.of()).getOrDefault("total", 0L);
            months.add(new MonthFigures(
                    key,
                    total == 0 || SmallCells.publishable(total, minimum) ? total : null,
                    SmallCells.suppress(byState.getOrDefault(key, Map.of()), minimum),
                    SmallCells.suppress(byPriority.getOrDefault(key, Map.of()), minimum),
                    SmallCells.suppress(byKind.getOrDefault(key, Map.of()), minimum),
                    SmallCells.suppress(declines.getOrDefault(key, Map.of()), minimum),
                    acknowledge.getOrDefault(key, NONE),
                    accept.getOrDefault(key, NONE)));
        }
        return new ReferralStatistics(period.from(), period.to(), minimum, months);
    }

    /**
     * Repeat victimisation, breached orders and missed check-ins per UTC month and district. An incident is a repeat
     * when one of its victims, recognised by her match tokens, was the victim of another incident in the twelve
     * months before it.
     */
    @Transactional
    public RepeatStatistics repeats(YearMonth from, YearMonth to) {
        access.require(Capability.READ_STATISTICS);
        StatisticsPeriod period = StatisticsPeriod.of(from, to, YearMonth.now(clock.withZone(ZoneOffset.UTC)));
        Query query = new Query(access.caller().tenantId(), period.start(), period.end());
        String incidentMonth = "to_char(i.occurred_at at time zone 'UTC', 'YYYY-MM')";
        String aboutAVictim = " from incident i where i.tenant_id = ?1 and i.occurred_at >= ?2 and i.occurred_at < ?3"
                + " and exists (select 1 from incident_person v where v.incident_id = i.id and v.role = 'VICTIM')";
        Map<String, Map<String, Long>> victimIncidents = query.counts(
                "select " + incidentMonth + ", i.district, count(*)" + aboutAVictim + " group by 1, 2" + " order by 2");
        Map<String, Map<String, Long>> repeatIncidents = query.counts("select " + incidentMonth
                + ", i.district, count(*)" + aboutAVictim
                + " and exists (select 1 from incident_person p join incident_person q on q.tenant_id = p.tenant_id"
                + " and q.role = 'VICTIM' and q.incident_id <> p.incident_id and (q.iin_token = p.iin_token"
                + " or q.name_birth_token = p.name_birth_token and (q.iin_token is null or p.iin_token is null))"
                + " and q.occurred_at < p.occurred_at and q.occurred_at >= p.occurred_at - interval '365 days'"
                + " where p.incident_id = i.id and p.role = 'VICTIM') group by 1, 2 order by 2");
        Map<String, Map<String, Long>> breached = query.counts("select to_char(v.occurred_at at time zone 'UTC',"
                + " 'YYYY-MM'), coalesce(i.district, a.district, 'unknown'), count(distinct v.order_id)"
                + " from protective_order_violation v left join incident i on i.id = v.incident_id"
                + " join agency a on a.id = v.reporter_agency_id"
                + " where v.tenant_id = ?1 and v.occurred_at >= ?2 and v.occurred_at < ?3 group by 1, 2 order by 2");
        Map<String, Map<String, Long>> missed = query.counts("select to_char(k.due_on, 'YYYY-MM'),"
                + " coalesce(a.district, 'unknown'), count(*) from order_check_in k"
                + " join protective_order o on o.id = k.order_id join agency a on a.id = o.recorded_by_agency"
                + " where k.tenant_id = ?1 and k.due_on >= cast(?2 as date) and k.due_on < cast(?3 as date)"
                + " and k.attended_at is null group by 1, 2 order by 2");
        int minimum = SmallCells.MINIMUM;
        List<RepeatMonth> months = new ArrayList<>();
        for (YearMonth month : period.months()) {
            String key = month.toString();
            months.add(new RepeatMonth(
                    key,
                    SmallCells.suppress(victimIncidents.getOrDefault(key, Map.of()), minimum),
                    SmallCells.suppress(repeatIncidents.getOrDefault(key, Map.of()), minimum),
                    SmallCells.suppress(breached.getOrDefault(key, Map.of()), minimum),
                    SmallCells.suppress(missed.getOrDefault(key, Map.of()), minimum)));
        }
        return new RepeatStatistics(period.from(), period.to(), minimum, months);
    }

    /** Each agency's uses of emergency access opened in the period, by how their review went. */
    @Transactional
    public StatisticsDtos.EmergencyAccessStatistics emergencyAccess(YearMonth from, YearMonth to) {
        access.require(Capability.READ_STATISTICS);
        // Agencies' conduct, not survivors': the month under way counts, so a coordinator sees this week's misuse.
        StatisticsPeriod period = StatisticsPeriod.of(
                from, to, YearMonth.now(clock.withZone(ZoneOffset.UTC)).plusMonths(1));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select e.agency_id, a.name, count(*),"
                        + " count(*) filter (where e.justified), count(*) filter (where not e.justified),"
                        + " count(*) filter (where e.reviewed_at is null),"
                        + " count(*) filter (where e.reviewed_at is null and e.review_due_at <= ?4)"
                        + " from emergency_access e join agency a on a.id = e.agency_id"
                        + " where e.tenant_id = ?1 and e.opened_at >= ?2 and e.opened_at < ?3"
                        + " group by e.agency_id, a.name order by 5 desc, 3 desc, a.name limit 1000")
                .setParameter(1, access.caller().tenantId())
                .setParameter(2, Timestamp.from(period.start()))
                .setParameter(3, Timestamp.from(period.end()))
                .setParameter(4, Timestamp.from(clock.instant()))
                .getResultList();
        return new StatisticsDtos.EmergencyAccessStatistics(
                period.from(),
                period.to(),
                rows.stream()
                        .map(r -> new StatisticsDtos.EmergencyAccessFigures(
                                (java.util.UUID) r[0],
                                (String) r[1],
                                ((Number) r[2]).longValue(),
                                ((Number) r[3]).longValue(),
                                ((Number) r[4]).longValue(),
                                ((Number) r[5]).longValue(),
                                ((Number) r[6]).longValue()))
                        .toList());
    }

    private static final Duration NONE = new Duration(0L, false, null, null);

    // The UTC month a referral was created in, as 2026-11: the bucket every figure is counted in.
    private static final String MONTH = "to_char(r.created_at at time zone 'UTC', 'YYYY-MM')";

    /** The period's queries, each grouped by month. */
    private final class Query {
        private final String tenant;
        private final Instant from;
        private final Instant to;

        Query(String tenant, Instant from, Instant to) {
            this.tenant = tenant;
            this.from = from;
            this.to = to;
        }

        /** month, key, count rows as month to (key to count), keys in the order the query gives them. */
        Map<String, Map<String, Long>> counts(String sql) {
            Map<String, Map<String, Long>> byMonth = new LinkedHashMap<>();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = native_(sql).getResultList();
            rows.forEach(row -> byMonth.computeIfAbsent((String) row[0], m -> new LinkedHashMap<>())
                    .put(String.valueOf(row[1]), ((Number) row[2]).longValue()));
            return byMonth;
        }

        Map<String, Duration> durations(String column, int minimum) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = native_("select " + MONTH + ", count(*),"
                            + " percentile_cont(0.5) within group (order by extract(epoch from r." + column
                            + " - r.submitted_at) / 60),"
                            + " percentile_cont(0.9) within group (order by extract(epoch from r." + column
                            + " - r.submitted_at) / 60)"
                            + SENT + " and r." + column + " is not null group by 1")
                    .getResultList();
            Map<String, Duration> byMonth = new LinkedHashMap<>();
            for (Object[] row : rows) {
                long n = ((Number) row[1]).longValue();
                byMonth.put(
                        (String) row[0],
                        SmallCells.publishable(n, minimum)
                                ? new Duration(n, false, round(row[2]), round(row[3]))
                                : new Duration(null, true, null, null));
            }
            return byMonth;
        }

        private jakarta.persistence.Query native_(String sql) {
            return em.createNativeQuery(sql)
                    .setParameter(1, tenant)
                    .setParameter(2, Timestamp.from(from))
                    .setParameter(3, Timestamp.from(to));
        }
    }

    private static Double round(Object minutes) {
        return minutes == null ? null : Math.round(((Number) minutes).doubleValue() * 10) / 10.0;
    }
}
