package kz.qorgau.referral;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kz.qorgau.security.Role;
import kz.qorgau.support.OwnerDatabase;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReferralConcurrencyTest {


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
        assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 409 || s == 412), "losers get 409 or 412: " + statuses);

        List<String> actions = given().auth().oauth2(receiver).get("/api/v1/referrals/" + referral + "/history")
                .then().statusCode(200).extract().path("action");
        assertEquals(3, actions.size(), "CREATE, SUBMIT and the one winning action: " + actions);
        assertTrue(List.of("ACCEPT", "DECLINE").contains(actions.get(2)));
        String state = given().auth().oauth2(receiver).get("/api/v1/referrals/" + referral).path("state");
        assertEquals(actions.get(2).equals("ACCEPT") ? "ACCEPTED" : "DECLINED", state);
        assertEquals(3, outboxEventsOf(referral), "one outbox event per history entry");
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
