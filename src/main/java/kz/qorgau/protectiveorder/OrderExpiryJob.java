package kz.qorgau.protectiveorder;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import kz.qorgau.caseaccess.CaseParties;
import kz.qorgau.casefile.CaseRef;
import kz.qorgau.casefile.CaseService;
import kz.qorgau.security.TenantsConfig;
import kz.qorgau.tenant.TenantOverride;

/**
 * Tells the agencies of a case when one of its protective orders nears its last day, so that police can
 * seek an extension before the survivor is left unprotected. Each order is announced once, whichever of
 * several replicas gets to it: the claim is one UPDATE that only one of them can win.
 */
@ApplicationScoped
public class OrderExpiryJob {

    @Inject
    TenantsConfig tenants;

    @Inject
    TenantOverride override;

    @Inject
    EntityManager em;

    @Inject
    CaseService cases;

    @Inject
    CaseParties parties;

    @Inject
    ProtectiveOrderService orders;

    @Inject
    Clock clock;

    @Inject
    OrderExpiryJob self;

    @Scheduled(
            every = "{qorgau.protective-orders.expiry-check-every}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void everyHour() {
        announceExpiring();
        announceMissedCheckIns();
    }

    /** @return how many missed check-ins this call announced, across all tenants */
    @ActivateRequestContext
    public int announceMissedCheckIns() {
        int announced = 0;
        for (var tenant : tenants.all().entrySet()) {
            override.actFor(tenant.getKey());
            try {
                announced += self.announceMissedCheckIns(tenant.getKey(), tenant.getValue());
            } finally {
                override.clear();
            }
        }
        return announced;
    }

    /**
     * Each check-in whose day passed unrecorded is announced once, to the police unit that recorded the order,
     * the earliest day first (an UPDATE returns its rows in no particular order).
     */
    @Transactional
    int announceMissedCheckIns(String tenantId, TenantsConfig.Tenant settings) {
        LocalDate today = LocalDate.now(clock.withZone(settings.zone()));
        @SuppressWarnings("unchecked")
        List<Object[]> claimed = em.createNativeQuery("""
                        with claimed as (
                          update order_check_in k set missed_notified_at = ?1
                          from protective_order o
                          where o.id = k.order_id and k.tenant_id = ?2 and k.missed_notified_at is null
                            and k.attended_at is null and k.due_on < ?3 and o.revoked_at is null
                          returning k.order_id, k.due_on)
                        select order_id, due_on from claimed order by due_on, order_id""")
                .setParameter(1, Timestamp.from(clock.instant()))
                .setParameter(2, tenantId)
                .setParameter(3, Date.valueOf(today))
                .getResultList();
        for (Object[] row : claimed) {
            ProtectiveOrder order = em.find(ProtectiveOrder.class, (UUID) row[0]);
            orders.announceCheckInMissed(order, OrderCheckIns.day(row[1]));
        }
        return claimed.size();
    }

    /** @return how many orders this call announced, across all tenants */
    @ActivateRequestContext
    public int announceExpiring() {
        int announced = 0;
        for (var tenant : tenants.all().entrySet()) {
            override.actFor(tenant.getKey());
            try {
                announced += self.announceExpiring(tenant.getKey(), tenant.getValue());
            } finally {
                override.clear();
            }
        }
        return announced;
    }

    @Transactional
    int announceExpiring(String tenantId, TenantsConfig.Tenant settings) {
        LocalDate today = LocalDate.now(clock.withZone(settings.zone()));
        @SuppressWarnings("unchecked")
        List<UUID> claimed = em.createNativeQuery("""
                        update protective_order set expiry_notified_at = ?1
                        where tenant_id = ?2 and expiry_notified_at is null and revoked_at is null
                          and expires_on >= ?3 and expires_on <= ?4
                        returning id""", UUID.class)
                .setParameter(1, Timestamp.from(clock.instant()))
                .setParameter(2, tenantId)
                .setParameter(3, Date.valueOf(today))
                .setParameter(4, Date.valueOf(today.plusDays(settings.orderExpiryWarningDays())))
                .getResultList();
        for (UUID id : claimed) {
            ProtectiveOrder order = em.find(ProtectiveOrder.class, id);
            CaseRef caseRef = cases.of(order.caseId);
            orders.announce(order, "protective-order.expiring", parties.of(caseRef.id(), caseRef.leadAgencyId()));
        }
        return claimed.size();
    }
}
