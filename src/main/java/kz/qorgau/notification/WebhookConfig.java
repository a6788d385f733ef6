package kz.qorgau.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

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

    /**
     * The deadline of one delivery, from connecting to the receiver's status: a receiver still sending its
     * answer then is cut off, and the delivery tried again later.
     */
    @WithDefault("10s")
    Duration timeout();

    @WithDefault("5s")
    Duration retryBase();

    @WithDefault("1h")
    Duration retryCap();

    /** After this many failed tries a delivery is dead-lettered; the agency can replay it. */
    @WithDefault("12")
    int maxAttempts();

    /** The most events one replay call queues; its answer's nextFromPosition goes on from there. */
    @WithDefault("1000")
    int maxReplay();

    /**
     * Address ranges (such as {@code 10.20.0.0/16}) of receivers on the deployment's own network that its
     * agencies may subscribe all the same: a partner's system placed inside the same private network on
     * purpose. None by default: loopback, private, link-local and other non-public addresses are refused.
     */
    Optional<List<String>> internalReceivers();

    /** Plain http receivers, for development and tests only. */
    @WithDefault("false")
    boolean allowHttp();

    default RetrySchedule schedule() {
        return new RetrySchedule(retryBase(), retryCap(), maxAttempts());
    }
}
