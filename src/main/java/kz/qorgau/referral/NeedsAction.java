package kz.qorgau.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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
 * The due time is computed in the query from the network's deadlines, so the queue pages in due order, and a
 * page costs the same whether tens or tens of thousands of referrals wait (issue 26).
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
        List<ReferralState> states =
                person.isPresent() ? List.of(ReferralState.ACCEPTED, ReferralState.ON_HOLD) : WAITING;
        // One branch per state and priority: within a branch the due time is its start column plus a constant,
        // so the branch reads its first rows in due order straight from an index (V33), however many referrals
        // wait on the agency; the page is the earliest of those few rows. A cursor's due time becomes each
        // branch's own start time.
        List<String> branches = new ArrayList<>();
        Map<String, Timestamp> startsAfter = new HashMap<>();
        for (ReferralState state : states) {
            Deadline deadline = Deadline.next(state).orElseThrow();
            for (Priority priority : Priority.values()) {
                long within = deadline.within(deadlines, priority).toSeconds();
                String from = "r." + deadline.fromColumn();
                String startsAfterParameter = "after" + branches.size();
                branches.add("(select r.id, r.case_id, r.state, r.priority, r.sender_agency_id, r.assignee,"
                        + " (r.emergency_reason is not null and r.consent_id is null) as emergency,"
                        + " " + from + " + make_interval(secs => " + within + ") as due_at,"
                        + " r." + deadline.overdueColumn() + " as escalated_at"
                        + " from referral r where r.tenant_id = :tenant and r.receiver_agency_id = :agency"
                        + " and r.state = '" + state.name() + "' and r.priority = '" + priority.name() + "'"
                        + (person.isPresent() ? " and r.assignee = :person" : "")
                        + (after.isPresent()
                                ? " and (" + from + ", r.id) > (:" + startsAfterParameter + ", :afterId)"
                                : "")
                        + " order by " + from + ", r.id limit :limit)");
                after.ifPresent(k -> startsAfter.put(
                        startsAfterParameter, Timestamp.from(k.updatedAt().minusSeconds(within))));
            }
        }
        String sql = "select id, case_id, state, priority, sender_agency_id, assignee, emergency, due_at, escalated_at"
                + " from (" + String.join(" union all ", branches) + ") q order by q.due_at, q.id limit :limit";
        var query = em.createNativeQuery(sql)
                .setParameter("tenant", access.caller().tenantId())
                .setParameter("agency", agency)
                .setParameter("limit", limit + 1);
        person.ifPresent(p -> query.setParameter("person", p));
        after.ifPresent(k -> query.setParameter("afterId", k.id()));
        startsAfter.forEach(query::setParameter);
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
}
