package kz.qorgau.conference;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.audit.AuditAction;
import kz.qorgau.audit.AuditTrail;
import kz.qorgau.audit.AuditTrail.Subject;
import kz.qorgau.notification.Outbox;
import kz.qorgau.security.TenantsConfig;
import kz.qorgau.tenant.TenantOverride;

/**
 * Escalates the actions of a conference's plan that are past their due time and not done, to the series' chair and
 * the owner, once each, as referral deadlines are: the claim is one UPDATE ... RETURNING that only one replica's
 * run can win. Coordinators list them.
 */
@ApplicationScoped
public class OverdueActionJob {

    static final String OVERDUE = "action.overdue";

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
    Clock clock;

    @Inject
    OverdueActionJob self;

    @Scheduled(
            every = "{qorgau.deadlines.check-every}",
            delayed = "45s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void periodically() {
        escalateOverdue(clock.instant());
    }

    /** @return how many actions this run escalated, as of {@code now} */
    @ActivateRequestContext
    public int escalateOverdue(Instant now) {
        int escalated = 0;
        for (String tenant : tenants.all().keySet()) {
            override.actFor(tenant);
            try {
                escalated += self.escalate(tenant, now);
            } finally {
                override.clear();
            }
        }
        return escalated;
    }

    @Transactional
    int escalate(String tenantId, Instant now) {
        @SuppressWarnings("unchecked")
        List<UUID> claimed = em.createNativeQuery(
                        "update conference_action set overdue_at = ?1, version = version + 1 where tenant_id = ?2"
                                + " and done_at is null and overdue_at is null and due_at <= ?1 returning id",
                        UUID.class)
                .setParameter(1, Timestamp.from(now))
                .setParameter(2, tenantId)
                .getResultList();
        for (UUID id : claimed) {
            // Not in this transaction's context before the update: loaded as the update left it.
            ConferenceAction action = em.find(ConferenceAction.class, id);
            UUID chair = em.find(ConferenceSeries.class, action.seriesId).chairAgencyId;
            Set<UUID> audience = new LinkedHashSet<>(List.of(chair, action.ownerAgencyId));
            var payload = ConferenceHearing.payload(action);
            payload.put("overdueAt", now);
            outbox.append("action", id, OVERDUE, audience, payload);
            audit.recordForSystem(
                    tenantId,
                    "conference-actions",
                    AuditAction.TRANSITION,
                    Subject.of("conference-action", id, action.caseId),
                    Set.of(),
                    "escalated: overdue since " + action.dueAt);
        }
        return claimed.size();
    }
}
