package kz.qorgau.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kz.qorgau.audit.AuditAction;
import kz.qorgau.audit.AuditTrail;
import kz.qorgau.audit.AuditTrail.Subject;
import kz.qorgau.common.Keyset;
import kz.qorgau.common.Page;
import kz.qorgau.common.Priority;
import kz.qorgau.common.ProblemException;
import kz.qorgau.common.SqlValues;
import kz.qorgau.referral.ReferralDtos.WaitingView;
import kz.qorgau.security.AccessPolicy;
import kz.qorgau.security.Capability;
import kz.qorgau.security.TenantsConfig;

/**
 * What waits on an agency, or on one person of it, most urgent first: referrals to acknowledge or answer,
 * accepted ones to start, paused ones to look at again, each with the time its {@link Deadline} falls due.
 * The due time is computed in the query from the network's deadlines, so the queue pages in due order.
 */
@ApplicationScoped
public class NeedsAction {

    /** The states in which the receiver owes the referral something, each with its next deadline. */
    static final List<ReferralState> WAITING =
            List.of(ReferralState.SUBMITTED, ReferralState.ACKNOWLEDGED, ReferralState.ACCEPTED, ReferralState.ON_HOLD);

    @Inject
    EntityManager em;

    @Inject
    AccessPolicy access;

    @Inject
    AuditTrail audit;

    @Inject
    TenantsConfig tenants;

    @Inject
    Clock clock;

    @Transactional
    public Page<WaitingView> queue(String assignee, String cursor, int limit) {
        access.require(Capability.READ_NEEDS_ACTION);
        UUID agency = access.caller()
                .agencyId()
                .orElseThrow(() -> new ProblemException.Forbidden("The caller acts for no agency"));
        Optional<String> person = Optional.ofNullable(assignee).map(access.caller()::person);
        Optional<Keyset> after = Optional.ofNullable(cursor).map(Keyset::fromCursor);
        TenantsConfig.Deadlines deadlines =
                tenants.all().get(access.caller().tenantId()).deadlines();
        // The partial indexes referral_waiting_on_receiver_idx and referral_assigned_idx hold (at least)
        // these states; a person's queue is what was accepted and given to her.
        String states = (person.isPresent()
                        ? Stream.of(ReferralState.ACCEPTED, ReferralState.ON_HOLD)
                        : WAITING.stream())
                .map(s -> "'" + s.name() + "'")
                .collect(Collectors.joining(", ", "(", ")"));
        String sql = "select id, case_id, state, priority, sender_agency_id, assignee, emergency, due_at, escalated_at"
                + " from (select r.id, r.case_id, r.state, r.priority, r.sender_agency_id, r.assignee,"
                + " (r.emergency_reason is not null and r.consent_id is null) as emergency, "
                + dueAt(deadlines) + " as due_at, " + escalatedAt() + " as escalated_at"
                + " from referral r where r.tenant_id = :tenant and r.receiver_agency_id = :agency and r.state in "
                + states
                + (person.isPresent() ? " and r.assignee = :person" : "") + ") q"
                + (after.isPresent() ? " where (q.due_at, q.id) > (:afterDue, :afterId)" : "")
                + " order by q.due_at, q.id limit :limit";
        var query = em.createNativeQuery(sql)
                .setParameter("tenant", access.caller().tenantId())
                .setParameter("agency", agency)
                .setParameter("limit", limit + 1);
        person.ifPresent(p -> query.setParameter("person", p));
        after.ifPresent(k ->
                query.setParameter("afterDue", Timestamp.from(k.updatedAt())).setParameter("afterId", k.id()));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        audit.record(
                AuditAction.LIST,
                Subject.of("needs-action", null, null),
                java.util.Set.of(),
                person.isPresent() ? "assignee " + person.get() : "agency");
        Instant now = clock.instant();
        return Keyset.page(rows, limit, r -> new Keyset(SqlValues.instant(r[7]), (UUID) r[0]), r -> view(r, now));
    }

    private static WaitingView view(Object[] r, Instant now) {
        ReferralState state = ReferralState.valueOf((String) r[2]);
        Instant due = SqlValues.instant(r[7]);
        return new WaitingView(
                Deadline.next(state).orElseThrow(),
                (UUID) r[0],
                (UUID) r[1],
                state,
                Priority.valueOf((String) r[3]),
                (Boolean) r[6],
                (UUID) r[4],
                (String) r[5],
                due,
                due.isBefore(now),
                r[8] == null ? null : SqlValues.instant(r[8]));
    }

    /**
     * The due time of each waiting state's next deadline, by priority. The durations are the network's own
     * settings, written into the statement as whole seconds.
     */
    private static String dueAt(TenantsConfig.Deadlines deadlines) {
        StringBuilder sql = new StringBuilder("case r.state");
        for (ReferralState state : WAITING) {
            Deadline deadline = Deadline.next(state).orElseThrow();
            sql.append(" when '").append(state.name()).append("' then r.").append(deadline.fromColumn());
            sql.append(" + make_interval(secs => case r.priority");
            for (Priority priority : Priority.values()) {
                sql.append(" when '").append(priority.name()).append("' then ");
                sql.append(deadline.within(deadlines, priority).toSeconds());
            }
            sql.append(" end)");
        }
        return sql.append(" end").toString();
    }

    /** When the waiting state's deadline was escalated, if it was. */
    private static String escalatedAt() {
        StringBuilder sql = new StringBuilder("case r.state");
        for (ReferralState state : WAITING) {
            sql.append(" when '").append(state.name()).append("' then r.");
            sql.append(Deadline.next(state).orElseThrow().overdueColumn());
        }
        return sql.append(" end").toString();
    }
}
