package kz.qorgau.protectiveorder;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.security.Role;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import kz.qorgau.support.OwnerDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad input to risk, orders and the directory: a 4xx problem detail naming the field, never a 500. */
@QuarkusTest
class ProtectionBadInputTest {

    private static Network almaty;
    private static String inspector;
    private static UUID caseId;

    @Inject
    OrderExpiryJob expiryJob;

    @BeforeEach
    void network() {
        if (almaty == null) {
            almaty = Network.of("almaty");
            inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
            caseId = Flows.caseFile(inspector);
        }
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body(not(containsString("Exception")), not(containsString("kz.qorgau")));
    }

    @Test
    void unknownMissingOrOutOfSetAnswersNameTheQuestion() {
        Map<String, Object> answers = new HashMap<>(Flows.answersScoring(inspector, 0));
        answers.remove("strangulation");
        answers.put("star-sign", "YES");
        problem(Flows.assess(inspector, caseId, Map.of("answers", answers)).then(), 400)
                .body("errors.field", hasItem("answers.strangulation"))
                .body("errors.field", hasItem("answers.star-sign"));
        Map<String, Object> maybe = new HashMap<>(Flows.answersScoring(inspector, 0));
        maybe.put("weapons", "MAYBE");
        problem(Flows.assess(inspector, caseId, Map.of("answers", maybe)).then(), 400)
                .body("errors[0].field", equalTo("answers.weapons"));
        problem(Flows.assess(inspector, caseId, Map.of()).then(), 400).body("errors[0].field", equalTo("answers"));
    }

    @Test
    void judgementMayNotLowerTheScoredLevel() {
        problem(
                        Flows.assess(
                                        inspector,
                                        caseId,
                                        Map.of(
                                                "answers",
                                                Flows.answersScoring(inspector, 15),
                                                "judgementLevel",
                                                "HIGH",
                                                "judgementReason",
                                                "She seems calmer"))
                                .then(),
                        400)
                .body("errors[0].field", equalTo("judgementLevel"));
        problem(
                        Flows.assess(
                                        inspector,
                                        caseId,
                                        Map.of(
                                                "answers",
                                                Flows.answersScoring(inspector, 0),
                                                "judgementLevel",
                                                "EMERGENCY"))
                                .then(),
                        400)
                .body("errors[0].field", equalTo("judgementReason"));
    }

    @Test
    void orderExpiringBeforeItIsIssuedOrIssuedInTheFutureIsRefused() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Almaty"));
        String backwards = Flows.orderBody("PO-" + UUID.randomUUID())
                .replace("\"expiresOn\": \"" + today.plusDays(30), "\"expiresOn\": \"" + today.minusDays(1));
        problem(Flows.recordOrder(inspector, caseId, backwards).then(), 400)
                .body("errors[0].field", equalTo("expiresOn"));
        String future = Flows.orderBody("PO-" + UUID.randomUUID())
                .replace("\"issuedOn\": \"" + today, "\"issuedOn\": \"" + today.plusDays(2));
        problem(Flows.recordOrder(inspector, caseId, future).then(), 400).body("errors.field", hasItem("issuedOn"));
        String placesUnnamed =
                Flows.orderBody("PO-" + UUID.randomUUID()).replace(", \"text\": \"Her home and her work\"", "");
        problem(Flows.recordOrder(inspector, caseId, placesUnnamed).then(), 400)
                .body("errors[0].field", equalTo("conditions[1].text"));
        String unknownCondition = Flows.orderBody("PO-" + UUID.randomUUID()).replace("NO_CONTACT", "NO_FUN");
        problem(Flows.recordOrder(inspector, caseId, unknownCondition).then(), 400)
                .body("errors[0].field", equalTo("conditions[0].type"));
    }

    @Test
    void orderNumberIsRecordedOnce() {
        String body = Flows.orderBody("PO-" + UUID.randomUUID());
        Flows.recordOrder(inspector, caseId, body).then().statusCode(201);
        problem(Flows.recordOrder(inspector, caseId, body).then(), 409);
    }

    @Test
    void negativeFreePlacesAndUnknownServicesAreRefused() {
        String admin = almaty.token(Role.AGENCY_ADMIN, almaty.crisisCentre);
        problem(Flows.directoryEntry(admin, almaty.crisisCentre, "Almaly", -1).then(), 400)
                .body("errors[0].field", equalTo("freePlaces"));
        problem(
                        given().auth()
                                .oauth2(admin)
                                .contentType("application/json")
                                .body(
                                        "{\"services\": [\"TELEPORTATION\"], \"districts\": [], \"languages\": [], \"acceptingReferrals\": true}")
                                .put("/api/v1/agencies/" + almaty.crisisCentre + "/directory-entry")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("services[0]"));
        problem(
                        given().auth()
                                .oauth2(admin)
                                .contentType("application/json")
                                .body(
                                        "{\"services\": [], \"districts\": [], \"languages\": [\"Kazakh\"], \"acceptingReferrals\": true}")
                                .put("/api/v1/agencies/" + almaty.crisisCentre + "/directory-entry")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("languages"));
        problem(
                        given().auth()
                                .oauth2(admin)
                                .queryParam("service", "TELEPORTATION")
                                .get("/api/v1/directory")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("service"));
        problem(
                        given().auth()
                                .oauth2(admin)
                                .queryParam("acceptingNow", "perhaps")
                                .get("/api/v1/directory")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("acceptingNow"));
    }

    @Test
    void referralForAServiceTheReceiverDoesNotOfferIsUnprocessable() {
        Flows.recordConsent(inspector, caseId, almaty.crisisCentre).then().statusCode(201);
        problem(
                        given().auth()
                                .oauth2(inspector)
                                .contentType("application/json")
                                .body("""
                        {"caseId": "%s", "receiverAgencyId": "%s", "servicesRequested": ["LEGAL_AID"], "submit": true}
                        """.formatted(caseId, almaty.crisisCentre))
                                .post("/api/v1/referrals")
                                .then(),
                        422)
                .body("errors[0].field", equalTo("servicesRequested"))
                .body("errors[0].message", containsString("LEGAL_AID"));
    }

    @Test
    void malformedTimelineCursorIsABadRequest() {
        problem(
                        given().auth()
                                .oauth2(inspector)
                                .queryParam("cursor", "nonsense")
                                .get("/api/v1/cases/" + caseId + "/timeline")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void anOrderNearingExpiryIsAnnouncedOnceToTheCasesAgencies() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Almaty"));
        String body = Flows.orderBody("PO-" + UUID.randomUUID())
                .replace("\"expiresOn\": \"" + today.plusDays(30), "\"expiresOn\": \"" + today.plusDays(2));
        String order = Flows.recordOrder(inspector, caseId, body)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        expiryJob.announceExpiring();
        expiryJob.announceExpiring();
        assertEquals(1, events(UUID.fromString(order), "protective-order.expiring"));
    }

    @Test
    void aCoordinatorPublishesANewChecklistVersionAndAssessmentsUseIt() {
        String coordinator = Network.coordinatorToken("astana");
        Map<String, Object> definition = given().auth()
                .oauth2(coordinator)
                .get("/api/v1/risk-questionnaire")
                .then()
                .statusCode(200)
                .extract()
                .path("definition");
        int before = given().auth()
                .oauth2(coordinator)
                .get("/api/v1/risk-questionnaire")
                .path("version");
        definition.put("thresholds", Map.of("HIGH", 5, "EMERGENCY", 12));
        given().auth()
                .oauth2(coordinator)
                .contentType("application/json")
                .body(definition)
                .post("/api/v1/risk-questionnaire")
                .then()
                .statusCode(201)
                .body("version", equalTo(before + 1), "definition.thresholds.HIGH", equalTo(5));
        Network astana = Network.of("astana");
        String astanaInspector = astana.token(Role.POLICE_INSPECTOR, astana.police);
        UUID astanaCase = Flows.caseFile(astanaInspector);
        Flows.assess(astanaInspector, astanaCase, Map.of("answers", Flows.answersScoring(astanaInspector, 6)))
                .then()
                .statusCode(201)
                .body("questionnaireVersion", equalTo(before + 1), "level", equalTo("HIGH"));
        // Almaty's checklist is its own.
        given().auth()
                .oauth2(inspector)
                .get("/api/v1/risk-questionnaire")
                .then()
                .body("definition.thresholds.HIGH", equalTo(8));
    }

    private int events(UUID aggregate, String type) throws Exception {
        try (Connection c = OwnerDatabase.connect();
                PreparedStatement q = c.prepareStatement(
                        "select count(*) from outbox_event where aggregate_id = ? and event_type = ?")) {
            q.setObject(1, aggregate);
            q.setString(2, type);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
