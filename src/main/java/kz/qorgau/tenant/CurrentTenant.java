package kz.qorgau.tenant;

import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * The tenant the current request or job acts for: the one a job names through {@link TenantOverride},
 * else the tenant of the verified token. The entities' restriction ({@link TenantRows}) and PostgreSQL's
 * row-level security both follow it, through the connection's tenant, so the two lines cannot disagree.
 */
@RequestScoped
public class CurrentTenant {

    @Inject
    SecurityIdentity identity;

    @Inject
    TenantOverride override;

    /** @return null when neither a job nor a verified token names one */
    public String id() {
        if (override.tenantId() != null) {
            return override.tenantId();
        }
        if (identity.isAnonymous()) {
            return null;
        }
        return identity.getAttribute(OidcUtils.TENANT_ID_ATTRIBUTE);
    }
}
