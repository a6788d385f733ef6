package kz.qorgau.children;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import kz.qorgau.security.TenantsConfig;
import kz.qorgau.tenant.TenantOverride;

/** Hands the notices no one acknowledged by their deadline to the coordinators, network by network. */
@ApplicationScoped
public class ChildNoticeJob {

    @Inject
    TenantsConfig tenants;

    @Inject
    TenantOverride override;

    @Inject
    ChildNotices notices;

    @Scheduled(
            every = "{qorgau.child-notices.check-every}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void everyFewMinutes() {
        escalateOverdue();
    }

    /** @return how many notices this call escalated, across all tenants */
    @ActivateRequestContext
    public int escalateOverdue() {
        return override.forEach(tenants.all().keySet(), tenant -> notices.escalateOverdue(tenant));
    }
}
