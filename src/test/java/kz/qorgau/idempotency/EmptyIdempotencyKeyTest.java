package kz.qorgau.idempotency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import kz.qorgau.security.Role;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import org.junit.jupiter.api.Test;

/**
 * A retry under an empty Idempotency-Key must not create a second incident, case or referral: the empty key is
 * refused as bad input on each of the three, every time, and nothing is created. (No contract filter here: the
 * partner documents forbid the empty key, which is what is being sent.)
 */
@QuarkusTest
class EmptyIdempotencyKeyTest {

    @Test
    void anEmptyKeyIsRefusedAndCreatesNothing() {
        Network almaty = Network.of("almaty");
        String dispatch = almaty.token(Role.POLICE_DISPATCH, almaty.police);
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        String reference = "empty-key-" + UUID.randomUUID();
        for (int attempt = 0; attempt < 2; attempt++) {
            refusedAsEmpty(given().auth().oauth2(dispatch).body(Flows.incidentBody(reference)), "/api/v1/incidents");
        }
        given().auth()
                .oauth2(dispatch)
                .header("Accept-Language", "ru")
                .header("Idempotency-Key", "")
                .contentType("application/json")
                .body(Flows.incidentBody(reference))
                .post("/api/v1/incidents")
                .then()
                .statusCode(400)
                .body("errors[0].message", equalTo("не может быть пустым"));
        // The refused attempts made no incident: the reference is still free.
        Flows.reportIncident(dispatch, reference).then().statusCode(201);

        UUID incident = Flows.incident(dispatch);
        String survivor = "Aigerim " + surname();
        String caseBody = Flows.openCaseBody(incident).replace("Aigerim Sultanova", survivor);
        for (int attempt = 0; attempt < 2; attempt++) {
            refusedAsEmpty(given().auth().oauth2(inspector).body(caseBody), "/api/v1/cases");
        }
        given().auth()
                .oauth2(inspector)
                .queryParam("survivorName", survivor)
                .get("/api/v1/cases")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0));
        UUID caseId = Flows.caseFile(inspector, incident);
        Flows.recordConsent(inspector, caseId, almaty.crisisCentre).then().statusCode(201);
        String referral = """
                {"caseId": "%s", "receiverAgencyId": "%s", "servicesRequested": ["PSYCHOLOGICAL_COUNSELLING"],
                 "submit": true}""".formatted(caseId, almaty.crisisCentre);
        for (int attempt = 0; attempt < 2; attempt++) {
            refusedAsEmpty(given().auth().oauth2(inspector).body(referral), "/api/v1/referrals");
        }
        given().auth()
                .oauth2(inspector)
                .queryParam("direction", "outgoing")
                .get("/api/v1/referrals")
                .then()
                .statusCode(200)
                .body("items.findAll { it.caseId == '" + caseId + "' }.size()", equalTo(0));
    }

    /** A surname no other test gives, so that a search finds only what this test made. */
    private static String surname() {
        StringBuilder name = new StringBuilder("Q");
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < 9; i++) {
            name.append((char) ('a' + random.nextInt(26)));
        }
        return name.toString();
    }

    private static void refusedAsEmpty(RequestSpecification request, String path) {
        request.contentType("application/json")
                .header("Idempotency-Key", "")
                .post(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("Idempotency-Key"))
                .body("errors[0].message", equalTo("must not be empty"));
    }
}
