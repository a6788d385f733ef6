package kz.qorgau.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.OptionalLong;
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

    private final ClientRateLimits limits = new ClientRateLimits(
            Map.of("slow", limit(1, 3), "fast", limit(1000, 1000))::get);

    @Test
    void aClientGetsItsBurstThenWaitsForTheRefill() {
        var portal = new ClientRateLimits.Client("slow", "ngo-portal", "service-account-ngo-portal");
        for (int i = 0; i < 3; i++) {
            assertTrue(limits.take(portal).isEmpty());
        }
        OptionalLong wait = limits.take(portal);
        assertEquals(OptionalLong.of(1), wait);
    }

    @Test
    void clientsAndNetworksHaveTheirOwnBuckets() {
        var portal = new ClientRateLimits.Client("slow", "ngo-portal", "service-account-ngo-portal");
        for (int i = 0; i < 4; i++) {
            limits.take(portal);
        }
        assertTrue(limits.take(new ClientRateLimits.Client("slow", "ngo-portal", "another-account")).isEmpty());
        assertTrue(limits.take(new ClientRateLimits.Client("slow", "police-dispatch", "service-account-ngo-portal")).isEmpty());
        for (int i = 0; i < 500; i++) {
            assertTrue(limits.take(new ClientRateLimits.Client("fast", "ngo-portal", "service-account-ngo-portal")).isEmpty());
        }
    }
}
