package kz.qorgau.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "qorgau.webhooks")
public interface WebhookConfig {

    /** How often each replica's worker looks for due deliveries ("off" to stop it). */
    @WithDefault("1s")
    String dispatchEvery();

    /** Deliveries a worker claims and sends side by side. */
    @WithDefault("50")
    int batch();

    /** How long a claimed delivery is held by its worker; a worker that dies releases it after this. */
    @WithDefault("60s")
    Duration lease();

    @WithDefault("10s")
    Duration timeout();

    @WithDefault("5s")
    Duration retryBase();

    @WithDefault("1h")
    Duration retryCap();

    /** After this many failed tries a delivery is dead-lettered; the agency can replay it. */
    @WithDefault("12")
    int maxAttempts();

    /** Plain http receivers, for development and tests only. */
    @WithDefault("false")
    boolean allowHttp();

    default RetrySchedule schedule() {
        return new RetrySchedule(retryBase(), retryCap(), maxAttempts());
    }
}
