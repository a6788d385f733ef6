package kz.qorgau.referral;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.security.Role;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import kz.qorgau.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The queue of what waits on an agency and on one person of it, and the deadlines that go on after ACCEPT. */
@QuarkusTest
class NeedsActionTest {

    @Inject
    DeadlineJob deadlines;

    private Network almaty;
    private String inspector;
    private String aliya;

    @BeforeEach
    void parties() {
        almaty = Network.of("almaty");
        inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        aliya = almaty.person("aliya", Role.NGO_CASEWORKER, almaty.crisisCentre);
    }

    private UUID referral(String riskLevel) {
        UUID caseId = Flows.caseFileAtRisk(inspector, riskLevel);
        Flows.recordConsent(inspector, caseId, almaty.crisisCentre).then().statusCode(201);
        return Flows.referral(inspector, caseId, almaty.crisisCentre);
    }

    private JsonPath queue(String token, String assignee) {
        return page(token, assignee, null, null);
    }

    @Test
    void theMorningQueueShowsWhatWaitsMostUrgentFirstWithItsDueTime() {
        UUID routine = referral("ROUTINE");
        UUID emergency = referral("EMERGENCY");
        UUID high = referral("HIGH");
        Instant sent = Instant.now();

        JsonPath queue = queue(aliya, null);
        assertEquals(
                List.of(emergency.toString(), high.toString(), routine.toString()),
                queue.getList("items.referralId"),
                "EMERGENCY (due in 1h), HIGH (4h), ROUTINE (72h)");
        assertEquals(List.of("ACKNOWLEDGE", "ACKNOWLEDGE", "ACKNOWLEDGE"), queue.getList("items.waitingFor"));
        Instant due = Instant.parse(queue.getString("items[0].dueAt"));
        assertTrue(
                Math.abs(Duration.between(sent.plus(Duration.ofHours(1)), due).toSeconds()) < 30,
                "EMERGENCY acknowledged within the hour: " + due);
        assertEquals(false, queue.getBoolean("items[0].overdue"));

        // Acknowledged, it waits for an answer (4h for EMERGENCY, from sending); accepted, to be started.
        Flows.fire(aliya, emergency, "ACKNOWLEDGE").then().statusCode(200);
        Flows.fire(aliya, high, "ACCEPT", Map.of("assignee", "aliya")).then().statusCode(200);
        queue = queue(aliya, null);
        assertEquals("RESPOND", waitingFor(queue, emergency));
        assertEquals("START", waitingFor(queue, high));

        // Her own queue is what was accepted and given to her.
        JsonPath mine = queue(aliya, "me");
        assertEquals(List.of(high.toString()), mine.getList("items.referralId"));
        assertEquals("aliya", mine.getString("items[0].assignee"));
        assertEquals(List.of(), queue(aliya, "bolat").getList("items"));

        // Paging: one at a time, in the same order, nothing twice.
        String first = given().auth()
                .oauth2(aliya)
                .queryParam("limit", 1)
                .get("/api/v1/needs-action")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1))
                .extract()
                .path("nextCursor");
        given().auth()
                .oauth2(aliya)
                .queryParam("limit", 2)
                .queryParam("cursor", first)
                .get("/api/v1/needs-action")
                .then()
                .statusCode(200)
                .body(
                        "items.referralId",
                        equalTo(queue.getList("items.referralId").subList(1, 3)));
    }

    @Test
    void pagesFollowOneAnotherInDueOrderAcrossEveryStateAndPriority() {
        // The queue reads one branch per state and priority; its pages must join up as one list in due order.
        // Every state at every priority, and one branch (sent, ROUTINE) holding more than a page of five.
        Map<String, String> dueField = new java.util.HashMap<>();
        for (String risk : List.of("ROUTINE", "EMERGENCY", "HIGH")) {
            for (int i = 0; i < (risk.equals("ROUTINE") ? 7 : 1); i++) {
                dueField.put(referral(risk).toString(), "acknowledgeDueAt");
            }
            UUID acknowledged = referral(risk);
            Flows.fire(aliya, acknowledged, "ACKNOWLEDGE").then().statusCode(200);
            dueField.put(acknowledged.toString(), "respondDueAt");
            UUID accepted = referral(risk);
            Flows.fire(aliya, accepted, "ACCEPT", Map.of("assignee", "aliya"))
                    .then()
                    .statusCode(200);
            dueField.put(accepted.toString(), "startDueAt");
            UUID paused = referral(risk);
            Flows.fire(aliya, paused, "ACCEPT", Map.of("assignee", "aliya"))
                    .then()
                    .statusCode(200);
            Flows.fire(aliya, paused, "START").then().statusCode(200);
            Flows.fire(aliya, paused, "PAUSE", Map.of("note", "She is in hospital for a week"))
                    .then()
                    .statusCode(200);
            dueField.put(paused.toString(), "reviewDueAt");
        }
        for (String assignee : java.util.Arrays.asList(null, "me")) {
            // The oracle: each referral's own due time as GET /referrals/{id} states it, sorted here.
            List<String> expected = dueField.entrySet().stream()
                    .filter(e -> assignee == null
                            || Set.of("startDueAt", "reviewDueAt").contains(e.getValue()))
                    .map(e -> Map.entry(
                            Instant.parse(
                                    read(UUID.fromString(e.getKey())).extract().path(e.getValue())),
                            e.getKey()))
                    .sorted(Map.Entry.<Instant, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()))
                    .map(Map.Entry::getValue)
                    .toList();
            assertEquals(assignee == null ? 18 : 6, expected.size());
            List<Map<String, Object>> whole = page(aliya, assignee, 50, null).getList("items");
            assertEquals(expected, whole.stream().map(i -> i.get("referralId")).toList(), "for " + assignee);
            for (Map<String, Object> item : whole) {
                String id = (String) item.get("referralId");
                assertEquals(
                        Instant.parse(read(UUID.fromString(id)).extract().path(dueField.get(id))),
                        Instant.parse((String) item.get("dueAt")),
                        "the queue's due time is the referral's own");
            }
            for (int size : List.of(1, 2, 5)) {
                List<Object> paged = new java.util.ArrayList<>();
                String cursor = null;
                do {
                    JsonPath page = page(aliya, assignee, size, cursor);
                    paged.addAll(page.getList("items.referralId"));
                    cursor = page.getString("nextCursor");
                } while (cursor != null);
                assertEquals(expected, paged, "pages of " + size + " for " + assignee);
            }
        }
    }

    private JsonPath page(String token, String assignee, Integer limit, String cursor) {
        var request = given().auth().oauth2(token);
        if (limit != null) {
            request.queryParam("limit", limit);
        }
        if (assignee != null) {
            request.queryParam("assignee", assignee);
        }
        if (cursor != null) {
            request.queryParam("cursor", cursor);
        }
        return request.get("/api/v1/needs-action")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static String waitingFor(JsonPath queue, UUID referral) {
        List<Map<String, Object>> items = queue.getList("items");
        return items.stream()
                .filter(i -> i.get("referralId").equals(referral.toString()))
                .map(i -> (String) i.get("waitingFor"))
                .findFirst()
                .orElse(null);
    }

    @Test
    void anAcceptedReferralNotStartedAndAPausedOneNotLookedAtAreEscalatedOnceEach() {
        Instant start = Instant.now().minusSeconds(1);
        UUID referral = referral("HIGH");
        Flows.fire(aliya, referral, "ACCEPT", Map.of("assignee", "aliya"))
                .then()
                .statusCode(200);
        Instant accepted = Instant.now();

        // HIGH: start within 24 hours of ACCEPT.
        deadlines.escalateOverdue(accepted.plus(Duration.ofHours(23)));
        read(referral).body("startOverdueAt", nullValue(), "startDueAt", notNullValue());
        deadlines.escalateOverdue(accepted.plus(Duration.ofHours(24)).plusSeconds(60));
        read(referral).body("startOverdueAt", notNullValue());
        JsonPath queue = queue(aliya, "me");
        assertEquals("START", queue.getString("items[0].waitingFor"));
        assertTrue(queue.getString("items[0].escalatedAt") != null, "the queue says it was escalated");
        deadlines.escalateOverdue(accepted.plus(Duration.ofHours(30)));
        assertEquals(1, escalations(referral, "START_OVERDUE"), "escalated once");

        // Started, then paused: HIGH looks at it again within 3 days of each pause.
        Flows.fire(aliya, referral, "START").then().statusCode(200);
        Flows.fire(aliya, referral, "PAUSE", Map.of("note", "She is in hospital for a week"))
                .then()
                .statusCode(200);
        Instant paused = Instant.now();
        read(referral).body("pausedAt", notNullValue(), "reviewDueAt", notNullValue(), "reviewOverdueAt", nullValue());
        assertEquals("REVIEW", queue(aliya, "me").getString("items[0].waitingFor"));
        deadlines.escalateOverdue(paused.plus(Duration.ofDays(3)).plusSeconds(60));
        read(referral).body("reviewOverdueAt", notNullValue());
        // A new pause is a new deadline.
        Flows.fire(aliya, referral, "RESUME").then().statusCode(200);
        assertEquals(List.of(), queue(aliya, "me").getList("items"), "under way, nothing waits");
        Flows.fire(aliya, referral, "PAUSE", Map.of("note", "She is in hospital for a week"))
                .then()
                .statusCode(200);
        read(referral).body("reviewOverdueAt", nullValue());
        deadlines.escalateOverdue(Instant.now().plus(Duration.ofDays(3)).plusSeconds(60));
        assertEquals(2, escalations(referral, "REVIEW_OVERDUE"), "once for each pause");

        // Every page: the job just escalated every waiting referral of the test database at the same moment.
        List<String> escalated = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth()
                    .oauth2(almaty.coordinator())
                    .queryParam("escalated", true)
                    .queryParam("updatedSince", start.toString())
                    .queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/v1/referrals").then().statusCode(200).extract();
            escalated.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertTrue(escalated.contains(referral.toString()), "coordinators list it among the escalated");
    }

    private io.restassured.response.ValidatableResponse read(UUID referral) {
        return given().auth()
                .oauth2(inspector)
                .get("/api/v1/referrals/" + referral)
                .then()
                .statusCode(200);
    }

    private long escalations(UUID referral, String reason) {
        List<String> codes = given().auth()
                .oauth2(inspector)
                .get("/api/v1/referrals/" + referral + "/history")
                .then()
                .statusCode(200)
                .extract()
                .path("findAll { it.action == 'ESCALATE' }.reasonCode");
        return codes.stream().filter(reason::equals).count();
    }

    @Test
    void aQueueIsTheCallersOwnAgencysAndNoOneElses() {
        UUID referral = referral("HIGH");
        Network astana = Network.of("astana");
        // The receiver's staff and admin see it; the sender, another agency and another network do not.
        for (String token : List.of(
                almaty.token(Role.AGENCY_ADMIN, almaty.crisisCentre),
                almaty.token(Role.NGO_CASEWORKER, almaty.crisisCentre))) {
            assertEquals(List.of(referral.toString()), queue(token, null).getList("items.referralId"));
        }
        for (String token : List.of(
                inspector,
                almaty.token(Role.SOCIAL_WORKER, almaty.socialProtection),
                astana.token(Role.NGO_CASEWORKER, astana.crisisCentre),
                // A token of astana naming almaty's crisis centre reads nothing of almaty.
                TestTokens.tenant("astana")
                        .agency(almaty.crisisCentre)
                        .roles(Role.NGO_CASEWORKER)
                        .sign())) {
            assertEquals(List.of(), queue(token, null).getList("items"));
        }
        // Roles without the function, and network-wide roles that act for no agency.
        for (String token : List.of(
                almaty.token(Role.POLICE_DISPATCH, almaty.police),
                almaty.coordinator(),
                almaty.tenantWide(Role.AUDITOR))) {
            given().auth()
                    .oauth2(token)
                    .get("/api/v1/needs-action")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        given().get("/api/v1/needs-action").then().statusCode(401);
        // Bad input is a problem detail.
        for (var bad : List.of(
                Map.of("assignee", "a b"),
                Map.of("cursor", "not-a-cursor"),
                Map.of("limit", "0"),
                Map.of("limit", "201"))) {
            given().auth()
                    .oauth2(aliya)
                    .queryParams(bad)
                    .get("/api/v1/needs-action")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
    }
}
