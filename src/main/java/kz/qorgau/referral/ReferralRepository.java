package kz.qorgau.referral;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.common.Keyset;
import kz.qorgau.common.Priority;
import org.hibernate.jpa.HibernateHints;

@ApplicationScoped
public class ReferralRepository implements PanacheRepositoryBase<Referral, UUID> {

    public enum Direction {
        INCOMING,
        OUTGOING
    }

    /**
     * A page in (updated_at, id) order. With an agency, its incoming or outgoing referrals (served by the
     * referral_incoming* and referral_outgoing* indexes); without, the whole tenant's (referral_tenant*).
     */
    public List<Referral> page(
            Optional<UUID> agency,
            Direction direction,
            ReferralState state,
            Priority priority,
            boolean emergencyOnly,
            boolean escalatedOnly,
            Instant updatedSince,
            String assignee,
            Optional<Keyset> after,
            int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        agency.ifPresent(a -> {
            // A receiver sees only what was sent to it: not a draft, nor a draft cancelled before sending.
            if (direction == Direction.OUTGOING) {
                where.append(" and senderAgencyId = :agency");
            } else {
                where.append(" and receiverAgencyId = :agency and submittedAt is not null");
            }
            params.and("agency", a);
        });
        if (assignee != null) {
            // referral_assignee_list_idx: one person's caseload in order of change.
            where.append(" and assignee = :assignee");
            params.and("assignee", assignee);
        }
        if (state != null) {
            where.append(" and state = :state");
            params.and("state", state);
        }
        if (priority != null) {
            where.append(" and priority = :priority");
            params.and("priority", priority);
        }
        if (emergencyOnly) {
            // The condition of the partial index referral_emergency_idx.
            where.append(" and emergencyReason is not null and consentId is null and state <> :draftState");
            params.and("draftState", ReferralState.DRAFT);
        }
        if (escalatedOnly) {
            // referral_escalated_idx; the ones still open are those someone must act on.
            where.append(" and (ackOverdueAt is not null or respondOverdueAt is not null or startOverdueAt is not null"
                    + " or reviewOverdueAt is not null) and state in :open");
            params.and(
                    "open",
                    java.util.Arrays.stream(ReferralState.values())
                            .filter(s -> !s.isTerminal())
                            .toList());
        }
        Keyset.restrict(where, params, updatedSince, after);
        // Listed to be shown, never changed: no snapshots to keep, nothing to compare at commit.
        return find(where + " order by updatedAt, id", params)
                .withHint(HibernateHints.HINT_READ_ONLY, true)
                .page(0, limit)
                .list();
    }

    /** A referral the caller may see (ReferralSides), or 404 exactly as for one that does not exist. */
    public Referral visibleTo(kz.qorgau.security.Caller caller, UUID id) {
        return visibleTo(caller, id, jakarta.persistence.LockModeType.NONE);
    }

    /**
     * As {@link #visibleTo(kz.qorgau.security.Caller, UUID)}, for a request that only reads it: Hibernate keeps no
     * snapshot of it and does not compare it with one at commit (a changed field would not be written).
     */
    public Referral readableBy(kz.qorgau.security.Caller caller, UUID id) {
        return seenBy(
                caller,
                id,
                Optional.ofNullable(getEntityManager()
                        .find(
                                Referral.class,
                                id,
                                java.util.Map.<String, Object>of(HibernateHints.HINT_READ_ONLY, true))));
    }

    /** As {@link #visibleTo(kz.qorgau.security.Caller, UUID)}, its row locked as asked until commit. */
    public Referral visibleTo(kz.qorgau.security.Caller caller, UUID id, jakarta.persistence.LockModeType lock) {
        return seenBy(caller, id, findByIdOptional(id, lock));
    }

    private static Referral seenBy(kz.qorgau.security.Caller caller, UUID id, Optional<Referral> found) {
        return found.filter(r -> ReferralSides.maySee(caller, r.senderAgencyId, r.receiverAgencyId, !r.wasSent()))
                .orElseThrow(() -> new kz.qorgau.common.ProblemException.NotFound("Referral " + id));
    }

    public List<ReferralHistoryEntry> history(UUID referralId) {
        return getEntityManager()
                .createQuery(
                        "from ReferralHistoryEntry where referralId = :id order by at, id", ReferralHistoryEntry.class)
                .setParameter("id", referralId)
                .getResultList();
    }
}
