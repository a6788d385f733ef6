package kz.qorgau.emergencyaccess;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import kz.qorgau.security.TenantsConfig;
import kz.qorgau.tenant.TenantOverride;

/** Tells the coordinators again of each use of emergency access still unreviewed at its deadline. */
@ApplicationScoped
public class EmergencyAccessJob {

    @Inject
    TenantsConfig tenants;

    @Inject
    TenantOverride override;

    @Inject
    EmergencyAccessService emergencyAccess;

    @Scheduled(
            every = "{qorgau.emergency-access.check-every}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void everyFewMinutes() {
        escalateOverdue();
    }

    /** @return how many uses this call escalated, across all tenants */
    @ActivateRequestContext
    public int escalateOverdue() {
        return override.forEach(tenants.all().keySet(), tenant -> emergencyAccess.escalateOverdue(tenant));
    }
}
