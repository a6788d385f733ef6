package kz.qorgau.privacy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.notification.OutboxRelay;
import kz.qorgau.security.Role;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import kz.qorgau.support.OwnerDatabase;
import org.junit.jupiter.api.Test;

/**
 * Reads every table as someone with a copy of the database would, after a hand-off that writes her name,
 * phone, address and birth date into every free text the API takes, and finds none of them.
 */
@QuarkusTest
class RawTablesTest {

    private static final String NAME = "Zhanar Kuanyshbekova";
    private static final String PHONE = "+7 702 918 44 03";
    private static final String ADDRESS = "Tole bi street 187";
    private static final String BIRTH_DATE = "1988-11-23";
    /** What must appear nowhere: her surname, first name, address, birth date and phone in two spellings. */
    private static final List<String> TRACES =
            List.of("Kuanyshbekova", "Zhanar", "Tole bi", BIRTH_DATE, "918 44 03", "9184403");

    @Inject
    OutboxRelay relay;

    @Test
    void afterAWholeHandOffNoTableHoldsHerDataInTheClear() throws SQLException {
        Network almaty = Network.of("almaty");
        String dispatch = almaty.token(Role.POLICE_DISPATCH, almaty.police);
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        String centre = almaty.token(Role.NGO_CASEWORKER, almaty.crisisCentre);
        String about = NAME + ", " + PHONE + ", lives at " + ADDRESS + ", born " + BIRTH_DATE;

        UUID incident = UUID.fromString(given().auth()
                .oauth2(dispatch)
                .contentType("application/json")
                .body(Map.of(
                        "externalReference",
                        "CAD-" + UUID.randomUUID(),
                        "occurredAt",
                        Instant.now().minus(1, ChronoUnit.HOURS).toString(),
                        "district",
                        "Almaly",
                        "violenceKinds",
                        List.of("PHYSICAL"),
                        "childrenPresent",
                        true,
                        "weaponsInvolved",
                        false,
                        "injuries",
                        true,
                        "description",
                        "Called by " + about,
                        "persons",
                        List.of(Map.of("role", "VICTIM", "name", NAME, "age", 38))))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        UUID caseId = UUID.fromString(given().auth()
                .oauth2(inspector)
                .contentType("application/json")
                .body(Map.of(
                        "survivor",
                        Map.of("fullName", NAME, "birthDate", BIRTH_DATE, "phone", PHONE, "address", ADDRESS),
                        "riskLevel",
                        "HIGH",
                        "incidentIds",
                        List.of(incident),
                        "summary",
                        "Case of " + about))
                .post("/api/v1/cases")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        Flows.assess(
                        inspector,
                        caseId,
                        Map.of(
                                "answers",
                                Flows.answersScoring(inspector, 2),
                                "judgementLevel",
                                "EMERGENCY",
                                "judgementReason",
                                "He threatened " + about))
                .then()
                .statusCode(201);
        UUID order = UUID.fromString(Flows.recordOrder(inspector, caseId, """
                        {"number": "PO-%s", "kind": "POLICE_PROTECTIVE_ORDER", "issuingAuthority": "Almaly police",
                         "issuedOn": "%s", "expiresOn": "%s",
                         "conditions": [{"type": "STAY_AWAY_FROM_PLACES", "text": "%s"}]}
                        """.formatted(
                                UUID.randomUUID(),
                                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Almaty")),
                                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Almaty"))
                                        .plusDays(30),
                                about))
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        given().auth()
                .oauth2(inspector)
                .contentType("application/json")
                .body(Map.of("occurredAt", Instant.now().minusSeconds(1).toString(), "description", "Seen at " + about))
                .post("/api/v1/protective-orders/" + order + "/violations")
                .then()
                .statusCode(201);
        UUID referral = UUID.fromString(given().auth()
                .oauth2(inspector)
                .contentType("application/json")
                .body(Map.of(
                        "caseId",
                        caseId,
                        "receiverAgencyId",
                        almaty.crisisCentre,
                        "servicesRequested",
                        List.of("SHELTER"),
                        "note",
                        "Please call " + about,
                        "emergencyReason",
                        "Tonight: " + about,
                        "submit",
                        true))
                .post("/api/v1/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        Flows.fire(centre, referral, "ACCEPT").then().statusCode(200);
        Flows.fire(centre, referral, "START").then().statusCode(200);
        Flows.fire(centre, referral, "PAUSE", Map.of("note", "Waiting for " + about))
                .then()
                .statusCode(200);
        Flows.fire(centre, referral, "RESUME").then().statusCode(200);
        Flows.fire(inspector, referral, "CANCEL", Map.of("note", "Moved away from " + about))
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(inspector)
                .contentType("application/json")
                .body(Map.of("reason", "Revoked for " + about))
                .post("/api/v1/protective-orders/" + order + "/revocation")
                .then()
                .statusCode(200);
        String etag = given().auth()
                .oauth2(inspector)
                .get("/api/v1/cases/" + caseId)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        given().auth()
                .oauth2(inspector)
                .contentType("application/json")
                .header("If-Match", etag)
                .body(Map.of("reason", "Closed for " + about))
                .post("/api/v1/cases/" + caseId + "/closure")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(inspector)
                .queryParam("survivorName", NAME)
                .get("/api/v1/cases")
                .then()
                .statusCode(200);
        relay.relay();

        // And what was written is still there for those who may read it: the check above is not vacuous.
        given().auth()
                .oauth2(inspector)
                .get("/api/v1/referrals/" + referral + "/history")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(dispatch)
                .get("/api/v1/incidents/" + incident)
                .then()
                .body("description", org.hamcrest.Matchers.containsString(ADDRESS));

        List<String> found = new ArrayList<>();
        int columns = 0;
        try (Connection c = OwnerDatabase.connect()) {
            List<String[]> textColumns = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("""
                    select table_name, column_name, data_type from information_schema.columns
                    where table_schema = 'public' and table_name <> 'flyway_schema_history'
                      and data_type in ('text', 'character varying', 'jsonb', 'json', 'bytea', 'ARRAY')""")) {
                while (rs.next()) {
                    textColumns.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
            for (String[] column : textColumns) {
                columns++;
                // bytea as escaped text shows any plaintext that was stored as bytes.
                String asText = column[2].equals("bytea")
                        ? "encode(\"" + column[1] + "\", 'escape')"
                        : "cast(\"" + column[1] + "\" as text)";
                for (String trace : TRACES) {
                    try (var select = c.prepareStatement(
                            "select count(*) from \"" + column[0] + "\" where " + asText + " ilike ?")) {
                        select.setString(1, "%" + trace + "%");
                        try (ResultSet rs = select.executeQuery()) {
                            rs.next();
                            if (rs.getLong(1) > 0) {
                                found.add(column[0] + "." + column[1] + " holds " + trace);
                            }
                        }
                    }
                }
            }
        }
        assertTrue(columns > 40, "the scan reached only " + columns + " columns");
        assertEquals(List.of(), found);
    }
}
