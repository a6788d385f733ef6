package kz.qorgau.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import kz.qorgau.security.TenantsConfig;
import org.junit.jupiter.api.Test;

class ClientRateLimitsTest {

    private static TenantsConfig.RateLimit limit(int perSecond, int burst) {
        return new TenantsConfig.RateLimit() {
            @Override
            public int requestsPerSecond() {
                return perSecond;
            }

            @Override
            public int burst() {
                return burst;
            }
        };
    }

    private final ClientRateLimits limits =
            new ClientRateLimits(Map.of("slow", limit(1, 3), "fast", limit(1000, 1000))::get);

    @Test
    void aClientGetsItsBurstThenWaitsForTheRefill() {
        var portal = new ClientRateLimits.Client("slow", "ngo-portal", "service-account-ngo-portal");
        for (int i = 0; i < 3; i++) {
            ClientRateLimits.Decision decision = limits.take(portal);
            assertTrue(decision.allowed());
            assertEquals(3, decision.limit());
            assertEquals(2 - i, decision.remaining());
            // At one a second the bucket is full again as many seconds later as requests were taken.
            assertEquals(i + 1, decision.resetSeconds());
        }
        ClientRateLimits.Decision refused = limits.take(portal);
        assertFalse(refused.allowed());
        assertEquals(1, refused.retryAfterSeconds());
    }

    @Test
    void clientsAndNetworksHaveTheirOwnBuckets() {
        var portal = new ClientRateLimits.Client("slow", "ngo-portal", "service-account-ngo-portal");
        for (int i = 0; i < 4; i++) {
            limits.take(portal);
        }
        assertFalse(limits.take(portal).allowed());
        assertTrue(limits.take(new ClientRateLimits.Client("slow", "ngo-portal", "another-account"))
                .allowed());
        assertTrue(limits.take(new ClientRateLimits.Client("slow", "police-dispatch", "service-account-ngo-portal"))
                .allowed());
        for (int i = 0; i < 500; i++) {
            assertTrue(limits.take(new ClientRateLimits.Client("fast", "ngo-portal", "service-account-ngo-portal"))
                    .allowed());
        }
    }
}
