package kz.qorgau.tenant;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantResolver;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * Gives Hibernate the tenant every insert is stamped with: the tenant of the verified token, or the tenant a
 * background job acts for. With no authenticated tenant it answers a value no tenant can have, so a row written by
 * mistake outside an authenticated request belongs to no network (and the policies refuse it). Which rows a query
 * sees is not decided here but by the connection's tenant ({@link TenantRows}, {@link TenantSession}).
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

    /**
     * Every tenant is "root" to Hibernate, so that it turns on no tenant filter: with one enabled it caches no
     * query plan (see {@link TenantRows}). The rows stay scoped: each tenant-scoped entity restricts its rows to the
     * connection's tenant, and PostgreSQL's policies do the same under it. {@code @TenantId} still stamps new rows
     * with the session's tenant; a row stamped with any other is refused by the policies' check.
     */
    @Override
    public boolean isRoot(String tenantId) {
        return true;
    }
}
