package kz.qorgau.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The test database as its owner sees it: every network's rows, untouched by row-level security. For the
 * tests that look at the tables themselves (what is stored, sealed or anonymised), as someone holding a
 * copy of the database would; the service itself never connects this way.
 */
public final class OwnerDatabase {

    private OwnerDatabase() {}

    public static Connection connect() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.flyway.username", String.class),
                config.getValue("quarkus.flyway.password", String.class));
    }
}
