package kz.qorgau.tenant;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import kz.qorgau.security.TenantsConfig;

/**
 * Makes sure every configured tenant has its row, so agencies and cases can refer to it. Runs on every
 * replica at start; the insert is a no-op where the row already exists, so replicas do not race.
 */
@ApplicationScoped
public class TenantProvisioner {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TenantsConfig tenants;

    @Inject
    Clock clock;

    void onStart(@Observes StartupEvent start) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into tenant (id, name, created_at) values (?, ?, ?) on conflict (id) do nothing")) {
            for (var tenant : tenants.all().entrySet()) {
                insert.setString(1, tenant.getKey());
                insert.setString(2, tenant.getValue().name());
                insert.setTimestamp(3, Timestamp.from(clock.instant()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
