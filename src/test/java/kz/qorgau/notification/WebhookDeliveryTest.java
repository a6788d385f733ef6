package kz.qorgau.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import kz.qorgau.security.Role;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import org.junit.jupiter.api.Test;

/**
 * Webhooks against a real HTTP receiver started by the test: signed deliveries, retries through an
 * outage, order per referral, dead-letter and replay, and no duplicates with two workers at once. The
 * relay and the workers are driven by hand, with the time they act at, so backoff needs no sleeping.
 */
@QuarkusTest
class WebhookDeliveryTest {

    @Inject
    OutboxRelay relay;

    @Inject
    WebhookDispatcher dispatcher;

    record Subscribed(UUID id, String secret, String admin) {}

    private static Subscribed subscribe(Network network, UUID agency, String url, List<String> types) {
        String admin = network.token(agency, Role.AGENCY_ADMIN, Role.NGO_CASEWORKER);
        var created = given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .body(Map.of("url", url, "eventTypes", types))
                .post("/api/v1/webhook-subscriptions")
                .then()
                .statusCode(201)
                .body("secret", startsWith("whsec_"), "active", equalTo(true))
                .extract();
        return new Subscribed(UUID.fromString(created.path("id")), created.path("secret"), admin);
    }

    private static void unsubscribe(Subscribed subscription) {
        given().auth()
                .oauth2(subscription.admin())
                .delete("/api/v1/webhook-subscriptions/" + subscription.id())
                .then()
                .statusCode(204);
    }

    /** Relays, then works as one worker until nothing is due at {@code at}. */
    private void deliverAt(Instant at) {
        relay.relay();
        while (dispatcher.dispatchDue(at) > 0) {
            // next batch
        }
    }

    @Test
    void everyEventArrivesSignedAndInOrderAfterTheReceiverWasDownAndFailing() throws Exception {
        Network almaty = Network.of("almaty");
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        String caseworker = almaty.token(Role.NGO_CASEWORKER, almaty.crisisCentre);
        try (Receiver receiver = new Receiver()) {
            Subscribed subscription = subscribe(almaty, almaty.crisisCentre, receiver.url(), List.of());
            UUID caseId = Flows.caseFile(inspector);
            Flows.recordConsent(inspector, caseId, almaty.crisisCentre).then().statusCode(201);
            List<UUID> referrals = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                referrals.add(Flows.referral(inspector, caseId, almaty.crisisCentre));
            }
            Instant now = Instant.now();
            // Down: nothing listens on the port.
            receiver.down();
            deliverAt(now);
            for (UUID referral : referrals) {
                Flows.fire(caseworker, referral, "ACKNOWLEDGE").then().statusCode(200);
                Flows.fire(caseworker, referral, "ACCEPT").then().statusCode(200);
            }
            deliverAt(now.plusSeconds(60));
            // Back, but failing.
            receiver.up();
            receiver.answer(500);
            deliverAt(now.plusSeconds(120));
            assertEquals(0, receiver.received().size());
            var failing = given().auth()
                    .oauth2(subscription.admin())
                    .get("/api/v1/webhook-subscriptions/" + subscription.id() + "/deliveries")
                    .then()
                    .statusCode(200)
                    .extract();
            // Only the first event of each referral has been tried: the later ones wait behind it, in order.
            assertEquals(
                    3,
                    failing.<List<Integer>>path("items.attempts").stream()
                            .filter(a -> a >= 1)
                            .count());
            assertTrue(failing.<List<Integer>>path("items.lastStatus").contains(500));
            // Healthy again: within the backoff's reach everything arrives.
            receiver.answer(200);
            deliverAt(now.plus(Duration.ofMinutes(10)));

            List<Receiver.Received> got = receiver.received();
            assertEquals(9, got.size(), "three referrals, each submitted, acknowledged and accepted");
            assertEquals(
                    9, new HashSet<>(got.stream().map(Receiver.Received::id).toList()).size());
            for (Receiver.Received r : got) {
                assertTrue(Receiver.signedWith(subscription.secret(), r), "signed with the subscription's secret");
            }
            for (UUID referral : referrals) {
                List<Object> types = got.stream()
                        .map(r -> Receiver.parse(r.body()))
                        .filter(m -> referral.toString().equals(((Map<?, ?>) m.get("data")).get("referralId")))
                        .map(m -> m.get("type"))
                        .toList();
                assertEquals(List.of("referral.submitted", "referral.acknowledged", "referral.accepted"), types);
            }
            given().auth()
                    .oauth2(subscription.admin())
                    .queryParam("status", "PENDING")
                    .get("/api/v1/webhook-subscriptions/" + subscription.id() + "/deliveries")
                    .then()
                    .statusCode(200)
                    .body("items.size()", equalTo(0));
            unsubscribe(subscription);
        }
    }

    @Test
    void aDeliveryThatKeepsFailingIsDeadLetteredAndCanBeReplayed() {
        Network almaty = Network.of("almaty");
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        try (Receiver receiver = new Receiver()) {
            Subscribed subscription =
                    subscribe(almaty, almaty.crisisCentre, receiver.url(), List.of("referral.submitted"));
            UUID caseId = Flows.caseFile(inspector);
            Flows.recordConsent(inspector, caseId, almaty.crisisCentre).then().statusCode(201);
            Flows.referral(inspector, caseId, almaty.crisisCentre);
            receiver.answer(503);
            Instant now = Instant.now();
            // The test profile allows four tries; each later run is past any backoff.
            for (int run = 0; run < 5; run++) {
                deliverAt(now.plus(Duration.ofHours(run)));
            }
            String log = "/api/v1/webhook-subscriptions/" + subscription.id() + "/deliveries";
            var dead = given().auth()
                    .oauth2(subscription.admin())
                    .queryParam("status", "DEAD")
                    .get(log)
                    .then()
                    .statusCode(200)
                    .body(
                            "items.size()",
                            equalTo(1),
                            "items[0].attempts",
                            equalTo(4),
                            "items[0].lastStatus",
                            equalTo(503),
                            "items[0].eventType",
                            equalTo("referral.submitted"))
                    .extract();
            String deliveryId = dead.path("items[0].id");
            long position = ((Number) dead.path("items[0].position")).longValue();

            receiver.answer(200);
            given().auth()
                    .oauth2(subscription.admin())
                    .post(log + "/" + deliveryId + "/replay")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("PENDING"), "attempts", equalTo(0));
            deliverAt(now.plus(Duration.ofHours(6)));
            assertEquals(1, receiver.received().size());
            given().auth().oauth2(subscription.admin()).get(log).then().body("items[0].status", equalTo("DELIVERED"));

            // A receiver that lost what it had asks for everything from a position on again.
            given().auth()
                    .oauth2(subscription.admin())
                    .contentType("application/json")
                    .body(Map.of("fromPosition", position))
                    .post("/api/v1/webhook-subscriptions/" + subscription.id() + "/replay")
                    .then()
                    .statusCode(202)
                    .body("queued", equalTo(1));
            deliverAt(now.plus(Duration.ofHours(7)));
            assertEquals(2, receiver.received().size());
            assertEquals(
                    receiver.received().get(0).id(),
                    receiver.received().get(1).id(),
                    "the same event, the same webhook-id");
            unsubscribe(subscription);
        }
    }

    @Test
    void twoWorkersAtOnceDeliverEachEventExactlyOnce() throws Exception {
        Network almaty = Network.of("almaty");
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        try (Receiver receiver = new Receiver()) {
            Subscribed subscription = subscribe(almaty, almaty.crisisCentre, receiver.url(), List.of());
            UUID caseId = Flows.caseFile(inspector);
            Flows.recordConsent(inspector, caseId, almaty.crisisCentre).then().statusCode(201);
            int events = 60;
            for (int i = 0; i < events; i++) {
                Flows.referral(inspector, caseId, almaty.crisisCentre);
            }
            relay.relay();
            Instant now = Instant.now();
            var pool = Executors.newFixedThreadPool(2);
            try {
                Runnable worker = () -> {
                    while (dispatcher.dispatchDue(now) > 0) {
                        // keep claiming
                    }
                };
                CompletableFuture.allOf(
                                CompletableFuture.runAsync(worker, pool), CompletableFuture.runAsync(worker, pool))
                        .get();
            } finally {
                pool.shutdown();
            }
            List<String> ids =
                    receiver.received().stream().map(Receiver.Received::id).toList();
            assertEquals(events, ids.size());
            assertEquals(events, new HashSet<>(ids).size());
            unsubscribe(subscription);
        }
    }

    @Test
    void aSubscriptionNeedsAUsableUrl() {
        Network almaty = Network.of("almaty");
        String admin = almaty.token(almaty.crisisCentre, Role.AGENCY_ADMIN, Role.NGO_CASEWORKER);
        for (String url : List.of(
                "not a url",
                "ftp://127.0.0.1/x",
                "/relative",
                "http://user:pw@127.0.0.1/x",
                "http://127.0.0.1:99999/x",
                "http://127.0.0.1:0/x")) {
            given().auth()
                    .oauth2(admin)
                    .contentType("application/json")
                    .body(Map.of("url", url))
                    .post("/api/v1/webhook-subscriptions")
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("url"));
        }
    }

    @Test
    void aSubscriptionNamesOnlyEventTypesThatExist() {
        Network almaty = Network.of("almaty");
        String admin = almaty.token(almaty.crisisCentre, Role.AGENCY_ADMIN, Role.NGO_CASEWORKER);
        // A type about records the subscriber's roles do not read would never be delivered either.
        given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .body(Map.of("url", "https://receiver.example/hook", "eventTypes", List.of("incident.reported")))
                .post("/api/v1/webhook-subscriptions")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("eventTypes"), "errors[0].message", containsString("do not read"));
        // A wildcard or a typo would be a subscription that never fires, with nothing to say so.
        for (String type : List.of("*", "referral.acepted", "referral.*")) {
            given().auth()
                    .oauth2(admin)
                    .contentType("application/json")
                    .body(Map.of(
                            "url", "https://receiver.example/hook", "eventTypes", List.of("referral.accepted", type)))
                    .post("/api/v1/webhook-subscriptions")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("eventTypes"), "errors[0].message", containsString(type));
        }
    }

    @Test
    void aDeliveryTheSenderCannotEvenBuildFailsAloneAndTheOthersArrive() throws Exception {
        Network almaty = Network.of("almaty");
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        try (Receiver receiver = new Receiver()) {
            Subscribed good = subscribe(almaty, almaty.crisisCentre, receiver.url(), List.of());
            Subscribed broken = subscribe(almaty, almaty.crisisCentre, receiver.url(), List.of());
            // A row no request can be made from (as one written before today's checks could be).
            try (var owner = kz.qorgau.support.OwnerDatabase.connect();
                    var update = owner.prepareStatement("update webhook_subscription set url = ? where id = ?")) {
                update.setString(1, "http://exa mple.test/hook");
                update.setObject(2, broken.id());
                assertEquals(1, update.executeUpdate());
            }
            UUID caseId = Flows.caseFile(inspector);
            Flows.recordConsent(inspector, caseId, almaty.crisisCentre).then().statusCode(201);
            Flows.referral(inspector, caseId, almaty.crisisCentre);
            // A moment on: the relay, which runs first, makes the deliveries due from when it runs.
            deliverAt(Instant.now().plusSeconds(1));

            assertTrue(!receiver.received().isEmpty(), "the good subscription's events arrived");
            given().auth()
                    .oauth2(good.admin())
                    .get("/api/v1/webhook-subscriptions/" + good.id() + "/deliveries")
                    .then()
                    .statusCode(200)
                    .body("items[0].status", equalTo("DELIVERED"));
            given().auth()
                    .oauth2(broken.admin())
                    .get("/api/v1/webhook-subscriptions/" + broken.id() + "/deliveries")
                    .then()
                    .statusCode(200)
                    .body("items[0].status", equalTo("PENDING"), "items[0].lastError", equalTo("REQUEST_FAILED"));
            unsubscribe(good);
            unsubscribe(broken);
        }
    }

    @Test
    void aReplayStopsAtItsMaximumSaysWhereToGoOnAndEveryChangeOfWhoIsNotifiedIsAudited() {
        Network almaty = Network.of("almaty");
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        String caseworker = almaty.token(Role.NGO_CASEWORKER, almaty.crisisCentre);
        UUID caseId = Flows.caseFile(inspector);
        Flows.recordConsent(inspector, caseId, almaty.crisisCentre).then().statusCode(201);
        for (int i = 0; i < 2; i++) {
            UUID referral = Flows.referral(inspector, caseId, almaty.crisisCentre);
            Flows.fire(caseworker, referral, "ACKNOWLEDGE").then().statusCode(200);
        }
        relay.relay();
        // Subscribed after the events were relayed: only a replay sends them.
        Subscribed subscription = subscribe(almaty, almaty.crisisCentre, "http://127.0.0.1:9/never", List.of());
        String replay = "/api/v1/webhook-subscriptions/" + subscription.id() + "/replay";
        // The test profile's maximum is three a call; the crisis centre's feed holds at least four events.
        List<String> expected = new ArrayList<>(List.of("WEBHOOK_SUBSCRIBE"));
        Number from = 0;
        int queued = 0;
        do {
            var answer = given().auth()
                    .oauth2(subscription.admin())
                    .contentType("application/json")
                    .body(Map.of("fromPosition", from))
                    .post(replay)
                    .then()
                    .statusCode(202)
                    .extract();
            int now = answer.<Integer>path("queued");
            from = answer.path("nextFromPosition");
            assertTrue(from == null ? now <= 3 : now == 3, "a call queues at most three, and says where to go on");
            queued += now;
            expected.add("WEBHOOK_REPLAY");
        } while (from != null);
        assertTrue(queued >= 4, "every event was queued in the end: " + queued);
        // Replaying again while they wait queues none of them a second time.
        given().auth()
                .oauth2(subscription.admin())
                .contentType("application/json")
                .body(Map.of("fromPosition", 0))
                .post(replay)
                .then()
                .statusCode(202)
                .body("queued", org.hamcrest.Matchers.equalTo(0));
        expected.add("WEBHOOK_REPLAY");
        // Where to replay from is not guessed.
        given().auth()
                .oauth2(subscription.admin())
                .contentType("application/json")
                .body("{}")
                .post(replay)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        expected.add("WEBHOOK_UNSUBSCRIBE");
        unsubscribe(subscription);
        // Stopping it again changes nothing and is not audited again.
        unsubscribe(subscription);

        var trail = given().auth()
                .oauth2(kz.qorgau.support.TestTokens.tenant("almaty")
                        .roles(Role.AUDITOR)
                        .sign())
                .queryParam("recordId", subscription.id())
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .extract();
        assertEquals(expected, trail.path("items.action"));
        // The auditor learns where the network's events were sent.
        assertTrue(
                trail.<String>path("items[0].detail").startsWith("receiver=http://127.0.0.1:9 "),
                trail.<String>path("items[0].detail"));
    }
}
