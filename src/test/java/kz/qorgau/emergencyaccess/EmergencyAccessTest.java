package kz.qorgau.emergencyaccess;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.security.Role;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import kz.qorgau.support.OwnerDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An ambulance brings her to a district hospital that is not on her case: its social worker opens the emergency
 * view with a reason, reads whom to call and whether her phone is safe (never her name, phone or address), the lead
 * agency and the coordinators hear of it at once, every read is in the audit trail, and a coordinator judges the use.
 */
@QuarkusTest
class EmergencyAccessTest {

    @Inject
    EmergencyAccessJob job;

    @Inject
    kz.qorgau.notification.OutboxRelay relay;

    Network almaty;
    UUID hospital;
    String hospitalWorker;
    String inspector;
    String fullName = "Saule Emergency-" + UUID.randomUUID().toString().substring(0, 8);
    String iin = Flows.iinFor(LocalDate.of(1990, 5, 17));
    UUID caseId;

    @BeforeEach
    void herCase() {
        almaty = Network.of("almaty");
        hospital = almaty.register("District hospital", "HEALTH", "[]");
        hospitalWorker = almaty.person("a.hospital", Role.SOCIAL_WORKER, hospital);
        inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        caseId = UUID.fromString(given().auth()
                .oauth2(inspector)
                .contentType("application/json")
                .body(Map.of(
                        "survivor",
                        Map.of(
                                "fullName", fullName,
                                "birthDate", "1990-05-17",
                                "iin", iin,
                                "phone", "+7 701 999 00 11",
                                "address", "Almaty, Tole bi st 44"),
                        "riskLevel",
                        "EMERGENCY"))
                .post("/api/v1/cases")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        Flows.recordContactRules(inspector, caseId).then().statusCode(200);
        Flows.recordOrder(inspector, caseId, Flows.orderBody("EA-" + UUID.randomUUID()))
                .then()
                .statusCode(201);
    }

    @Test
    void aHospitalOpensReadsAndACoordinatorReviews() {
        Response opened = open(
                hospitalWorker,
                Map.of(
                        "person", Map.of("fullName", fullName, "birthDate", "1990-05-17", "iin", iin),
                        "reason", "MEDICAL_EMERGENCY",
                        "note", "Brought in unconscious by ambulance crew 12"));
        opened.then()
                .statusCode(201)
                .header("Location", notNullValue())
                .body("caseId", equalTo(caseId.toString()), "active", equalTo(true), "openedBy", equalTo("a.hospital"));
        UUID accessId = UUID.fromString(opened.path("id"));
        Instant openedAt = Instant.parse(opened.path("openedAt"));
        assertEquals(Duration.ofHours(1), Duration.between(openedAt, Instant.parse(opened.path("expiresAt"))));
        assertEquals(Duration.ofHours(72), Duration.between(openedAt, Instant.parse(opened.path("reviewDueAt"))));

        // The lead agency and the coordinators hear of it at once.
        assertTrue(eventTypes(almaty.token(Role.POLICE_INSPECTOR, almaty.police), accessId)
                .contains("emergency-access.opened"));
        assertTrue(eventTypes(almaty.coordinator(), accessId).contains("emergency-access.opened"));

        for (int read = 0; read < 2; read++) {
            Response view = given().auth().oauth2(hospitalWorker).get("/api/v1/emergency-access/" + accessId + "/case");
            view.then()
                    .statusCode(200)
                    .body(
                            "riskLevel", equalTo("EMERGENCY"),
                            "leadAgency.agencyId", equalTo(almaty.police.toString()),
                            "ordersInForce.size()", equalTo(1),
                            "phoneSafe", equalTo(true),
                            "homeSafe", equalTo(true));
            String body = view.asString();
            for (String hers : List.of(fullName, "701 999", "Tole bi", iin)) {
                assertFalse(body.contains(hers), "the emergency view shows " + hers);
            }
        }
        given().auth()
                .oauth2(hospitalWorker)
                .get("/api/v1/emergency-access/" + accessId)
                .then()
                .statusCode(200)
                .body("reads", equalTo(2), "review", nullValue());
        // Every read is marked in the audit trail.
        List<String> details = given().auth()
                .oauth2(almaty.tenantWide(Role.AUDITOR))
                .queryParam("caseId", caseId)
                .queryParam("action", "EMERGENCY_ACCESS")
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .extract()
                .path("items.detail");
        assertEquals(3, details.size(), details.toString());
        assertEquals(
                2,
                details.stream()
                        .filter(d -> d.contains("read under access " + accessId))
                        .count());

        // The hospital's case worker still cannot read the case itself.
        given().auth()
                .oauth2(hospitalWorker)
                .get("/api/v1/cases/" + caseId)
                .then()
                .statusCode(404);

        // A coordinator reviews it, once.
        given().auth()
                .oauth2(almaty.coordinator())
                .queryParam("unreviewed", true)
                .queryParam("limit", 100)
                .get("/api/v1/emergency-access")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(accessId.toString()));
        review(accessId, false)
                .then()
                .statusCode(200)
                .body("review.justified", equalTo(false), "review.note", equalTo("No medical need was recorded"));
        review(accessId, true).then().statusCode(409).body("type", org.hamcrest.Matchers.endsWith("already-reviewed"));
        // A use judged unjustified ends there and then.
        given().auth()
                .oauth2(hospitalWorker)
                .get("/api/v1/emergency-access/" + accessId + "/case")
                .then()
                .statusCode(409)
                .body("type", org.hamcrest.Matchers.endsWith("emergency-access-ended"));
        JsonPath figures = given().auth()
                .oauth2(almaty.coordinator())
                .queryParam(
                        "from",
                        java.time.YearMonth.now(java.time.ZoneOffset.UTC).toString())
                .queryParam(
                        "to",
                        java.time.YearMonth.now(java.time.ZoneOffset.UTC)
                                .plusMonths(1)
                                .toString())
                .get("/api/v1/statistics/emergency-access")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Object> mine = figures.getMap("agencies.find { it.agencyId == '" + hospital + "' }");
        assertEquals(1, mine.get("uses"));
        assertEquals(1, mine.get("unjustified"));
        assertEquals(0, mine.get("unreviewed"));
        assertTrue(eventTypes(hospitalWorker, accessId).contains("emergency-access.reviewed"));
    }

    @Test
    void theViewEndsWithItsHourAndAnUnreviewedUseEscalates() throws Exception {
        UUID accessId = UUID.fromString(open(
                        hospitalWorker,
                        Map.of("caseId", caseId, "reason", "IMMINENT_DANGER", "note", "Neighbours heard screaming"))
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        open(hospitalWorker, Map.of("caseId", caseId, "reason", "IMMINENT_DANGER", "note", "Again"))
                .then()
                .statusCode(409)
                .body("type", org.hamcrest.Matchers.endsWith("emergency-access-active"));
        // The hour and the review deadline pass.
        backdate(
                accessId,
                "update emergency_access set opened_at = opened_at - interval '73 hours',"
                        + " expires_at = expires_at - interval '73 hours', review_due_at = review_due_at - interval '73 hours'"
                        + " where id = ?");
        given().auth()
                .oauth2(hospitalWorker)
                .get("/api/v1/emergency-access/" + accessId + "/case")
                .then()
                .statusCode(409)
                .body("type", org.hamcrest.Matchers.endsWith("emergency-access-ended"));
        assertTrue(job.escalateOverdue() >= 1);
        given().auth()
                .oauth2(almaty.coordinator())
                .get("/api/v1/emergency-access/" + accessId)
                .then()
                .statusCode(200)
                .body("active", equalTo(false), "escalatedAt", notNullValue());
        assertTrue(eventTypes(almaty.coordinator(), accessId).contains("emergency-access.review-overdue"));
        job.escalateOverdue();
        assertEquals(
                List.of("emergency-access.opened", "emergency-access.review-overdue"),
                eventTypes(almaty.coordinator(), accessId),
                "escalated once");
        // A new emergency may open a new window, once the last one ended.
        open(hospitalWorker, Map.of("caseId", caseId, "reason", "WELFARE_CHECK", "note", "Ordered by the duty officer"))
                .then()
                .statusCode(201);
    }

    @Test
    void refusals() throws Exception {
        // Her name with another birth date, or her IIN alone, finds nothing: 404 as for an unknown case.
        open(
                        hospitalWorker,
                        Map.of(
                                "person", Map.of("fullName", fullName, "birthDate", "1990-05-18"),
                                "reason", "MEDICAL_EMERGENCY",
                                "note", "n"))
                .then()
                .statusCode(404);
        open(hospitalWorker, Map.of("caseId", UUID.randomUUID(), "reason", "MEDICAL_EMERGENCY", "note", "n"))
                .then()
                .statusCode(404);
        // Another network's agency does not find her either.
        Network astana = Network.of("astana");
        open(
                        astana.token(Role.SOCIAL_WORKER, astana.socialProtection),
                        Map.of("caseId", caseId, "reason", "MEDICAL_EMERGENCY", "note", "n"))
                .then()
                .statusCode(404);
        // The lead agency reads her case as usual.
        open(inspector, Map.of("caseId", caseId, "reason", "MEDICAL_EMERGENCY", "note", "n"))
                .then()
                .statusCode(409)
                .body("type", org.hamcrest.Matchers.endsWith("already-on-case"));
        // Both a case id and a person, neither, a reason off the list, no note: 400.
        for (Map<String, Object> bad : List.of(
                Map.<String, Object>of(
                        "caseId",
                        caseId,
                        "person",
                        Map.of("fullName", fullName, "birthDate", "1990-05-17"),
                        "reason",
                        "MEDICAL_EMERGENCY",
                        "note",
                        "n"),
                Map.<String, Object>of("reason", "MEDICAL_EMERGENCY", "note", "n"),
                Map.<String, Object>of("caseId", caseId, "reason", "CURIOSITY", "note", "n"),
                Map.<String, Object>of("caseId", caseId, "reason", "MEDICAL_EMERGENCY", "note", "  "))) {
            open(hospitalWorker, bad).then().statusCode(400).contentType("application/problem+json");
        }
        // The note is sealed at rest.
        UUID accessId = UUID.fromString(open(
                        hospitalWorker,
                        Map.of(
                                "caseId",
                                caseId,
                                "reason",
                                "MISSING_PERSON",
                                "note",
                                "Her sister Aruzhan reported her missing"))
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        try (Connection db = OwnerDatabase.connect();
                PreparedStatement row = db.prepareStatement("select note_sealed from emergency_access where id = ?")) {
            row.setObject(1, accessId);
            try (ResultSet rs = row.executeQuery()) {
                assertTrue(rs.next());
                assertFalse(new String(rs.getBytes(1), StandardCharsets.ISO_8859_1).contains("Aruzhan"));
            }
        }
    }

    static Response open(String token, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(body)
                .post("/api/v1/emergency-access");
    }

    private Response review(UUID accessId, boolean justified) {
        return given().auth()
                .oauth2(almaty.coordinator())
                .contentType("application/json")
                .body(Map.of("justified", justified, "note", "No medical need was recorded"))
                .post("/api/v1/emergency-access/" + accessId + "/review");
    }

    /** The types of the events about this use of emergency access that the caller's feed carries, oldest first. */
    List<String> eventTypes(String token, UUID accessId) {
        relay.relay();
        List<String> types = new java.util.ArrayList<>();
        String after = null;
        while (true) {
            var request = given().auth().oauth2(token).queryParam("limit", 500);
            if (after != null) {
                request.queryParam("after", after);
            }
            JsonPath page = request.get("/api/v1/events")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<String> found = page.getList("items.findAll { it.aggregateId == '" + accessId + "' }.type");
            types.addAll(found);
            if (page.getList("items").isEmpty()) {
                return types;
            }
            after = page.getString("nextCursor");
        }
    }

    static void backdate(UUID accessId, String sql) throws Exception {
        try (Connection db = OwnerDatabase.connect();
                PreparedStatement update = db.prepareStatement(sql)) {
            update.setObject(1, accessId);
            assertEquals(1, update.executeUpdate());
        }
    }
}
