package kz.qorgau.referral;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
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

/** Hand-over inside the receiving agency: one referral, or all of one person's work when she leaves. */
@QuarkusTest
class ReferralAssignmentTest {

    @Inject
    OutboxRelay relay;

    private Network almaty;
    private String inspector;
    private String aliya;
    private String admin;
    private UUID caseId;

    @BeforeEach
    void parties() {
        almaty = Network.of("almaty");
        inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        aliya = almaty.person("aliya", Role.NGO_CASEWORKER, almaty.crisisCentre);
        admin = almaty.person("zarina", Role.AGENCY_ADMIN, almaty.crisisCentre);
        caseId = Flows.caseFile(inspector);
        Flows.recordConsent(inspector, caseId, almaty.crisisCentre).then().statusCode(201);
    }

    private UUID accepted(String assignee) {
        UUID referral = Flows.referral(inspector, caseId, almaty.crisisCentre);
        Flows.fire(aliya, referral, "ACCEPT", Map.of("assignee", assignee))
                .then()
                .statusCode(200);
        return referral;
    }

    private Response reassign(String token, UUID referral, Object body) {
        String etag = Flows.etag(aliya, referral);
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .header("If-Match", etag)
                .body(body)
                .post("/api/v1/referrals/" + referral + "/assignment");
    }

    @Test
    void aCaseworkerHandsAReferralToAColleagueAndTheHistoryAuditAndFeedKeepIt() {
        UUID referral = accepted("aliya");
        String before = Flows.etag(aliya, referral);
        reassign(aliya, referral, Map.of("assignee", "bolat", "reason", "On leave from Monday"))
                .then()
                .statusCode(200)
                .body("assignee", equalTo("bolat"));
        assertTrue(!before.equals(Flows.etag(aliya, referral)), "the version moved on");
        List<Map<String, Object>> history = given().auth()
                .oauth2(aliya)
                .get("/api/v1/referrals/" + referral + "/history")
                .then()
                .statusCode(200)
                .extract()
                .path("findAll { it.assignee != null }");
        assertEquals(2, history.size(), "ACCEPT to aliya, then REASSIGN to bolat: " + history);
        assertEquals("ACCEPT", history.get(0).get("action"));
        assertEquals("aliya", history.get(0).get("assignee"));
        assertEquals("REASSIGN", history.get(1).get("action"));
        assertEquals("bolat", history.get(1).get("assignee"));
        assertEquals("On leave from Monday", history.get(1).get("note"));

        // Given to the one who holds it: nothing changes.
        reassign(aliya, referral, Map.of("assignee", "bolat", "reason", "Again"))
                .then()
                .statusCode(200);
        List<String> steps = given().auth()
                .oauth2(aliya)
                .get("/api/v1/referrals/" + referral + "/history")
                .then()
                .extract()
                .path("action");
        assertEquals(1, steps.stream().filter("REASSIGN"::equals).count());

        List<String> audited = given().auth()
                .oauth2(almaty.tenantWide(Role.AUDITOR))
                .queryParam("recordId", referral)
                .queryParam("action", "ASSIGN")
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .extract()
                .path("items.detail");
        assertEquals(List.of("from aliya to bolat"), audited);
        List<String> accepted = given().auth()
                .oauth2(almaty.tenantWide(Role.AUDITOR))
                .queryParam("recordId", referral)
                .queryParam("action", "TRANSITION")
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .extract()
                .path("items.detail");
        assertTrue(
                accepted.contains("ACCEPT, assigned to aliya"),
                "the first assignment is in the trail too: " + accepted);

        relay.relay();
        assertTrue(eventTypes(aliya, referral).contains("referral.reassigned"), "the receiving agency hears of it");
        assertFalse(eventTypes(inspector, referral).contains("referral.reassigned"), "the sender does not");
    }

    private static List<String> eventTypes(String token, UUID referral) {
        List<Map<String, Object>> items = given().auth()
                .oauth2(token)
                .queryParam("limit", 500)
                .get("/api/v1/events")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        return items.stream()
                .filter(e -> referral.toString().equals(e.get("aggregateId")))
                .map(e -> (String) e.get("type"))
                .toList();
    }

    @Test
    void onlyTheReceivingAgencyReassignsAndOnlyWhileItHoldsTheReferral() {
        UUID referral = accepted("aliya");
        Map<String, String> body = Map.of("assignee", "bolat", "reason", "Shift change");
        Network astana = Network.of("astana");
        Map<String, Integer> expected = new java.util.LinkedHashMap<>();
        expected.put(inspector, 403); // the sender sees the referral but holds none of its people
        expected.put(almaty.token(Role.NGO_CASEWORKER, almaty.socialProtection), 404);
        expected.put(astana.token(Role.NGO_CASEWORKER, astana.crisisCentre), 404);
        expected.put(
                TestTokens.tenant("astana")
                        .agency(almaty.crisisCentre)
                        .roles(Role.NGO_CASEWORKER)
                        .sign(),
                404);
        expected.put(almaty.coordinator(), 403);
        expected.put(almaty.tenantWide(Role.AUDITOR), 403);
        expected.put(almaty.token(Role.POLICE_DISPATCH, almaty.police), 403);
        expected.forEach((token, status) ->
                reassign(token, referral, body).then().statusCode(status).contentType("application/problem+json"));
        reassign(admin, referral, body).then().statusCode(200);

        // Bad input, a stale or missing version, and a referral nobody holds yet.
        // The longest username there may be, given and taken back: its audit entry is cut, never refused.
        String longest = "z".repeat(255);
        reassign(aliya, referral, Map.of("assignee", longest, "reason", "x"))
                .then()
                .statusCode(200);
        reassign(aliya, referral, Map.of("assignee", "bolat", "reason", "x"))
                .then()
                .statusCode(200);
        for (Object bad : List.of(
                Map.of("assignee", "a b", "reason", "x"),
                // "me" is what the lists read as the caller: work given to it would be nobody's.
                Map.of("assignee", "me", "reason", "x"),
                Map.of("assignee", "ME", "reason", "x"),
                Map.of("assignee", "z".repeat(256), "reason", "x"),
                Map.of("assignee", "bolat"),
                Map.of("assignee", "bolat", "reason", "\u200b "),
                Map.of("reason", "x"))) {
            reassign(aliya, referral, bad).then().statusCode(400).contentType("application/problem+json");
        }
        given().auth()
                .oauth2(aliya)
                .contentType("application/json")
                .header("If-Match", "\"1\"")
                .body(body)
                .post("/api/v1/referrals/" + referral + "/assignment")
                .then()
                .statusCode(412);
        given().auth()
                .oauth2(aliya)
                .contentType("application/json")
                .body(body)
                .post("/api/v1/referrals/" + referral + "/assignment")
                .then()
                .statusCode(428);
        UUID submitted = Flows.referral(inspector, caseId, almaty.crisisCentre);
        reassign(aliya, submitted, body)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:qorgau:problem:not-assignable"));
    }

    @Test
    void anAdminMovesAllOfALeaversWorkAtOnceAndNothingElse() {
        UUID waiting = accepted("aliya");
        UUID underWay = accepted("aliya");
        Flows.fire(aliya, underWay, "START").then().statusCode(200);
        UUID paused = accepted("aliya");
        Flows.fire(aliya, paused, "START").then().statusCode(200);
        Flows.fire(aliya, paused, "PAUSE", Map.of("note", "In hospital")).then().statusCode(200);
        UUID finished = accepted("aliya");
        Flows.fire(aliya, finished, "START").then().statusCode(200);
        Flows.fire(
                        aliya,
                        finished,
                        "COMPLETE",
                        Map.of("outcome", "GOALS_MET", "servicesDelivered", List.of("PSYCHOLOGICAL_COUNSELLING")))
                .then()
                .statusCode(200);
        UUID colleagues = accepted("bolat");
        String path = "/api/v1/agencies/" + almaty.crisisCentre + "/work-handovers";
        Map<String, String> body = Map.of("from", "aliya", "to", "dana", "reason", "Aliya left the centre");

        List<String> moved = given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .body(body)
                .post(path)
                .then()
                .statusCode(200)
                .body("moved", equalTo(3))
                .extract()
                .path("referralIds");
        assertEquals(
                new java.util.TreeSet<>(List.of(waiting.toString(), underWay.toString(), paused.toString())),
                new java.util.TreeSet<>(moved));
        for (UUID referral : List.of(waiting, underWay, paused)) {
            assertEquals("dana", Flows.readAssignee(aliya, referral));
        }
        assertEquals("aliya", Flows.readAssignee(aliya, finished), "an ended referral keeps who held it");
        assertEquals("bolat", Flows.readAssignee(aliya, colleagues));
        // Each person's caseload: what is given to her, ended or not.
        assertEquals(
                new java.util.TreeSet<>(List.of(waiting.toString(), underWay.toString(), paused.toString())),
                new java.util.TreeSet<>(caseload(aliya, "dana")));
        assertEquals(List.of(finished.toString()), caseload(aliya, "aliya"));
        given().auth()
                .oauth2(aliya)
                .queryParam("assignee", "me")
                .queryParam("direction", "OUTGOING")
                .get("/api/v1/referrals")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        // Dana's queue now holds what waits: the accepted one to start, the paused one to look at again.
        List<String> danas = given().auth()
                .oauth2(almaty.person("dana", Role.NGO_CASEWORKER, almaty.crisisCentre))
                .queryParam("assignee", "me")
                .get("/api/v1/needs-action")
                .then()
                .statusCode(200)
                .extract()
                .path("items.referralId");
        assertEquals(
                new java.util.TreeSet<>(List.of(waiting.toString(), paused.toString())),
                new java.util.TreeSet<>(danas));

        // Only the agency's own admin; another agency's or network's answers 404; bad input 400.
        Network astana = Network.of("astana");
        Map<String, Integer> expected = new java.util.LinkedHashMap<>();
        expected.put(aliya, 403);
        expected.put(almaty.coordinator(), 403);
        expected.put(almaty.token(Role.AGENCY_ADMIN, almaty.socialProtection), 404);
        expected.put(astana.token(Role.AGENCY_ADMIN, astana.crisisCentre), 404);
        // A token whose agency claim names an agency its own network does not have.
        expected.put(
                TestTokens.tenant("astana")
                        .agency(almaty.crisisCentre)
                        .roles(Role.AGENCY_ADMIN)
                        .sign(),
                403);
        expected.forEach((token, status) -> given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(body)
                .post(path)
                .then()
                .statusCode(status)
                .contentType("application/problem+json"));
        for (Object bad : List.of(
                Map.of("from", "dana", "to", "dana", "reason", "x"),
                Map.of("from", "dana", "to", "a b", "reason", "x"),
                Map.of("from", "dana", "to", "erlan"))) {
            given().auth()
                    .oauth2(admin)
                    .contentType("application/json")
                    .body(bad)
                    .post(path)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
    }

    private static List<String> caseload(String token, String assignee) {
        return given().auth()
                .oauth2(token)
                .queryParam("assignee", assignee)
                .queryParam("limit", 100)
                .get("/api/v1/referrals")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
    }
}
