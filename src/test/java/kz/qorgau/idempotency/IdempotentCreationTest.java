package kz.qorgau.idempotency;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import kz.qorgau.security.Role;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import org.junit.jupiter.api.Test;

/**
 * A client that sends its request again after a timeout gets the first answer back: one survivor, one
 * hand-off, however many times and however close together the request arrives; another request under a
 * used key is refused.
 */
@QuarkusTest
class IdempotentCreationTest {

    private static Response post(String token, String path, String key, String body) {
        return given().auth()
                .oauth2(token)
                .header("Idempotency-Key", key)
                .contentType("application/json")
                .body(body)
                .post(path);
    }

    /** Sends the same request eight times at once; the statuses and the ids they name. */
    private static List<Response> atOnce(String token, String path, String key, String body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Response>> sent = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sent.add(CompletableFuture.supplyAsync(() -> post(token, path, key, body), pool));
            }
            List<Response> answers = new ArrayList<>();
            for (CompletableFuture<Response> answer : sent) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aCaseIsOpenedOncePerKey() throws Exception {
        Network almaty = Network.of("almaty");
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        String key = "open-" + UUID.randomUUID();
        List<Response> answers = atOnce(inspector, "/api/v1/cases", key, Flows.openCaseBody());
        assertEquals(
                Map.of(201, 1L, 200, 7L),
                answers.stream().collect(Collectors.groupingBy(Response::statusCode, Collectors.counting())));
        assertEquals(
                1, answers.stream().map(a -> a.<String>path("id")).distinct().count());
        post(inspector, "/api/v1/cases", key, Flows.openCaseBody().replace("Aigerim", "Aliya"))
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        // The key is the agency's own: another agency's request under it is a request of its own.
        String social = almaty.token(Role.SOCIAL_WORKER, almaty.socialProtection);
        post(social, "/api/v1/cases", key, Flows.openCaseBody()).then().statusCode(201);
    }

    @Test
    void aReferralIsMadeOncePerKey() throws Exception {
        Network almaty = Network.of("almaty");
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        UUID caseId = Flows.caseFile(inspector);
        Flows.recordConsent(inspector, caseId, almaty.socialProtection).then().statusCode(201);
        String body = """
                {"caseId": "%s", "receiverAgencyId": "%s", "servicesRequested": ["PSYCHOLOGICAL_COUNSELLING"],
                 "note": "Needs counselling", "submit": true}""".formatted(caseId, almaty.socialProtection);
        String key = "refer-" + UUID.randomUUID();
        List<Response> answers = atOnce(inspector, "/api/v1/referrals", key, body);
        assertEquals(
                Map.of(201, 1L, 200, 7L),
                answers.stream().collect(Collectors.groupingBy(Response::statusCode, Collectors.counting())));
        assertEquals(
                1, answers.stream().map(a -> a.<String>path("id")).distinct().count());
        post(inspector, "/api/v1/referrals", key, body.replace("Needs counselling", "Needs a lawyer"))
                .then()
                .statusCode(422)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("Idempotency-Key"));
    }
}
