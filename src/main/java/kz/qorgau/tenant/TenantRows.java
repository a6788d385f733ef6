package kz.qorgau.tenant;

/**
 * The condition every entity that holds one tenant's rows declares with {@code @SQLRestriction}: Hibernate adds it
 * to each query, load by id and collection of that entity, so the Java line keeps its tenant even where a
 * query forgets to name one. It reads the tenant {@link TenantSession} gives the connection, the same one
 * PostgreSQL's row-level security checks (migration V8) as the second line.
 *
 * <p>Hibernate's own tenant filter, which {@code @TenantId} would turn on for every session, is kept off
 * ({@link HibernateTenantResolver#isRoot}): Hibernate 7.2 caches no query plan while a filter is enabled, so
 * every list query was translated from HQL to SQL again and every load by id built a new loader (each about 8%
 * of a read's CPU). A restriction declared on the entity is part of the plan and cached with it. {@code @TenantId}
 * still stamps each new row with the session's tenant.
 *
 * <p>The setting is read in a subquery, as the policies read it since migration V36: the planner cannot see a
 * subquery's value, so a plan cached on a pooled connection is not one estimated for whichever network the
 * connection happened to act for when it was made.
 */
public final class TenantRows {

    public static final String OF_THE_CONNECTIONS_TENANT =
            "tenant_id = (select current_setting('qorgau.tenant', true))";

    private TenantRows() {}
}
