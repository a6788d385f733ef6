package kz.qorgau.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which request may make quarkus-oidc connect to a realm it has no connection to yet. quarkus-oidc connects once
 * for every request that finds no connection: a burst of calls as a replica starts would fetch the realm's
 * discovery document and keys once per call, and while the identity provider is away every call would try it again,
 * each waiting up to the connect timeout. Through this gate one request tries; the others wait for its connection,
 * and the realm is tried again only once {@code tryEvery} has passed since the last try.
 */
final class RealmConnectionGate {

    enum Decision {
        /** This request is the one to connect: quarkus-oidc is handed the realm's settings now. */
        CONNECT,
        /** Another request is connecting, or tried a moment ago: wait for its connection. */
        WAIT
    }

    private final Duration tryEvery;
    private final Map<String, Instant> lastTry = new ConcurrentHashMap<>();

    RealmConnectionGate(Duration tryEvery) {
        this.tryEvery = tryEvery;
    }

    Decision decide(String realm, Instant now) {
        boolean[] connects = {false};
        // ConcurrentHashMap runs this once per call, atomically for the realm: of requests at once, one connects.
        lastTry.compute(realm, (r, last) -> {
            if (last != null && now.isBefore(last.plus(tryEvery))) {
                return last;
            }
            connects[0] = true;
            return now;
        });
        return connects[0] ? Decision.CONNECT : Decision.WAIT;
    }
}
