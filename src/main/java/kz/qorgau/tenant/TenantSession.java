package kz.qorgau.tenant;

import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Names the tenant on every connection the service takes from the pool, for PostgreSQL's row-level
 * security (migration V8) and for the entities' own restriction ({@link TenantRows}): the tenant of the verified
 * token, or the tenant a job acts for. Under JTA a connection is taken once per transaction, so each transaction
 * carries its tenant.
 * Work with no tenant (no request context, an anonymous caller, a job that did not say) names none, and
 * PostgreSQL then shows it no row of any network. Every acquisition names the tenant afresh, so a
 * connection back in the pool needs no clearing.
 */
@ApplicationScoped
public class TenantSession implements AgroalPoolInterceptor {

    static final String SETTING = "qorgau.tenant";

    @Override
    public void onConnectionAcquire(Connection connection) {
        String tenant = currentTenant();
        try {
            name(connection, tenant);
        } catch (SQLException e) {
            // Unscoped, the connection would see no row at all; the request fails instead, as for a lost database.
            throw new IllegalStateException("The connection could not be given its tenant", e);
        }
    }

    private static void name(Connection connection, String tenant) throws SQLException {
        try (PreparedStatement set = connection.prepareStatement("select set_config('" + SETTING + "', ?, false)")) {
            set.setString(1, tenant);
            set.execute();
        }
    }

    private static String currentTenant() {
        if (!Arc.container().requestContext().isActive()) {
            return "";
        }
        String tenant = Arc.container().instance(CurrentTenant.class).get().id();
        return tenant == null ? "" : tenant;
    }
}
