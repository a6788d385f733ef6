package kz.qorgau.tenant;

import jakarta.enterprise.context.RequestScoped;

/**
 * The tenant that background work acts for. A scheduled job has no token; it names the tenant it is
 * working on here, one transaction at a time, and Hibernate's tenant filter follows.
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

    String tenantId() {
        return tenantId;
    }
}
