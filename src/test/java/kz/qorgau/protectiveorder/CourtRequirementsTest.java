package kz.qorgau.protectiveorder;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.notification.OutboxRelay;
import kz.qorgau.security.Role;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import org.junit.jupiter.api.Test;

/**
 * A court's special requirements on an order: bans on weapons and on alcohol, and check-ins at the police that the
 * unit records and is told of when he misses one; and the unit's prompt to go to court before a police order runs
 * out while her risk is still high.
 */
@QuarkusTest
class CourtRequirementsTest {

    @Inject
    OrderExpiryJob job;

    @Inject
    OutboxRelay relay;

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Almaty"));

    @Test
    void hisCheckInsAreRecordedAndTheMissedOnesListedAndAnnouncedOnce() {
        Network almaty = Network.of("almaty");
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        UUID caseId = Flows.caseFile(inspector);
        UUID order = UUID.fromString(record(
                        inspector,
                        caseId,
                        "COURT_RESTRICTIONS",
                        TODAY.minusDays(40),
                        TODAY.plusDays(60),
                        List.of(
                                Map.of("type", "NO_WEAPONS"),
                                Map.of("type", "NO_ALCOHOL_OR_DRUGS"),
                                Map.of("type", "REPORT_TO_POLICE", "checkInDays", List.of(1, 15))))
                .then()
                .statusCode(201)
                .body("conditions.type", hasItem("REPORT_TO_POLICE"))
                .extract()
                .path("id"));
        List<LocalDate> due =
                CheckInSchedule.dueDates(java.util.Set.of(1, 15), TODAY.minusDays(40), TODAY.plusDays(60));
        List<LocalDate> past = due.stream().filter(d -> d.isBefore(TODAY)).toList();
        assertTrue(past.size() >= 2, "forty days hold two check-ins at least: " + past);

        assertEquals(past, missed(inspector, order));
        // He came on the first: it is recorded once, and no longer missed.
        checkIn(inspector, order, past.get(0))
                .then()
                .statusCode(200)
                .body("dueOn", equalTo(past.get(0).toString()));
        checkIn(inspector, order, past.get(0))
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:qorgau:problem:check-in-recorded"));
        // The day after a check-in (the 2nd or the 16th) is none.
        checkIn(inspector, order, past.get(0).plusDays(1))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("dueOn"));
        assertEquals(past.subList(1, past.size()), missed(inspector, order));
        // A visit is recorded when he comes, not ahead of its day.
        LocalDate ahead = due.stream().filter(d -> d.isAfter(TODAY)).findFirst().orElseThrow();
        checkIn(inspector, order, ahead).then().statusCode(400).body("errors.field", hasItem("dueOn"));
        // Another police unit of the network does not record the visits of an order it did not record.
        UUID otherPolice = almaty.register(almaty.uniqueName("Medeu district police"), "POLICE", "[]");
        checkIn(almaty.token(Role.POLICE_INSPECTOR, otherPolice), order, past.get(1))
                .then()
                .statusCode(404);
        checkIn(almaty.token(Role.NGO_CASEWORKER, almaty.crisisCentre), order, past.get(1))
                .then()
                .statusCode(403);

        // Each missed one is announced once, to the unit.
        assertTrue(job.announceMissedCheckIns() >= past.size() - 1);
        job.announceMissedCheckIns();
        relay.relay();
        List<String> heard = given().auth()
                .oauth2(inspector)
                .queryParam("limit", 500)
                .get("/api/v1/events")
                .then()
                .statusCode(200)
                .extract()
                .path("items.findAll { it.data.protectiveOrderId == '" + order + "' && it.type =="
                        + " 'protective-order.check-in-missed' }.data.dueOn");
        assertEquals(
                past.subList(1, past.size()).stream().map(LocalDate::toString).toList(), heard);
    }

    @Test
    void aScheduleMustBeOneToFourDaysEveryMonthHasAndOnlyForReporting() {
        Network almaty = Network.of("almaty");
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        UUID caseId = Flows.caseFile(inspector);
        for (Map<String, Object> wrong : List.of(
                Map.<String, Object>of("type", "REPORT_TO_POLICE"),
                Map.<String, Object>of("type", "NO_CONTACT", "checkInDays", List.of(1)),
                Map.<String, Object>of("type", "REPORT_TO_POLICE", "checkInDays", List.of(31)),
                Map.<String, Object>of("type", "REPORT_TO_POLICE", "checkInDays", List.of(1, 5, 10, 15, 20)))) {
            Response refused =
                    record(inspector, caseId, "COURT_RESTRICTIONS", TODAY, TODAY.plusDays(90), List.of(wrong));
            refused.then().statusCode(400).contentType("application/problem+json");
            assertTrue(
                    refused.asString().contains("checkInDays"), "names the schedule as wrong: " + refused.asString());
        }
        record(
                        inspector,
                        caseId,
                        "COURT_RESTRICTIONS",
                        TODAY,
                        TODAY.plusYears(3),
                        List.of(Map.of("type", "REPORT_TO_POLICE", "checkInDays", List.of(1))))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("expiresOn"));
    }

    @Test
    void aPoliceOrderRunningOutWhileHerRiskIsHighPromptsTheUnitToGoToCourt() {
        Network almaty = Network.of("almaty");
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        List<Map<String, Object>> noContact = List.of(Map.of("type", "NO_CONTACT"));
        UUID high = Flows.caseFile(inspector);
        UUID running = UUID.fromString(
                record(inspector, high, "POLICE_PROTECTIVE_ORDER", TODAY.minusDays(25), TODAY.plusDays(5), noContact)
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"));
        // Her risk is routine: no prompt.
        UUID routine = Flows.caseFileAtRisk(inspector, "ROUTINE");
        UUID quiet = UUID.fromString(
                record(inspector, routine, "POLICE_PROTECTIVE_ORDER", TODAY.minusDays(25), TODAY.plusDays(5), noContact)
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"));
        // A court order already protects her beyond it: no prompt either.
        UUID covered = Flows.caseFile(inspector);
        UUID replaced = UUID.fromString(
                record(inspector, covered, "POLICE_PROTECTIVE_ORDER", TODAY.minusDays(25), TODAY.plusDays(5), noContact)
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"));
        record(inspector, covered, "COURT_RESTRICTIONS", TODAY, TODAY.plusDays(180), noContact)
                .then()
                .statusCode(201);

        List<String> prompted = given().auth()
                .oauth2(inspector)
                .get("/api/v1/protective-orders/court-prompts")
                .then()
                .statusCode(200)
                .extract()
                .path("protectiveOrderId");
        assertTrue(prompted.contains(running.toString()));
        assertFalse(prompted.contains(quiet.toString()));
        assertFalse(prompted.contains(replaced.toString()));
        given().auth()
                .oauth2(almaty.token(Role.SOCIAL_WORKER, almaty.socialProtection))
                .get("/api/v1/protective-orders/court-prompts")
                .then()
                .statusCode(403);
    }

    private static Response record(
            String token,
            UUID caseId,
            String kind,
            LocalDate issuedOn,
            LocalDate expiresOn,
            List<Map<String, Object>> conditions) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "number",
                        "ORD-" + UUID.randomUUID(),
                        "kind",
                        kind,
                        "issuingAuthority",
                        "Almaly district court",
                        "issuedOn",
                        issuedOn.toString(),
                        "expiresOn",
                        expiresOn.toString(),
                        "conditions",
                        conditions))
                .post("/api/v1/cases/" + caseId + "/protective-orders");
    }

    private static Response checkIn(String token, UUID order, LocalDate dueOn) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("dueOn", dueOn.toString()))
                .post("/api/v1/protective-orders/" + order + "/check-ins");
    }

    private static List<LocalDate> missed(String token, UUID order) {
        List<String> days = given().auth()
                .oauth2(token)
                .get("/api/v1/protective-orders/missed-check-ins")
                .then()
                .statusCode(200)
                .extract()
                .path("findAll { it.protectiveOrderId == '" + order + "' }.dueOn");
        return days.stream().map(LocalDate::parse).toList();
    }
}
