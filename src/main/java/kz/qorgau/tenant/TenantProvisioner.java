package kz.qorgau.tenant;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import kz.qorgau.security.TenantsConfig;

/**
 * Makes sure every configured tenant has its row, so agencies and cases can refer to it, and a risk
 * checklist. Runs on every replica at start; each insert is a no-op where the row already exists, so
 * replicas do not race.
 */
@ApplicationScoped
public class TenantProvisioner {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TenantsConfig tenants;

    @Inject
    Clock clock;

    void onStart(@Observes StartupEvent start) throws SQLException, IOException {
        String defaultChecklist;
        try (InputStream in = getClass().getResourceAsStream(DEFAULT_CHECKLIST)) {
            defaultChecklist = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Timestamp now = Timestamp.from(clock.instant());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement tenant = connection.prepareStatement(
                        "insert into tenant (id, name, created_at) values (?, ?, ?) on conflict (id) do nothing");
                PreparedStatement actFor =
                        connection.prepareStatement("select set_config('" + TenantSession.SETTING + "', ?, false)");
                // A tenant's first checklist is the one shipped with the service; it publishes its own later.
                PreparedStatement checklist = connection.prepareStatement("""
                        insert into risk_questionnaire (tenant_id, version, definition, created_by, created_at)
                        values (?, 1, cast(? as jsonb), 'qorgau', ?) on conflict do nothing""")) {
            for (var entry : tenants.all().entrySet()) {
                tenant.setString(1, entry.getKey());
                tenant.setString(2, entry.getValue().name());
                tenant.setTimestamp(3, now);
                tenant.executeUpdate();
                // Row-level security admits the checklist only while the connection names its tenant.
                actFor.setString(1, entry.getKey());
                actFor.execute();
                checklist.setString(1, entry.getKey());
                checklist.setString(2, defaultChecklist);
                checklist.setTimestamp(3, now);
                checklist.executeUpdate();
            }
            actFor.setString(1, "");
            actFor.execute();
        }
    }

    static final String DEFAULT_CHECKLIST = "/risk/default-questionnaire.json";
}
