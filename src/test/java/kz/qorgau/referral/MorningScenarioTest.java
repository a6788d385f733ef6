package kz.qorgau.referral;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.security.Role;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import org.junit.jupiter.api.Test;

/**
 * A crisis centre's morning through its own application: the queue, a question to the police before deciding,
 * the answer, acceptance at the intake desk, the admin giving the work to the caseworker, and the queue until
 * she starts.
 */
@QuarkusTest
class MorningScenarioTest {

    @Test
    void theCrisisCentresMorning() {
        Network almaty = Network.of("almaty");
        String inspector = almaty.person("marat", Role.POLICE_INSPECTOR, almaty.police);
        String aliya = almaty.person("aliya", Role.NGO_CASEWORKER, almaty.crisisCentre);
        String zarina = almaty.person("zarina", Role.AGENCY_ADMIN, almaty.crisisCentre);

        // Her application learns who she is and which agency she works for, without a lookup of its own.
        given().auth()
                .oauth2(aliya)
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("username", equalTo("aliya"), "agency.id", equalTo(almaty.crisisCentre.toString()));

        // Overnight the police sent an EMERGENCY referral.
        UUID caseId = Flows.caseFileAtRisk(inspector, "EMERGENCY");
        Flows.recordConsent(inspector, caseId, almaty.crisisCentre).then().statusCode(201);
        UUID referral = Flows.referral(inspector, caseId, almaty.crisisCentre);
        Instant sent = Instant.now();

        JsonPath morning = given().auth()
                .oauth2(aliya)
                .get("/api/v1/needs-action")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(referral.toString(), morning.getString("items[0].referralId"));
        assertEquals("EMERGENCY", morning.getString("items[0].priority"));
        assertEquals("ACKNOWLEDGE", morning.getString("items[0].waitingFor"));
        Instant due = Instant.parse(morning.getString("items[0].dueAt"));
        assertTrue(
                Math.abs(Duration.between(sent.plus(Duration.ofHours(1)), due).toSeconds()) < 30, "due in 1h");

        // She asks before deciding; the inspector answers; she reads the answer.
        Flows.fire(aliya, referral, "ACKNOWLEDGE").then().statusCode(200);
        String messages = "/api/v1/referrals/" + referral + "/messages";
        given().auth()
                .oauth2(aliya)
                .contentType("application/json")
                .body(Map.of("text", "Is her son with her?"))
                .post(messages)
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(inspector)
                .contentType("application/json")
                .body(Map.of("text", "Yes, he is six"))
                .post(messages)
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(aliya)
                .get(messages)
                .then()
                .statusCode(200)
                .body("items.text", equalTo(List.of("Is her son with her?", "Yes, he is six")));

        // Accepted at the intake desk; the admin gives the work to Aliya.
        Flows.fire(aliya, referral, "ACCEPT", Map.of("assignee", "intake"))
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(zarina)
                .contentType("application/json")
                .header("If-Match", Flows.etag(aliya, referral))
                .body(Map.of("assignee", "aliya", "reason", "Aliya speaks Kazakh with her"))
                .post("/api/v1/referrals/" + referral + "/assignment")
                .then()
                .statusCode(200)
                .body("assignee", equalTo("aliya"));

        // Her own queue shows it to start until she starts it.
        var mine = given().auth().oauth2(aliya).queryParam("assignee", "me");
        mine.get("/api/v1/needs-action")
                .then()
                .statusCode(200)
                .body(
                        "items.referralId",
                        equalTo(List.of(referral.toString())),
                        "items[0].waitingFor",
                        equalTo("START"));
        Flows.fire(aliya, referral, "START").then().statusCode(200);
        given().auth()
                .oauth2(aliya)
                .queryParam("assignee", "me")
                .get("/api/v1/needs-action")
                .then()
                .statusCode(200)
                .body("items", equalTo(List.of()));

        // The inspector attaches the court decision; the centre, to which she consented to show what happened,
        // downloads it.
        byte[] decision = ("%PDF-1.4\n% Almaty district court: protective order against her husband\n%%EOF\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        String location = given().auth()
                .oauth2(inspector)
                .contentType("application/pdf")
                .queryParam("kind", "COURT_DECISION")
                .queryParam("category", "INCIDENT_DETAILS")
                .body(decision)
                .post("/api/v1/referrals/" + referral + "/documents")
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
        given().auth()
                .oauth2(aliya)
                .get("/api/v1/referrals/" + referral + "/documents")
                .then()
                .statusCode(200)
                .body("items.kind", equalTo(List.of("COURT_DECISION")));
        byte[] downloaded = given().auth()
                .oauth2(aliya)
                .get(java.net.URI.create(location).getPath())
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .extract()
                .asByteArray();
        org.junit.jupiter.api.Assertions.assertArrayEquals(decision, downloaded);
    }
}
