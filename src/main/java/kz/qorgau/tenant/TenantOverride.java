package kz.qorgau.tenant;

import jakarta.enterprise.context.RequestScoped;

/**
 * The tenant that background work acts for. A scheduled job has no token; it names the tenant it is
 * working on here, one transaction at a time, and the rows its transactions see follow.
 */
@RequestScoped
public class TenantOverride {

    private String tenantId;

    public void actFor(String tenant) {
        this.tenantId = tenant;
    }

    public void clear() {
        this.tenantId = null;
    }

    /** Does a job's work for each tenant in turn, acting for it; returns the sum of what each turn counted. */
    public int forEach(java.util.Collection<String> tenants, java.util.function.ToIntFunction<String> work) {
        int done = 0;
        for (String tenant : tenants) {
            actFor(tenant);
            try {
                done += work.applyAsInt(tenant);
            } finally {
                clear();
            }
        }
        return done;
    }

    String tenantId() {
        return tenantId;
    }
}
