package kz.qorgau.drills;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.notification.Receiver;
import kz.qorgau.security.Role;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import kz.qorgau.support.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two packaged service processes on one PostgreSQL, as the Helm chart runs replicas, with every background job
 * on in both (relay, webhook workers and their retries, deadlines made short, feed retention made short, the
 * audit chainer). Incidents, referrals and transitions are sent through both, to two networks; one replica is
 * killed with SIGKILL in the middle; the other carries on. Nothing is lost, nothing done twice that must be
 * done once. Prints what it measured.
 */
class ReplicasIT {

    private static final int REFERRALS = 24;

    private static DrillPostgres postgres;
    private static ServiceProcess first;
    private static ServiceProcess second;

    @BeforeAll
    static void start() throws Exception {
        Path data = Path.of("target/drills/replicas-pg");
        Files.createDirectories(data.getParent());
        postgres = new DrillPostgres(data, ServiceProcess.freePort()).start(true);
        Map<String, String> settings = Map.of(
                "qorgau.deadlines.check-every", "1s",
                "qorgau.tenants.almaty.deadlines.high-acknowledge", "3s",
                "qorgau.webhooks.dispatch-every", "1s",
                "qorgau.notifications.relay-every", "1s",
                // A delivery the killed replica had claimed goes to the other when its lease ends.
                "qorgau.webhooks.lease", "10s",
                // Astana keeps its feed for seconds, so retention runs on both replicas under the load.
                "qorgau.tenants.astana.feed-retention", "5s",
                "qorgau.feed-retention.check-every", "1s",
                "qorgau.tenants.astana.rate-limit.requests-per-second", "1000",
                "qorgau.tenants.astana.rate-limit.burst", "1000");
        first = ServiceProcess.start("replica-a", postgres.jdbcUrl(), settings);
        second = ServiceProcess.start("replica-b", postgres.jdbcUrl(), settings);
        RestAssured.baseURI = "http://127.0.0.1";
        RestAssured.port = second.port;
    }

    @AfterAll
    static void stop() {
        for (ServiceProcess replica : new ServiceProcess[] {first, second}) {
            if (replica != null) {
                replica.close();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
        RestAssured.reset();
        ServiceProcess.pause(1000);
        assertEquals(List.of(), ServiceProcess.leftRunning(), "processes the drills started and left running");
    }

    @Test
    void twoReplicasShareTheWorkAndOneKilledLosesNothing() throws Exception {
        Network almaty = Network.of("almaty");
        Network astana = Network.of("astana");
        String dispatch = almaty.token(Role.POLICE_DISPATCH, almaty.police);
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        String caseworker = almaty.token(Role.NGO_CASEWORKER, almaty.crisisCentre);
        String admin = almaty.token(almaty.crisisCentre, Role.AGENCY_ADMIN, Role.NGO_CASEWORKER);
        String astanaInspector = astana.token(Role.POLICE_INSPECTOR, astana.police);
        String astanaAdmin = astana.token(astana.crisisCentre, Role.AGENCY_ADMIN, Role.NGO_CASEWORKER);
        try (Receiver receiver = new Receiver();
                Receiver flaky = new Receiver().refusingEachFirstTry();
                Receiver astanaReceiver = new Receiver()) {
            String secret = subscribe(admin, receiver);
            String flakySecret = subscribe(admin, flaky);
            subscribe(astanaAdmin, astanaReceiver);
            UUID caseId = Flows.caseFile(inspector);
            Flows.recordConsent(inspector, caseId, almaty.crisisCentre).then().statusCode(201);
            UUID astanaCase = Flows.caseFile(astanaInspector);
            Flows.recordConsent(astanaInspector, astanaCase, astana.crisisCentre)
                    .then()
                    .statusCode(201);
            Flows.referral(astanaInspector, astanaCase, astana.crisisCentre);
            // A partner in Astana, whose feed is kept for seconds, reads its first event and then stays away.
            String astanaCursor = null;
            for (int tries = 0; astanaCursor == null && tries < 40; tries++) {
                var page = given().auth()
                        .oauth2(astana.token(Role.NGO_CASEWORKER, astana.crisisCentre))
                        .get("/api/v1/events")
                        .then()
                        .statusCode(200)
                        .extract();
                if (page.path("items[0]") != null) {
                    astanaCursor = page.path("nextCursor");
                } else {
                    ServiceProcess.pause(250);
                }
            }

            long started = System.nanoTime();
            List<UUID> unanswered = new ArrayList<>();
            List<UUID> accepted = new ArrayList<>();
            List<String> incidents = new ArrayList<>();
            for (int i = 0; i < REFERRALS; i++) {
                if (i == REFERRALS / 2) {
                    // In the middle of the load, with deliveries, retries, escalations, pruning and chaining
                    // under way on both.
                    first.kill();
                }
                boolean bothUp = i < REFERRALS / 2;
                RestAssured.port = bothUp && i % 2 == 0 ? first.port : second.port;
                String reference = "CAD-" + UUID.randomUUID();
                Flows.reportIncident(dispatch, reference).then().statusCode(201);
                incidents.add(reference);
                UUID referral = Flows.referral(inspector, caseId, almaty.crisisCentre);
                Flows.referral(astanaInspector, astanaCase, astana.crisisCentre);
                if (i % 3 == 0) {
                    // Answered at once, through the other replica while there is one.
                    RestAssured.port = bothUp && i % 2 == 1 ? first.port : second.port;
                    Flows.fire(caseworker, referral, "ACKNOWLEDGE").then().statusCode(200);
                    Flows.fire(caseworker, referral, "ACCEPT").then().statusCode(200);
                    accepted.add(referral);
                } else {
                    unanswered.add(referral);
                }
            }
            RestAssured.port = second.port;

            // Every unanswered referral must be escalated once, by whichever replica.
            Set<String> expected = waitForDeliveries(caseworker, unanswered, List.of(receiver, flaky));
            long drained = (System.nanoTime() - started) / 1_000_000;

            int repeated = 0;
            for (var subscriber : Map.of(receiver, secret, flaky, flakySecret).entrySet()) {
                Map<String, Integer> copies = new HashMap<>();
                for (Receiver.Received r : subscriber.getKey().received()) {
                    copies.merge(r.id(), 1, Integer::sum);
                    assertTrue(Receiver.signedWith(subscriber.getValue(), r), "a delivery signed wrongly");
                }
                assertTrue(copies.keySet().containsAll(expected), "every event of the feed reached each receiver");
                repeated += (int) copies.values().stream().filter(n -> n > 1).count();
            }
            assertTrue(flaky.refused().containsAll(expected), "the flaky receiver refused each event's first try");

            int astanaPruned;
            try (Connection owner = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "postgres")) {
                // Each referral escalated exactly once though two replicas' deadline jobs looked at it; one
                // answered at once never.
                Map<String, Long> escalations = counts(
                        owner,
                        "select aggregate_id::text, count(*) from outbox_event where event_type = 'referral.escalated'"
                                + " and tenant_id = 'almaty' group by 1");
                for (UUID referral : unanswered) {
                    assertEquals(1L, escalations.getOrDefault(referral.toString(), 0L), referral + " escalations");
                }
                for (UUID referral : accepted) {
                    assertEquals(0L, escalations.getOrDefault(referral.toString(), 0L), referral + " escalations");
                }
                // Every incident answered 201 is stored once, whichever replica took it and whether or not that
                // replica was killed later.
                for (String reference : incidents) {
                    assertEquals(
                            1L,
                            counts(
                                            owner,
                                            "select external_reference, count(*) from incident where"
                                                    + " external_reference = '" + reference + "' group by 1")
                                    .getOrDefault(reference, 0L),
                            reference);
                }
                // Feed positions: Almaty's numbered 1..n, none twice, none missing (its retention is days).
                try (ResultSet rs = owner.createStatement()
                        .executeQuery("select count(*), count(distinct position), max(position) from outbox_event"
                                + " where position is not null and tenant_id = 'almaty'")) {
                    rs.next();
                    assertEquals(rs.getLong(1), rs.getLong(2), "almaty: a position twice");
                    assertEquals(rs.getLong(1), rs.getLong(3), "almaty: a position missing");
                }
                // No two deliveries of one event to one subscription.
                assertEquals(
                        0L,
                        counts(
                                        owner,
                                        "select subscription_id::text || event_seq, count(*) from webhook_delivery"
                                                + " group by 1 having count(*) > 1")
                                .size());
                astanaPruned = awaitPruned(owner, astanaCursor);
            }
            given().auth()
                    .oauth2(TestTokens.tenant("almaty").roles(Role.AUDITOR).sign())
                    .get("/api/v1/audit/verification")
                    .then()
                    .statusCode(200)
                    .body("intact", org.hamcrest.Matchers.equalTo(true));
            System.out.printf(
                    "[drill] two replicas, one killed with SIGKILL half-way: %d incidents, %d referrals answered at"
                            + " once and %d left to escalate, %d events for the crisis centre, each delivered to two"
                            + " receivers (one refusing every first try: %d refused, all retried) with %d events"
                            + " received more than once (re-sends of what the killed replica had in flight); every"
                            + " unanswered referral escalated once; feed positions whole; Astana's feed pruned"
                            + " through position %d, its old cursor answered 410; audit chain intact; all delivered"
                            + " %d ms after the first referral%n",
                    incidents.size(),
                    accepted.size(),
                    unanswered.size(),
                    expected.size(),
                    flaky.refused().size(),
                    repeated,
                    astanaPruned,
                    drained);
            assertTrue(repeated <= 50, "re-sent deliveries beyond one batch of the killed replica: " + repeated);
        }
    }

    private static String subscribe(String token, Receiver receiver) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Map.of("url", receiver.url()))
                .post("/api/v1/webhook-subscriptions")
                .then()
                .statusCode(201)
                .extract()
                .path("secret");
    }

    /**
     * Waits until retention, run by the surviving replica with the feed kept for seconds, has removed Astana's
     * old events and its old cursor answers 410; returns the position retention has removed through.
     */
    private static int awaitPruned(Connection owner, String astanaCursor) throws Exception {
        String reader = Network.of("astana").token(Role.NGO_CASEWORKER, Network.of("astana").crisisCentre);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int status = 0;
        while (System.nanoTime() < deadline) {
            status = given().auth()
                    .oauth2(reader)
                    .queryParam("after", astanaCursor)
                    .get("/api/v1/events")
                    .then()
                    .extract()
                    .statusCode();
            if (status == 410) {
                break;
            }
            ServiceProcess.pause(500);
        }
        assertEquals(410, status, "an Astana cursor older than its retention");
        // Nothing relayed, delivered and older than retention (and a margin for the last run) is left.
        assertEquals(
                0L,
                counts(
                                owner,
                                "select 'old', count(*) from outbox_event o where tenant_id = 'astana'"
                                        + " and position is not null and created_at < now() - interval '20 seconds'"
                                        + " and not exists (select 1 from webhook_delivery d where d.event_seq ="
                                        + " o.seq and d.status = 'PENDING')")
                        .getOrDefault("old", 0L));
        return counts(owner, "select 'p', pruned_through from feed_counter where tenant_id = 'astana'")
                .get("p")
                .intValue();
    }

    /** The event ids of the crisis centre's feed, once every receiver has every one of them (or patience ends). */
    private static Set<String> waitForDeliveries(String caseworker, List<UUID> unanswered, List<Receiver> receivers) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        Set<String> expected = new HashSet<>();
        while (System.nanoTime() < deadline) {
            Map<String, String> feed = feed(caseworker);
            expected = feed.keySet();
            long escalated =
                    feed.values().stream().filter("referral.escalated"::equals).count();
            boolean all = escalated >= unanswered.size();
            for (Receiver r : receivers) {
                Set<String> got = new HashSet<>();
                r.received().forEach(x -> got.add(x.id()));
                all &= got.containsAll(expected);
            }
            if (all) {
                return expected;
            }
            ServiceProcess.pause(500);
        }
        return expected;
    }

    /** The reader's whole change feed: each event's id and type. */
    private static Map<String, String> feed(String token) {
        Map<String, String> events = new HashMap<>();
        String cursor = null;
        while (true) {
            var request = given().auth().oauth2(token).queryParam("limit", 500);
            if (cursor != null) {
                request.queryParam("after", cursor);
            }
            var page = request.get("/api/v1/events").then().statusCode(200).extract();
            List<String> items = page.path("items.id");
            List<String> types = page.path("items.type");
            if (items.isEmpty()) {
                return events;
            }
            for (int i = 0; i < items.size(); i++) {
                events.put(items.get(i), types.get(i));
            }
            cursor = page.path("nextCursor");
        }
    }

    private static Map<String, Long> counts(Connection connection, String sql) throws Exception {
        Map<String, Long> counts = new HashMap<>();
        try (ResultSet rs = connection.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }
}
