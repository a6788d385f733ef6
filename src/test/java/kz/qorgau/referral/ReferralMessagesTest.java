package kz.qorgau.referral;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.notification.OutboxRelay;
import kz.qorgau.security.Role;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import kz.qorgau.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The two sides of a referral write to each other on it, and no one else reads what they write. */
@QuarkusTest
class ReferralMessagesTest {

    private static final String QUESTION = "Does she need a place for her son too?";
    private static final String ANSWER = "Yes, for both of them";

    @Inject
    OutboxRelay relay;

    private Network almaty;
    private String inspector;
    private String aliya;
    private UUID caseId;
    private UUID referral;

    @BeforeEach
    void parties() {
        almaty = Network.of("almaty");
        inspector = almaty.person("marat", Role.POLICE_INSPECTOR, almaty.police);
        aliya = almaty.person("aliya", Role.NGO_CASEWORKER, almaty.crisisCentre);
        caseId = Flows.caseFile(inspector);
        Flows.recordConsent(inspector, caseId, almaty.crisisCentre).then().statusCode(201);
        referral = Flows.referral(inspector, caseId, almaty.crisisCentre);
    }

    private Response write(String token, UUID on, Object body) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(body)
                .post("/api/v1/referrals/" + on + "/messages");
    }

    private Response thread(String token) {
        return given().auth().oauth2(token).get("/api/v1/referrals/" + referral + "/messages");
    }

    @Test
    void theReceiverAsksBeforeItDecidesTheSenderAnswersAndTheFeedCarriesNoText() {
        write(aliya, referral, Map.of("text", QUESTION))
                .then()
                .statusCode(201)
                .body("side", equalTo("RECEIVER"), "author", equalTo("aliya"), "text", equalTo(QUESTION));
        write(inspector, referral, Map.of("text", ANSWER))
                .then()
                .statusCode(201)
                .body("side", equalTo("SENDER"), "author", equalTo("marat"));
        for (String token : List.of(aliya, inspector)) {
            thread(token).then().statusCode(200).body("items.text", equalTo(List.of(QUESTION, ANSWER)));
        }
        relay.relay();
        for (String token : List.of(aliya, inspector)) {
            List<Map<String, Object>> events = given().auth()
                    .oauth2(token)
                    .queryParam("limit", 500)
                    .get("/api/v1/events")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("items.findAll { it.type == 'referral.message' }");
            assertEquals(2, events.size(), "both sides hear of both messages");
            assertFalse(events.toString().contains("son"), "without the text: " + events);
        }
        List<String> audited = given().auth()
                .oauth2(almaty.tenantWide(Role.AUDITOR))
                .queryParam("caseId", caseId)
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .extract()
                .path("items.findAll { it.recordType.startsWith('referral-message') }.action");
        assertTrue(audited.containsAll(List.of("CREATE", "READ")), "writing and reading are audited: " + audited);
    }

    @Test
    void onlyItsAuthorRetractsAMessageWhichKeepsItsPlaceWithoutItsText() {
        String id = write(aliya, referral, Map.of("text", QUESTION))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String retraction = "/api/v1/referrals/" + referral + "/messages/" + id + "/retraction";
        // A colleague of the same agency, and the other side, are not its author.
        for (String other : List.of(almaty.person("bolat", Role.NGO_CASEWORKER, almaty.crisisCentre), inspector)) {
            given().auth()
                    .oauth2(other)
                    .post(retraction)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        given().auth()
                .oauth2(aliya)
                .post(retraction)
                .then()
                .statusCode(200)
                .body("text", nullValue(), "retractedAt", notNullValue());
        given().auth().oauth2(aliya).post(retraction).then().statusCode(409);
        thread(inspector)
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1), "items[0].text", nullValue(), "items[0].retractedAt", notNullValue());
        given().auth()
                .oauth2(aliya)
                .post("/api/v1/referrals/" + referral + "/messages/" + UUID.randomUUID() + "/retraction")
                .then()
                .statusCode(404);
    }

    @Test
    void noOneButTheTwoSidesReadsOrWritesAndNotOnceTheReferralEnded() {
        write(inspector, referral, Map.of("text", ANSWER)).then().statusCode(201);
        Network astana = Network.of("astana");
        Map<String, Integer> expected = new java.util.LinkedHashMap<>();
        expected.put(almaty.coordinator(), 403);
        expected.put(almaty.tenantWide(Role.AUDITOR), 403);
        expected.put(almaty.token(Role.AGENCY_ADMIN, almaty.crisisCentre), 403);
        expected.put(almaty.token(Role.POLICE_DISPATCH, almaty.police), 403);
        expected.put(almaty.token(Role.SOCIAL_WORKER, almaty.socialProtection), 404);
        expected.put(astana.token(Role.NGO_CASEWORKER, astana.crisisCentre), 404);
        expected.put(
                TestTokens.tenant("astana")
                        .agency(almaty.crisisCentre)
                        .roles(Role.NGO_CASEWORKER)
                        .sign(),
                404);
        expected.forEach((token, status) -> {
            thread(token).then().statusCode(status).contentType("application/problem+json");
            write(token, referral, Map.of("text", "x")).then().statusCode(status);
        });
        for (Object bad : List.of(Map.of(), Map.of("text", " \u200b "), Map.of("text", "x".repeat(2001)))) {
            write(aliya, referral, bad).then().statusCode(400).contentType("application/problem+json");
        }
        // A draft has nobody on the other side; an ended referral's thread is closed.
        UUID draft = UUID.fromString(Flows.refer(inspector, caseId, almaty.crisisCentre, false)
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        write(inspector, draft, Map.of("text", ANSWER))
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:qorgau:problem:referral-not-sent"));
        write(aliya, draft, Map.of("text", QUESTION)).then().statusCode(404);
        Flows.fire(aliya, referral, "DECLINE", Map.of("reasonCode", "NO_CAPACITY"))
                .then()
                .statusCode(200);
        write(aliya, referral, Map.of("text", QUESTION))
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:qorgau:problem:referral-ended"));
        // Ended, the receiver keeps the thread's shape but no longer reads what the sender wrote; the sender does.
        thread(aliya)
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1), "items[0].side", equalTo("SENDER"), "items[0].text", nullValue());
        thread(inspector).then().statusCode(200).body("items.text", equalTo(List.of(ANSWER)));
        // Control and invisible format characters could make a message read as another.
        write(inspector, Flows.referral(inspector, caseId, almaty.crisisCentre), Map.of("text", "call ‮enoh"))
                .then()
                .statusCode(400);
    }
}
