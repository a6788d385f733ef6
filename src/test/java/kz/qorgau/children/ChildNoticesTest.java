package kz.qorgau.children;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.notification.OutboxRelay;
import kz.qorgau.security.Role;
import kz.qorgau.support.Network;
import kz.qorgau.support.OwnerDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The story: police find two children at a domestic incident. Each produces one minimal notice to the
 * district's child-protection service and one to the school named; the school acknowledges its notices, the service
 * does not, and its notices go to the coordinators at the deadline. A school sees its own notices and nothing else.
 */
@QuarkusTest
class ChildNoticesTest {

    @Inject
    ChildNoticeJob job;

    @Inject
    OutboxRelay relay;

    Network almaty;
    String district;
    UUID childProtection;
    UUID school;
    String inspector;
    String protector;
    String schoolLead;

    @BeforeEach
    void network() {
        almaty = Network.of("almaty");
        district = "Turksib-" + UUID.randomUUID();
        childProtection = agency("Guardianship office", "CHILD_PROTECTION", district);
        school = agency("School No. 54", "EDUCATION", district);
        inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        protector = almaty.token(Role.SOCIAL_WORKER, childProtection);
        schoolLead = almaty.token(Role.SAFEGUARDING_LEAD, school);
    }

    @Test
    void twoChildrenAtAnIncidentAreNotifiedToTheServiceAndTheirSchool() throws Exception {
        UUID incident = incident(district);
        UUID caseId = caseOf(incident);
        UUID aruzhan = UUID.fromString(child(caseId, "Aruzhan Sultanova", "2016-05-12", school)
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        UUID timur = UUID.fromString(child(caseId, "Timur Sultanov", "2019-09-30", school)
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        for (UUID child : List.of(aruzhan, timur)) {
            // Recorded twice: one notice each all the same.
            for (int i = 0; i < 2; i++) {
                presence(inspector, caseId, child, incident, true)
                        .then()
                        .statusCode(200)
                        .body("presentAtIncidentIds", equalTo(List.of(incident.toString())));
            }
        }
        given().auth()
                .oauth2(inspector)
                .get("/api/v1/cases/" + caseId + "/children")
                .then()
                .statusCode(200)
                .body("fullName", containsInAnyOrder("Aruzhan Sultanova", "Timur Sultanov"), "age", not(hasItem(0)));

        // Each addressee has one notice per child: who the child is, the date, whom to call, and nothing else.
        for (String addressee : List.of(protector, schoolLead)) {
            Response notices =
                    given().auth().oauth2(addressee).queryParam("open", true).get("/api/v1/child-notices");
            notices.then()
                    .statusCode(200)
                    .body(
                            "items", hasSize(2),
                            "items.childName", containsInAnyOrder("Aruzhan Sultanova", "Timur Sultanov"),
                            "items[0].policeAttendedDomesticIncident", equalTo(true),
                            "items[0].childPresent", equalTo(true),
                            "items[0].whomToCall.agencyId", equalTo(almaty.police.toString()),
                            "items[0].acknowledgeBy", not(nullValue()));
            String text = notices.asString();
            for (String secret : List.of("screaming", "Aigerim", "A. S.", caseId.toString(), incident.toString())) {
                assertFalse(text.contains(secret), "a notice tells " + secret + ": " + text);
            }
        }
        List<String> schoolNotices = given().auth()
                .oauth2(schoolLead)
                .get("/api/v1/child-notices")
                .then()
                .extract()
                .path("items.id");
        List<String> serviceNotices = given().auth()
                .oauth2(protector)
                .get("/api/v1/child-notices")
                .then()
                .extract()
                .path("items.id");

        // The school acknowledges; the service does not.
        for (String notice : schoolNotices) {
            given().auth()
                    .oauth2(schoolLead)
                    .post("/api/v1/child-notices/" + notice + "/acknowledgement")
                    .then()
                    .statusCode(200)
                    .body("acknowledgedBy", not(nullValue()), "acknowledgedAt", not(nullValue()));
        }
        given().auth()
                .oauth2(schoolLead)
                .queryParam("open", true)
                .get("/api/v1/child-notices")
                .then()
                .body("items", hasSize(0));

        // The school sees its own notices and nothing else: not the service's, not the case, not the referrals.
        given().auth()
                .oauth2(schoolLead)
                .get("/api/v1/child-notices/" + serviceNotices.get(0))
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(inspector)
                .get("/api/v1/child-notices/" + schoolNotices.get(0))
                .then()
                .statusCode(404);
        given().auth().oauth2(schoolLead).get("/api/v1/cases/" + caseId).then().statusCode(403);
        given().auth()
                .oauth2(schoolLead)
                .get("/api/v1/cases/" + caseId + "/children")
                .then()
                .statusCode(403);
        given().auth().oauth2(schoolLead).get("/api/v1/referrals").then().statusCode(403);
        given().auth()
                .oauth2(schoolLead)
                .get("/api/v1/incidents/" + incident)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(astanaLead())
                .get("/api/v1/child-notices/" + schoolNotices.get(0))
                .then()
                .statusCode(404);

        // The deadline passes (the next school day, 10:00): the service's notices go to the coordinators.
        backdate(serviceNotices);
        job.escalateOverdue();
        Response overdue = given().auth()
                .oauth2(almaty.coordinator())
                .queryParam("limit", 100)
                .get("/api/v1/child-notices/overdue");
        overdue.then().statusCode(200);
        List<String> overdueIds = overdue.path("items.id");
        for (String notice : serviceNotices) {
            assertEquals(true, overdueIds.contains(notice), notice + " not escalated");
        }
        for (String notice : schoolNotices) {
            assertFalse(overdueIds.contains(notice), notice + " was acknowledged");
        }
        assertFalse(overdue.asString().contains("Aruzhan"), "the coordinators' list names a child");
        given().auth()
                .oauth2(protector)
                .get("/api/v1/child-notices/" + serviceNotices.get(0))
                .then()
                .body("escalatedAt", not(nullValue()));
        relay.relay();
        given().auth()
                .oauth2(inspector)
                .queryParam("limit", 500)
                .get("/api/v1/events")
                .then()
                .body(
                        "items.findAll { it.type == 'child-notice.overdue' }.data.noticeId",
                        hasItem(serviceNotices.get(0)));
    }

    @Test
    void aDistrictWithoutAChildProtectionServiceGoesToTheCoordinatorsAtOnce() {
        UUID incident = incident("Nowhere-" + UUID.randomUUID());
        UUID caseId = caseOf(incident);
        UUID child = UUID.fromString(child(caseId, "Dana Sultanova", "2018-01-20", null)
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        presence(inspector, caseId, child, incident, true).then().statusCode(200);
        given().auth()
                .oauth2(almaty.coordinator())
                .queryParam("limit", 100)
                .get("/api/v1/child-notices/overdue")
                .then()
                .statusCode(200)
                .body("items.findAll { it.addresseeAgencyId == null }.district", hasItem(startsWith("Nowhere-")));
    }

    @Test
    void badChildrenAndPresencesAreRefused() {
        UUID incident = incident(district);
        UUID caseId = caseOf(incident);
        child(caseId, "Adult Son", "1990-01-01", null).then().statusCode(400);
        child(caseId, "Aruzhan", "2016-05-12", almaty.crisisCentre).then().statusCode(400);
        child(caseId, "Aruzhan", "2999-05-12", null).then().statusCode(400);
        String eighteenToday = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Almaty"))
                .minusYears(18)
                .toString();
        child(caseId, "Just Eighteen", eighteenToday, null).then().statusCode(400);
        given().auth()
                .oauth2(inspector)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "fullName",
                        "Aruzhan",
                        "birthDate",
                        "2016-05-12",
                        "schoolAgencyId",
                        school,
                        "schoolName",
                        "School No. 54"))
                .post("/api/v1/cases/" + caseId + "/children")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(protector)
                .queryParam("open", "yes")
                .get("/api/v1/child-notices")
                .then()
                .statusCode(400);
        UUID child = UUID.fromString(child(caseId, "Aruzhan Sultanova", "2016-05-12", null)
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        UUID other = incident(district);
        presence(inspector, caseId, child, other, true).then().statusCode(404);
        presence(inspector, caseId, UUID.randomUUID(), incident, true).then().statusCode(404);
        given().auth()
                .oauth2(almaty.token(Role.NGO_CASEWORKER, almaty.crisisCentre))
                .contentType(ContentType.JSON)
                .body(Map.of("present", true))
                .put("/api/v1/cases/" + caseId + "/children/" + child + "/incidents/" + incident)
                .then()
                .statusCode(404);
    }

    /** A safeguarding lead of another network's agency. */
    private static String astanaLead() {
        Network astana = Network.of("astana");
        return astana.token(Role.SAFEGUARDING_LEAD, astana.crisisCentre);
    }

    private static org.hamcrest.Matcher<String> startsWith(String prefix) {
        return org.hamcrest.Matchers.startsWith(prefix);
    }

    private void backdate(List<String> notices) throws Exception {
        try (Connection db = OwnerDatabase.connect();
                PreparedStatement update = db.prepareStatement(
                        "update child_notice set due_at = now() - interval '1 minute' where id = ?::uuid")) {
            for (String notice : notices) {
                update.setString(1, notice);
                update.executeUpdate();
            }
        }
    }

    private UUID agency(String name, String kind, String inDistrict) {
        return UUID.fromString(given().auth()
                .oauth2(almaty.coordinator())
                .contentType(ContentType.JSON)
                .body(Map.of("name", almaty.uniqueName(name), "kind", kind, "district", inDistrict))
                .post("/api/v1/agencies")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
    }

    private UUID incident(String where) {
        return UUID.fromString(given().auth()
                .oauth2(almaty.token(Role.POLICE_DISPATCH, almaty.police))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "externalReference",
                        "CAD-" + UUID.randomUUID(),
                        "occurredAt",
                        Instant.now().minus(3, ChronoUnit.HOURS).toString(),
                        "district",
                        where,
                        "violenceKinds",
                        List.of("PHYSICAL"),
                        "childrenPresent",
                        true,
                        "weaponsInvolved",
                        false,
                        "injuries",
                        false,
                        "description",
                        "Neighbours called about screaming",
                        "persons",
                        List.of(Map.of("role", "VICTIM", "name", "A. S.", "age", 34))))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
    }

    private UUID caseOf(UUID incident) {
        return kz.qorgau.support.Flows.caseFile(inspector, incident);
    }

    private Response child(UUID caseId, String name, String birthDate, UUID schoolId) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("fullName", name, "birthDate", birthDate));
        if (schoolId != null) {
            body.put("schoolAgencyId", schoolId);
        }
        return given().auth()
                .oauth2(inspector)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/cases/" + caseId + "/children");
    }

    private static Response presence(String token, UUID caseId, UUID child, UUID incident, boolean present) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("present", present))
                .put("/api/v1/cases/" + caseId + "/children/" + child + "/incidents/" + incident);
    }
}
