package kz.qorgau.referral;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import kz.qorgau.security.Role;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import kz.qorgau.support.OwnerDatabase;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReferralConcurrencyTest {

    /**
     * A referral's row held by another session makes a transition wait on it. It waits the lock timeout (5 s) and no
     * longer, is answered 503 with Retry-After and nothing changed, and is made when sent again once the row is free.
     */
    @Test
    void aTransitionWaitingOnARowHeldElsewhereIsAnsweredAfterTheLockTimeoutWithNothingChanged() throws Exception {
        Network almaty = Network.of("almaty");
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        UUID caseId = Flows.caseFile(inspector);
        Flows.recordConsent(inspector, caseId, almaty.crisisCentre).then().statusCode(201);
        UUID referral = Flows.referral(inspector, caseId, almaty.crisisCentre);
        String receiver = almaty.token(Role.NGO_CASEWORKER, almaty.crisisCentre);
        String etag = Flows.etag(receiver, referral);
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try (Connection holder = OwnerDatabase.connect()) {
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.execute("select id from referral where id = '" + referral + "' for update");
            }
            long sent = System.nanoTime();
            Future<io.restassured.response.Response> waiting =
                    caller.submit(() -> Flows.fireAt(receiver, referral, etag, "ACCEPT", Map.of()));
            // Without a lock timeout the call would wait for the holder, which lets go only after this.
            io.restassured.response.Response answer = waiting.get(20, TimeUnit.SECONDS);
            long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
            answer.then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "5")
                    .body("detail", containsString("held by another operation just now; nothing was changed"));
            assertTrue(waitedMillis >= 4_500, "answered before the lock timeout: " + waitedMillis + " ms");
            holder.rollback();
        } finally {
            caller.shutdownNow();
        }
        Flows.fireAt(receiver, referral, etag, "ACCEPT", Map.of())
                .then()
                .statusCode(200)
                .body("state", equalTo("ACCEPTED"));
        List<String> actions = given().auth()
                .oauth2(receiver)
                .get("/api/v1/referrals/" + referral + "/history")
                .then()
                .statusCode(200)
                .extract()
                .path("action");
        assertEquals(List.of("CREATE", "SUBMIT", "ACCEPT"), actions);
        assertEquals(3, outboxEventsOf(referral), "one outbox event per history entry");
    }

    @Test
    void twentyConflictingTransitionsAtOnceLeaveExactlyOneWinnerAndOneHistoryEntry() throws Exception {
        Network almaty = Network.of("almaty");
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        UUID caseId = Flows.caseFile(inspector);
        Flows.recordConsent(inspector, caseId, almaty.crisisCentre).then().statusCode(201);
        UUID referral = Flows.referral(inspector, caseId, almaty.crisisCentre);
        String receiver = almaty.token(Role.NGO_CASEWORKER, almaty.crisisCentre);
        String etag = Flows.etag(receiver, referral);

        // Half accept, half decline, all from the same read: only one may change the referral.
        int callers = 20;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            Map<String, Object> body = i % 2 == 0 ? Map.of() : Map.of("reasonCode", "NO_CAPACITY");
            String action = i % 2 == 0 ? "ACCEPT" : "DECLINE";
            Callable<Integer> call = () -> {
                start.await();
                return Flows.fireAt(receiver, referral, etag, action, body).statusCode();
            };
            answers.add(pool.submit(call));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();

        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), "exactly one winner: " + statuses);
        assertTrue(
                statuses.stream().allMatch(s -> s == 200 || s == 409 || s == 412),
                "losers get 409 or 412: " + statuses);

        List<String> actions = given().auth()
                .oauth2(receiver)
                .get("/api/v1/referrals/" + referral + "/history")
                .then()
                .statusCode(200)
                .extract()
                .path("action");
        assertEquals(3, actions.size(), "CREATE, SUBMIT and the one winning action: " + actions);
        assertTrue(List.of("ACCEPT", "DECLINE").contains(actions.get(2)));
        String state = given().auth()
                .oauth2(receiver)
                .get("/api/v1/referrals/" + referral)
                .path("state");
        assertEquals(actions.get(2).equals("ACCEPT") ? "ACCEPTED" : "DECLINED", state);
        assertEquals(3, outboxEventsOf(referral), "one outbox event per history entry");
    }

    @Test
    void nothingGoesOutUnderAConsentWithdrawnAtTheSameMoment() throws Exception {
        Network almaty = Network.of("almaty");
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        UUID caseId = Flows.caseFile(inspector);
        UUID consent = UUID.fromString(Flows.recordConsent(inspector, caseId, almaty.crisisCentre)
                .then()
                .statusCode(201)
                .extract()
                .path("id"));

        int senders = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(senders + 1);
        List<Future<Integer>> sent = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
            sent.add(pool.submit(() -> {
                start.await();
                return Flows.refer(inspector, caseId, almaty.crisisCentre, true).statusCode();
            }));
        }
        Future<String> withdrawn = pool.submit(() -> {
            start.await();
            return given().auth()
                    .oauth2(inspector)
                    .post("/api/v1/cases/" + caseId + "/consents/" + consent + "/withdrawal")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("withdrawnAt");
        });
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : sent) {
            statuses.add(answer.get());
        }
        Instant withdrawnAt = Instant.parse(withdrawn.get());
        pool.shutdown();

        assertTrue(
                statuses.stream().allMatch(s -> s == 201 || s == 409),
                "sent or refused for want of consent: " + statuses);
        // Every referral that went out under the consent was submitted before the withdrawal, never after it.
        List<String> submittedAt = given().auth()
                .oauth2(inspector)
                .queryParam("direction", "OUTGOING")
                .queryParam("limit", 100)
                .get("/api/v1/referrals")
                .then()
                .statusCode(200)
                .extract()
                .path("items.findAll { it.caseId == '" + caseId + "' && it.consentId != null }.submittedAt");
        assertEquals(statuses.stream().filter(s -> s == 201).count(), submittedAt.size());
        assertTrue(
                submittedAt.stream().map(Instant::parse).allMatch(at -> !at.isAfter(withdrawnAt)),
                "a referral went out under the consent after it was withdrawn: " + submittedAt + " vs " + withdrawnAt);
    }

    @Test
    void receiversWithdrawingUnderOneConsentAtOnceAllSucceed() throws Exception {
        Network almaty = Network.of("almaty");
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        UUID third = almaty.register("Third centre", "NGO_CRISIS_CENTRE", "[\"PSYCHOLOGICAL_COUNSELLING\"]");
        UUID caseId = Flows.caseFile(inspector);
        Flows.recordConsent(inspector, caseId, almaty.crisisCentre, almaty.socialProtection, third)
                .then()
                .statusCode(201);
        Map<String, UUID> referrals = Map.of(
                almaty.token(Role.NGO_CASEWORKER, almaty.crisisCentre),
                        Flows.referral(inspector, caseId, almaty.crisisCentre),
                almaty.token(Role.SOCIAL_WORKER, almaty.socialProtection),
                        Flows.referral(inspector, caseId, almaty.socialProtection),
                almaty.token(Role.NGO_CASEWORKER, third), Flows.referral(inspector, caseId, third));
        Map<String, String> etags = new java.util.HashMap<>();
        referrals.forEach((token, referral) -> etags.put(token, Flows.etag(token, referral)));

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(referrals.size());
        List<Future<Integer>> answers = new ArrayList<>();
        referrals.forEach((token, referral) -> answers.add(pool.submit(() -> {
            start.await();
            return Flows.fireAt(token, referral, etags.get(token), "WITHDRAW", Map.of("note", "She asked us to stop"))
                    .statusCode();
        })));
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();
        assertEquals(List.of(200, 200, 200), statuses, "each withdrew from its own referral at its own version");
        List<String> from = given().auth()
                .oauth2(inspector)
                .get("/api/v1/cases/" + caseId)
                .then()
                .statusCode(200)
                .extract()
                .path("consents[0].withdrawnFrom");
        assertEquals(3, from.size(), from::toString);
    }

    private int outboxEventsOf(UUID referral) throws Exception {
        try (Connection c = OwnerDatabase.connect();
                PreparedStatement q = c.prepareStatement("select count(*) from outbox_event where aggregate_id = ?")) {
            q.setObject(1, referral);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
