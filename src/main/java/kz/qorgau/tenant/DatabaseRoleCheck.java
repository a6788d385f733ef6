package kz.qorgau.tenant;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Refuses to start on a database role that row-level security would not hold: a superuser, a role with
 * BYPASSRLS, or the owner of the tables (owners skip their tables' policies). The service then connects as
 * the role migration V8 creates, and Flyway migrates as the owner.
 */
@ApplicationScoped
public class DatabaseRoleCheck {

    void atStart(@Observes StartupEvent started, AgroalDataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("""
                        select r.rolname, r.rolsuper or r.rolbypassrls,
                               (select count(*) from pg_tables t where t.schemaname = current_schema()
                                 and t.tableowner = current_user)
                        from pg_roles r where r.rolname = current_user""")) {
            row.next();
            if (row.getBoolean(2) || row.getLong(3) > 0) {
                throw new IllegalStateException("The service connects to PostgreSQL as " + row.getString(1)
                        + ", which " + (row.getBoolean(2) ? "bypasses row-level security" : "owns the tables")
                        + "; connect as the service's own role (quarkus.datasource.username, see README) and let"
                        + " Flyway migrate as the owner (quarkus.flyway.username)");
            }
        }
    }
}
