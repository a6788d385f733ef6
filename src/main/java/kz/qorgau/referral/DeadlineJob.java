package kz.qorgau.referral;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.audit.AuditAction;
import kz.qorgau.audit.AuditTrail;
import kz.qorgau.audit.AuditTrail.Subject;
import kz.qorgau.common.Priority;
import kz.qorgau.common.TimeAndIds.IdGenerator;
import kz.qorgau.notification.Outbox;
import kz.qorgau.security.TenantsConfig;
import kz.qorgau.tenant.TenantOverride;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.query.NativeQuery;

/**
 * Escalates referrals whose receiver missed a {@link Deadline} of their priority: not acknowledged in time,
 * not answered (accepted or declined) in time, accepted and not started in time, or paused and not looked at
 * again in time. Each referral is escalated once per deadline, whichever
 * replica's run gets to it: the claim is one UPDATE ... RETURNING that only one of them can win. The
 * event tells both agencies; coordinators list escalated referrals.
 */
@ApplicationScoped
public class DeadlineJob {

    @Inject
    TenantsConfig tenants;

    @Inject
    TenantOverride override;

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    @Inject
    IdGenerator ids;

    @Inject
    Clock clock;

    @Inject
    DeadlineJob self;

    /**
     * The most referrals one claim marks: a backlog (a replica down for a day, a deadline shortened) is worked
     * through in transactions of bounded size, each holding few row locks, rather than in one.
     */
    @ConfigProperty(name = "qorgau.deadlines.claim-at-most", defaultValue = "500")
    int claimAtMost;

    @Scheduled(
            every = "{qorgau.deadlines.check-every}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void periodically() {
        escalateOverdue(clock.instant());
    }

    /** @return how many escalations this run made (a referral late for both deadlines counts twice), as of {@code now} */
    @ActivateRequestContext
    public int escalateOverdue(Instant now) {
        if (claimAtMost < 1) {
            // A claim of none would end every run at its first pass: no referral would ever be escalated.
            throw new IllegalStateException(
                    "qorgau.deadlines.claim-at-most is " + claimAtMost + ": it must be at least 1");
        }
        int escalated = 0;
        for (var tenant : tenants.all().entrySet()) {
            override.actFor(tenant.getKey());
            try {
                // Each pass is one transaction of at most claimAtMost referrals per deadline; the run ends with
                // the first pass that finds nothing left (a referral a transition holds locked waits for the next run).
                int pass;
                do {
                    pass = self.escalate(tenant.getKey(), tenant.getValue().deadlines(), now);
                    escalated += pass;
                } while (pass > 0);
            } finally {
                override.clear();
            }
        }
        return escalated;
    }

    @Transactional
    int escalate(String tenantId, TenantsConfig.Deadlines deadlines, Instant now) {
        int escalated = 0;
        for (Priority priority : Priority.values()) {
            for (Deadline deadline : Deadline.values()) {
                Duration within = deadline.within(deadlines, priority);
                for (UUID id : escalate(tenantId, priority, deadline, now.minus(within), now)) {
                    audit.recordForSystem(
                            tenantId,
                            "deadlines",
                            AuditAction.TRANSITION,
                            Subject.of("referral", id, null),
                            Set.of(),
                            "escalated: " + deadline.name().toLowerCase() + " overdue");
                    escalated++;
                }
            }
        }
        return escalated;
    }

    /** What the claim returns of each referral it marks: all that the history entry and the event need. */
    private record Claimed(
            UUID id,
            UUID caseId,
            UUID senderAgencyId,
            UUID receiverAgencyId,
            ReferralState state,
            Instant submittedAt,
            Instant acceptedAt,
            Instant pausedAt) {}

    private List<UUID> escalate(
            String tenantId, Priority priority, Deadline deadline, Instant startedBefore, Instant now) {
        String column = deadline.overdueColumn();
        // Written out, not bound, so that the planner matches the partial index of each deadline's claim.
        String states = deadline.runsIn().stream()
                .map(state -> "'" + state.name() + "'")
                .sorted()
                .collect(java.util.stream.Collectors.joining(", ", "(", ")"));
        // The version moves on, so a transition that read the referral before cannot write the mark away. The
        // claim returns the columns the event needs, so a claim of hundreds is one statement, not one load per
        // referral; the oldest are claimed first, and one a transition holds is skipped rather than waited for.
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("update referral set " + column + " = ?1, updated_at = ?1,"
                        + " version = version + 1 where tenant_id = ?2 and id in (select id from referral"
                        + " where tenant_id = ?2 and priority = ?3 and state in " + states + " and " + column
                        + " is null and " + deadline.fromColumn() + " <= ?4 order by " + deadline.fromColumn()
                        + " limit ?5 for update skip locked) returning id, case_id, sender_agency_id,"
                        + " receiver_agency_id, state, submitted_at, accepted_at, paused_at")
                .setParameter(1, Timestamp.from(now))
                .setParameter(2, tenantId)
                .setParameter(3, priority.name())
                .setParameter(4, Timestamp.from(startedBefore))
                .setParameter(5, claimAtMost)
                .unwrap(NativeQuery.class)
                .addScalar("id", UUID.class)
                .addScalar("case_id", UUID.class)
                .addScalar("sender_agency_id", UUID.class)
                .addScalar("receiver_agency_id", UUID.class)
                .addScalar("state", String.class)
                .addScalar("submitted_at", Instant.class)
                .addScalar("accepted_at", Instant.class)
                .addScalar("paused_at", Instant.class)
                .getResultList();
        List<UUID> claimed = new java.util.ArrayList<>(rows.size());
        for (Object[] row : rows) {
            Claimed referral = new Claimed(
                    (UUID) row[0],
                    (UUID) row[1],
                    (UUID) row[2],
                    (UUID) row[3],
                    ReferralState.valueOf((String) row[4]),
                    (Instant) row[5],
                    (Instant) row[6],
                    (Instant) row[7]);
            UUID id = referral.id();
            claimed.add(id);
            ReferralHistoryEntry entry = new ReferralHistoryEntry();
            entry.id = ids.newId();
            entry.referralId = id;
            entry.action = "ESCALATE";
            entry.fromState = referral.state();
            entry.toState = referral.state();
            entry.actor = "system:deadlines";
            entry.reasonCode = deadline.name() + "_OVERDUE";
            entry.at = now;
            em.persist(entry);
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("referralId", id);
            payload.put("caseId", referral.caseId());
            payload.put("senderAgencyId", referral.senderAgencyId());
            payload.put("receiverAgencyId", referral.receiverAgencyId());
            payload.put("state", referral.state());
            payload.put("priority", priority);
            payload.put("missed", deadline);
            payload.put("submittedAt", referral.submittedAt());
            payload.put(
                    "deadlineRanFrom",
                    switch (deadline) {
                        case ACKNOWLEDGE, RESPOND -> referral.submittedAt();
                        case START -> referral.acceptedAt();
                        case REVIEW -> referral.pausedAt();
                    });
            payload.put("at", now);
            outbox.append(
                    "referral",
                    id,
                    "referral.escalated",
                    Set.of(referral.senderAgencyId(), referral.receiverAgencyId()),
                    payload);
        }
        return claimed;
    }
}
