package kz.qorgau.security;

import static kz.qorgau.security.RealmConnectionGate.Decision.CONNECT;
import static kz.qorgau.security.RealmConnectionGate.Decision.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RealmConnectionGateTest {

    private static final Instant T0 = Instant.parse("2026-12-05T00:00:00Z");

    @Test
    void theFirstRequestConnectsAndTheRestWaitUntilTheRealmMayBeTriedAgain() {
        RealmConnectionGate gate = new RealmConnectionGate(Duration.ofSeconds(3));
        assertEquals(CONNECT, gate.decide("almaty", T0));
        assertEquals(WAIT, gate.decide("almaty", T0));
        assertEquals(WAIT, gate.decide("almaty", T0.plusMillis(2_999)));
        assertEquals(CONNECT, gate.decide("almaty", T0.plusSeconds(3)), "tried again once the interval has passed");
        assertEquals(WAIT, gate.decide("almaty", T0.plusMillis(3_001)));
    }

    @Test
    void eachRealmHasItsOwnTry() {
        RealmConnectionGate gate = new RealmConnectionGate(Duration.ofSeconds(3));
        assertEquals(CONNECT, gate.decide("almaty", T0));
        assertEquals(CONNECT, gate.decide("astana", T0));
    }

    @Test
    void ofManyRequestsAtOnceExactlyOneConnects() throws Exception {
        RealmConnectionGate gate = new RealmConnectionGate(Duration.ofSeconds(3));
        List<RealmConnectionGate.Decision> decisions = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        for (int i = 0; i < 16; i++) {
            pool.execute(() -> {
                try {
                    go.await();
                    decisions.add(gate.decide("almaty", T0));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        go.countDown();
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        assertEquals(16, decisions.size());
        assertEquals(1, decisions.stream().filter(d -> d == CONNECT).count(), decisions.toString());
    }
}
