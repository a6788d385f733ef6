package kz.qorgau.tenant;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantResolver;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * Gives Hibernate the tenant every query is limited to and every insert is stamped with: the tenant of the
 * verified token, or the tenant a background job acts for. With no authenticated tenant it answers a value no tenant can have, so a query made by
 * mistake outside an authenticated request finds nothing rather than everything.
 */
@PersistenceUnitExtension
@RequestScoped
public class HibernateTenantResolver implements TenantResolver {

    /** Tenant ids are lower-case slugs (see V1 migration), so this can never name a real tenant. */
    static final String NO_TENANT = "#none";

    @Inject
    CurrentTenant current;

    @Override
    public String getDefaultTenantId() {
        return NO_TENANT;
    }

    @Override
    public String resolveTenantId() {
        String tenant = current.id();
        return tenant == null ? NO_TENANT : tenant;
    }
}
