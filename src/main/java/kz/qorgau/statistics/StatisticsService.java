package kz.qorgau.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.qorgau.security.AccessPolicy;
import kz.qorgau.security.Capability;
import kz.qorgau.statistics.StatisticsDtos.Duration;
import kz.qorgau.statistics.StatisticsDtos.ReferralStatistics;

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
    public ReferralStatistics referrals(LocalDate from, LocalDate to) {
        access.require(Capability.READ_STATISTICS);
        StatisticsPeriod period = StatisticsPeriod.of(from, to, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        Instant start = period.start();
        Instant end = period.end();
        String tenant = access.caller().tenantId();
        int minimum = SmallCells.MINIMUM;
        long total =
                ((Number) query("select count(*)" + SENT, tenant, start, end).getSingleResult()).longValue();
        return new ReferralStatistics(
                period.from(),
                period.to(),
                minimum,
                total == 0 || SmallCells.publishable(total, minimum) ? total : null,
                SmallCells.suppress(
                        counts(
                                "select r.state, count(*)" + SENT + " group by r.state order by r.state",
                                tenant,
                                start,
                                end),
                        minimum),
                SmallCells.suppress(
                        counts(
                                "select r.priority, count(*)" + SENT + " group by r.priority order by r.priority",
                                tenant,
                                start,
                                end),
                        minimum),
                SmallCells.suppress(
                        counts(
                                "select a.kind, count(*)"
                                        + SENT.replace(
                                                "from referral r",
                                                "from referral r join agency a on a.id = r.receiver_agency_id")
                                        + " group by a.kind order by a.kind",
                                tenant,
                                start,
                                end),
                        minimum),
                SmallCells.suppress(
                        counts(
                                "select r.decline_reason, count(*)" + SENT + " and r.state = 'DECLINED'"
                                        + " group by r.decline_reason order by r.decline_reason",
                                tenant,
                                start,
                                end),
                        minimum),
                duration("acknowledged_at", tenant, start, end, minimum),
                duration("accepted_at", tenant, start, end, minimum));
    }

    private Duration duration(String column, String tenant, Instant from, Instant to, int minimum) {
        Object[] row = (Object[]) query(
                        "select count(*),"
                                + " percentile_cont(0.5) within group (order by extract(epoch from r." + column
                                + " - r.submitted_at) / 60),"
                                + " percentile_cont(0.9) within group (order by extract(epoch from r." + column
                                + " - r.submitted_at) / 60)"
                                + SENT + " and r." + column + " is not null",
                        tenant,
                        from,
                        to)
                .getSingleResult();
        long n = ((Number) row[0]).longValue();
        if (!SmallCells.publishable(n, minimum)) {
            return n == 0 ? new Duration(0L, false, null, null) : new Duration(null, true, null, null);
        }
        return new Duration(n, false, round(row[1]), round(row[2]));
    }

    private Map<String, Long> counts(String sql, String tenant, Instant from, Instant to) {
        Map<String, Long> counts = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query(sql, tenant, from, to).getResultList();
        rows.forEach(row -> counts.put(String.valueOf(row[0]), ((Number) row[1]).longValue()));
        return counts;
    }

    private jakarta.persistence.Query query(String sql, String tenant, Instant from, Instant to) {
        return em.createNativeQuery(sql)
                .setParameter(1, tenant)
                .setParameter(2, Timestamp.from(from))
                .setParameter(3, Timestamp.from(to));
    }

    private static Double round(Object minutes) {
        return minutes == null ? null : Math.round(((Number) minutes).doubleValue() * 10) / 10.0;
    }
}
