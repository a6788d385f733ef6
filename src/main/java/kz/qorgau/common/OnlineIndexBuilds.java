package kz.qorgau.common;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

/**
 * Lets a migration build an index concurrently, while the service goes on writing to the table (migration V35).
 *
 * <p>Such a build cannot run in a transaction, so a script holding one runs statement by statement ("mixed"); a
 * script without one still runs in a single transaction. And the build waits for every transaction open when it
 * starts: Flyway's lock is therefore held by its session, not in a transaction of its own, which the build would wait
 * for forever (flyway/flyway#3508). Replicas starting together still migrate one at a time, since the session's
 * advisory lock is as exclusive, and a replica that dies mid-migration releases it with its connection.
 */
@Singleton
public class OnlineIndexBuilds implements FlywayConfigurationCustomizer {

    @Override
    public void customize(FluentConfiguration configuration) {
        configuration.mixed(true);
        configuration
                .getPluginRegister()
                .getPlugin(PostgreSQLConfigurationExtension.class)
                .setTransactionalLock(false);
    }
}
