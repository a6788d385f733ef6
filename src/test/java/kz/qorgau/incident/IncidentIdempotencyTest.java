package kz.qorgau.incident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kz.qorgau.security.Role;
import kz.qorgau.support.Contract;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IncidentIdempotencyTest {

    // Every call must be one the published OpenAPI document allows.
    @BeforeEach
    void holdToTheContract() {
        Contract.install();
    }

    @AfterEach
    void release() {
        Contract.uninstall();
    }

    private static Response post(String token, String key, String body) {
        var request =
                given().auth().oauth2(token).contentType("application/json").body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/incidents");
    }

    @Test
    void repeatWithTheSameIdempotencyKeyReturnsTheFirstIncident() {
        Network almaty = Network.of("almaty");
        String dispatch = almaty.token(Role.POLICE_DISPATCH, almaty.police);
        String key = "dispatch-" + UUID.randomUUID();
        String body = Flows.incidentBody(null);
        Response first = post(dispatch, key, body);
        first.then().statusCode(201).body("district", equalTo("Almaly"));
        post(dispatch, key, body)
                .then()
                .statusCode(200)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(first.path("id")));
    }

    @Test
    void sameKeyWithADifferentBodyIsUnprocessable() {
        Network almaty = Network.of("almaty");
        String dispatch = almaty.token(Role.POLICE_DISPATCH, almaty.police);
        String key = "dispatch-" + UUID.randomUUID();
        post(dispatch, key, Flows.incidentBody(null)).then().statusCode(201);
        post(dispatch, key, Flows.incidentBody(null).replace("Almaly", "Medeu"))
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
    }

    @Test
    void repeatWithTheSameExternalReferenceReturnsTheFirstIncident() {
        Network almaty = Network.of("almaty");
        String dispatch = almaty.token(Role.POLICE_DISPATCH, almaty.police);
        String body = Flows.incidentBody("CAD-" + UUID.randomUUID());
        String id = post(dispatch, null, body).then().statusCode(201).extract().path("id");
        post(dispatch, "another-key-" + UUID.randomUUID(), body)
                .then()
                .statusCode(200)
                .body("id", equalTo(id));
    }

    @Test
    void keysAreScopedToTheReportingAgency() {
        Network almaty = Network.of("almaty");
        UUID otherPrecinct = almaty.register(almaty.uniqueName("Second precinct"), "POLICE", "[]");
        String key = "shared-" + UUID.randomUUID();
        String body = Flows.incidentBody(null);
        String first = post(almaty.token(Role.POLICE_DISPATCH, almaty.police), key, body)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String second = post(almaty.token(Role.POLICE_DISPATCH, otherPrecinct), key, body)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertEquals(false, first.equals(second));
    }

    @Test
    void concurrentRetriesOfOnePostCreateOneIncident() throws Exception {
        Network almaty = Network.of("almaty");
        String dispatch = almaty.token(Role.POLICE_DISPATCH, almaty.police);
        String key = "retry-" + UUID.randomUUID();
        String body = Flows.incidentBody("CAD-" + UUID.randomUUID());
        int retries = 30;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(retries);
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < retries; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return post(dispatch, key, body);
            }));
        }
        start.countDown();
        Set<String> ids = new HashSet<>();
        int created = 0;
        for (Future<Response> answer : answers) {
            Response response = answer.get();
            assertEquals(true, response.statusCode() == 201 || response.statusCode() == 200, response.asString());
            created += response.statusCode() == 201 ? 1 : 0;
            ids.add(response.path("id"));
        }
        pool.shutdown();
        assertEquals(1, created);
        assertEquals(1, ids.size());
    }
}
