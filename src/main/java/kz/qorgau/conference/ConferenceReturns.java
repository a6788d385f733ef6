package kz.qorgau.conference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.audit.AuditAction;
import kz.qorgau.audit.AuditTrail;
import kz.qorgau.audit.AuditTrail.Subject;
import kz.qorgau.common.Keyset;
import kz.qorgau.common.Page;
import kz.qorgau.conference.ConferenceDtos.ActionView;
import kz.qorgau.conference.ConferenceDtos.DataReturn;
import kz.qorgau.conference.ConferenceDtos.MonthReturn;
import kz.qorgau.security.AccessPolicy;
import kz.qorgau.security.Capability;
import kz.qorgau.security.Role;
import kz.qorgau.security.TenantsConfig;
import kz.qorgau.statistics.SmallCells;
import kz.qorgau.statistics.StatisticsPeriod;

/**
 * What coordinators follow of a series: its data return (the SafeLives figures, de-identified, small cells
 * withheld) and the actions of its plans that escalated for being overdue, which its chair also lists.
 */
@ApplicationScoped
public class ConferenceReturns {

    /** The figures of a return, in the order they are published. */
    static final List<String> FIGURES = List.of(
            "casesHeard", "repeats", "casesWithChildren", "actionsAgreed", "actionsDoneOnTime", "referralsFromActions");

    @Inject
    EntityManager em;

    @Inject
    AccessPolicy access;

    @Inject
    TenantsConfig tenants;

    @Inject
    ConferenceSeriesService series;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /**
     * The return of the meetings held in each UTC calendar month of [from, to), as the network's statistics are
     * published: per month and never summed, so that no two answers subtract to a withheld figure.
     */
    @Transactional
    public DataReturn dataReturn(UUID seriesId, YearMonth from, YearMonth to) {
        access.require(Capability.READ_CONFERENCE_RETURNS);
        series.visible(seriesId, LockModeType.NONE);
        StatisticsPeriod period = StatisticsPeriod.of(from, to, YearMonth.now(clock.withZone(ZoneOffset.UTC)));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        with heard as (
                            select c.id, c.case_id, c.repeat,
                                   to_char(m.held_at at time zone 'UTC', 'YYYY-MM') as month
                            from conference_case c join conference_meeting m on m.id = c.meeting_id
                            where c.series_id = ?1 and c.status = 'LISTED' and m.held_at >= ?2 and m.held_at < ?3),
                        actions as (
                            select h.month, a.done_at, a.due_at, a.referral_id from conference_action a
                            join heard h on h.id = a.conference_case_id)
                        select month,
                            (select count(distinct case_id) from heard h where h.month = months.month),
                            (select count(distinct case_id) from heard h where h.month = months.month and h.repeat),
                            (select count(distinct h.case_id) from heard h where h.month = months.month and exists (
                                select 1 from case_incident ci join incident i on i.id = ci.incident_id
                                where ci.case_id = h.case_id and i.children_present)),
                            (select count(*) from actions a where a.month = months.month),
                            (select count(*) from actions a where a.month = months.month
                                and a.done_at is not null and a.done_at <= a.due_at),
                            (select count(*) from actions a where a.month = months.month and a.referral_id is not null)
                        from (select distinct month from heard) months""")
                .setParameter(1, seriesId)
                .setParameter(2, Timestamp.from(period.start()))
                .setParameter(3, Timestamp.from(period.end()))
                .getResultList();
        Map<String, Object[]> byMonth = new java.util.HashMap<>();
        rows.forEach(row -> byMonth.put((String) row[0], row));
        int minimum = SmallCells.MINIMUM;
        List<MonthReturn> months = new ArrayList<>();
        for (YearMonth month : period.months()) {
            Object[] row = byMonth.get(month.toString());
            List<SmallCells.Cell> figures = new ArrayList<>();
            for (int i = 0; i < FIGURES.size(); i++) {
                long count = row == null ? 0 : ((Number) row[i + 1]).longValue();
                // The figures overlap, they are no breakdown of one total: each small one is withheld on its own.
                figures.addAll(SmallCells.suppress(Map.of(FIGURES.get(i), count), minimum));
            }
            months.add(new MonthReturn(month, figures));
        }
        audit.record(
                AuditAction.READ,
                Subject.of("conference-return", seriesId, null),
                Set.of(),
                period.from() + ".." + period.to());
        return new DataReturn(seriesId, period.from(), period.to(), minimum, months);
    }

    /** The actions that escalated for being overdue, latest first: coordinators without their text, the chair with it. */
    @Transactional
    public Page<ActionView> overdue(UUID seriesId, String cursor, int limit) {
        boolean coordinator = access.caller().has(Role.COORDINATOR);
        if (!coordinator) {
            access.require(Capability.RUN_CONFERENCES);
        }
        ConferenceSeriesService.Seated seated = series.visible(seriesId, LockModeType.NONE);
        if (!coordinator) {
            series.requireChair(seated.series());
        }
        Optional<Keyset> after = Optional.ofNullable(cursor).map(Keyset::fromCursor);
        var query = em.createQuery(
                        "from ConferenceAction a where a.seriesId = :series and a.overdueAt is not null"
                                + (after.isPresent() ? " and (a.overdueAt, a.id) < (:afterTime, :afterId)" : "")
                                + " order by a.overdueAt desc, a.id desc",
                        ConferenceAction.class)
                .setParameter("series", seriesId)
                .setMaxResults(limit + 1);
        after.ifPresent(k -> query.setParameter("afterTime", k.updatedAt()).setParameter("afterId", k.id()));
        audit.record(AuditAction.LIST, Subject.of("conference-overdue-actions", seriesId, null), Set.of());
        return Keyset.page(
                query.getResultList(),
                limit,
                a -> new Keyset(a.overdueAt, a.id),
                a -> ConferenceHearing.view(a, !coordinator));
    }
}
