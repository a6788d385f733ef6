package kz.qorgau.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.function.Function;
import kz.qorgau.security.TenantsConfig;

/**
 * One token bucket per client of each network (OWASP API4:2023). Plain Java: the server wires it to its
 * configuration, and unit tests drive it with their own limits.
 */
public final class ClientRateLimits {

    /** Buckets of clients idle this long are dropped; a full bucket carries no state worth keeping. */
    private static final Duration IDLE = Duration.ofMinutes(10);

    private static final long MAX_CLIENTS = 100_000;

    private final Function<String, TenantsConfig.RateLimit> limitOfTenant;
    private final Cache<Client, Bucket> buckets;

    public ClientRateLimits(Function<String, TenantsConfig.RateLimit> limitOfTenant) {
        this.limitOfTenant = limitOfTenant;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(MAX_CLIENTS)
                .expireAfterAccess(IDLE)
                .build();
    }

    /** Whom a bucket belongs to: a token subject of an OAuth client of a network. */
    public record Client(String tenant, String oauthClient, String subject) {}

    /**
     * What one request took from its client's bucket, in the terms of the RateLimit headers: the burst, what
     * is left of it, the whole seconds until it is full again, and, if refused, the seconds to wait.
     */
    public record Decision(boolean allowed, int limit, long remaining, long resetSeconds, long retryAfterSeconds) {}

    public Decision take(Client client) {
        TenantsConfig.RateLimit limit = limitOfTenant.apply(client.tenant());
        Bucket bucket = buckets.get(client, c -> bucketFor(limit));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        long remaining = probe.getRemainingTokens();
        long reset = seconds((limit.burst() - remaining) * 1_000_000_000L / limit.requestsPerSecond());
        return probe.isConsumed()
                ? new Decision(true, limit.burst(), remaining, reset, 0)
                : new Decision(false, limit.burst(), 0, reset, Math.max(1, seconds(probe.getNanosToWaitForRefill())));
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }

    private static Bucket bucketFor(TenantsConfig.RateLimit limit) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(limit.burst())
                        .refillGreedy(limit.requestsPerSecond(), Duration.ofSeconds(1))
                        .build())
                .build();
    }
}
