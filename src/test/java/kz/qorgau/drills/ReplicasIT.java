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
import kz.qorgau.notification.WebhookSignature;
import kz.qorgau.security.Role;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import kz.qorgau.support.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two packaged service processes on one PostgreSQL, as the Helm chart runs replicas, with every background job
 * on in both (relay, webhook workers, deadlines made short, the audit chainer). Referrals are sent through
 * both; one replica is killed with SIGKILL in the middle; the other carries on. Nothing is lost, nothing done
 * twice that must be done once. Prints what it measured.
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
                "qorgau.webhooks.lease", "10s");
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
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        String admin = almaty.token(almaty.crisisCentre, Role.AGENCY_ADMIN, Role.NGO_CASEWORKER);
        try (Receiver receiver = new Receiver()) {
            var subscribed = given().auth()
                    .oauth2(admin)
                    .contentType("application/json")
                    .body(Map.of("url", receiver.url()))
                    .post("/api/v1/webhook-subscriptions")
                    .then()
                    .statusCode(201)
                    .extract();
            String secret = subscribed.path("secret");
            UUID caseId = Flows.caseFile(inspector);
            Flows.recordConsent(inspector, caseId, almaty.crisisCentre).then().statusCode(201);

            long started = System.nanoTime();
            List<UUID> referrals = new ArrayList<>();
            for (int i = 0; i < REFERRALS; i++) {
                if (i == REFERRALS / 2) {
                    // In the middle of the load, with deliveries, escalations and chaining under way on both.
                    first.kill();
                }
                int port = i < REFERRALS / 2 && i % 2 == 0 ? first.port : second.port;
                RestAssured.port = port;
                referrals.add(Flows.referral(inspector, caseId, almaty.crisisCentre));
            }
            RestAssured.port = second.port;

            // Every referral is left unacknowledged: each must be escalated once, by whichever replica.
            Set<String> expected = waitForDeliveries(almaty, receiver, referrals, Duration.ofSeconds(120));
            long drained = (System.nanoTime() - started) / 1_000_000;

            List<Receiver.Received> got = receiver.received();
            Map<String, Integer> copies = new HashMap<>();
            for (Receiver.Received r : got) {
                copies.merge(r.id(), 1, Integer::sum);
                String expectedSignature =
                        WebhookSignature.sign(secret, r.id(), Long.parseLong(r.timestamp()), r.body());
                assertTrue(r.signature().contains(expectedSignature.split(",", 2)[1]), "a delivery signed wrongly");
            }
            assertTrue(copies.keySet().containsAll(expected), "every event of the feed reached the receiver");
            long repeated = copies.values().stream().filter(n -> n > 1).count();

            try (Connection owner = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "postgres")) {
                // Each referral escalated exactly once, though two replicas' deadline jobs looked at it.
                Map<String, Long> escalations = counts(
                        owner,
                        "select aggregate_id::text, count(*) from outbox_event where event_type = 'referral.escalated'"
                                + " and tenant_id = 'almaty' group by 1");
                for (UUID referral : referrals) {
                    assertEquals(1L, escalations.getOrDefault(referral.toString(), 0L), referral + " escalations");
                }
                // Feed positions: each network's numbered 1..n, none twice, none missing.
                try (ResultSet rs = owner.createStatement()
                        .executeQuery("select tenant_id, count(*), count(distinct position), max(position)"
                                + " from outbox_event where position is not null group by tenant_id")) {
                    while (rs.next()) {
                        assertEquals(rs.getLong(2), rs.getLong(3), rs.getString(1) + ": a position twice");
                        assertEquals(rs.getLong(2), rs.getLong(4), rs.getString(1) + ": a position missing");
                    }
                }
                // No two deliveries of one event to one subscription.
                assertEquals(
                        0L,
                        counts(
                                        owner,
                                        "select subscription_id::text || event_seq, count(*) from webhook_delivery"
                                                + " group by 1 having count(*) > 1")
                                .size());
            }
            given().auth()
                    .oauth2(TestTokens.tenant("almaty").roles(Role.AUDITOR).sign())
                    .get("/api/v1/audit/verification")
                    .then()
                    .statusCode(200)
                    .body("intact", org.hamcrest.Matchers.equalTo(true));
            System.out.printf(
                    "[drill] two replicas, one killed with SIGKILL half-way: %d referrals, %d events for the crisis"
                            + " centre, %d webhook requests received (%d events more than once, each at most a"
                            + " re-send of one the killed replica had in flight), every referral escalated once,"
                            + " feed positions whole, audit chain intact; all delivered %d ms after the first"
                            + " referral%n",
                    referrals.size(), expected.size(), got.size(), repeated, drained);
            assertTrue(repeated <= 50, "re-sent deliveries beyond one batch of the killed replica: " + repeated);
        }
    }

    /** The event ids of the crisis centre's feed, once the receiver has every one of them (or the patience ends). */
    private static Set<String> waitForDeliveries(
            Network almaty, Receiver receiver, List<UUID> referrals, Duration patience) {
        String caseworker = almaty.token(Role.NGO_CASEWORKER, almaty.crisisCentre);
        long deadline = System.nanoTime() + patience.toNanos();
        Set<String> expected = new HashSet<>();
        while (System.nanoTime() < deadline) {
            expected = feedIds(caseworker);
            Set<String> got = new HashSet<>();
            receiver.received().forEach(r -> got.add(r.id()));
            // Both events of every referral (submitted and escalated) are in the feed, and all have arrived.
            if (expected.size() >= 2 * referrals.size() && got.containsAll(expected)) {
                return expected;
            }
            ServiceProcess.pause(500);
        }
        return expected;
    }

    private static Set<String> feedIds(String token) {
        Set<String> ids = new HashSet<>();
        String cursor = null;
        while (true) {
            var request = given().auth().oauth2(token).queryParam("limit", 500);
            if (cursor != null) {
                request.queryParam("after", cursor);
            }
            var page = request.get("/api/v1/events").then().statusCode(200).extract();
            List<String> items = page.path("items.id");
            if (items.isEmpty()) {
                return ids;
            }
            ids.addAll(items);
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
