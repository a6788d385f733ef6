package kz.qorgau.safecontact;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
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
 * The story: her phone is safe only until 18:00 and her home must never be visited. The crisis centre her
 * consent gives her phone and address to gets neither before acknowledging her rules, never gets the address, cannot
 * log a call at 19:00, logs one at 11:00 answered by her partner, and the inspector hears of it at once.
 */
@QuarkusTest
class SafeContactScenarioTest {

    static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    static final String PHONE = "+7 701 555 12 12";

    static final String RULES = """
            {"channels": [
               {"channel": "PHONE_CALL", "safe": true, "from": "09:00", "until": "18:00"},
               {"channel": "SMS", "safe": false},
               {"channel": "MESSENGER", "safe": false},
               {"channel": "EMAIL", "safe": false},
               {"channel": "HOME_VISIT", "safe": false},
               {"channel": "LETTER", "safe": false}],
             "safeWord": "tulip", "mustNotKnow": ["Her partner Marat", "His mother"], "language": "KAZAKH",
             "notes": "Call from a withheld number"}
            """;

    @Inject
    OutboxRelay relay;

    @Test
    void everyAgencyContactsHerOnlyInWaysThatAreSafe() throws Exception {
        Network almaty = Network.of("almaty");
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        String centre = almaty.token(Role.NGO_CASEWORKER, almaty.crisisCentre);
        UUID caseId = Flows.caseFile(inspector, Flows.incident(almaty.token(Role.POLICE_DISPATCH, almaty.police)));
        given().auth()
                .oauth2(inspector)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "recipientAgencyIds", List.of(almaty.crisisCentre),
                        "categories", List.of("IDENTITY", "CONTACT", "ADDRESS"),
                        "method", "WRITTEN"))
                .post("/api/v1/cases/" + caseId + "/consents")
                .then()
                .statusCode(201);
        UUID referral = Flows.referral(inspector, caseId, almaty.crisisCentre);
        Flows.fire(centre, referral, "ACCEPT").then().statusCode(200);

        // Before any rules, her consent gives the centre her name but not how to reach her.
        given().auth()
                .oauth2(centre)
                .get("/api/v1/cases/" + caseId)
                .then()
                .statusCode(200)
                .body(
                        "survivor.fullName", equalTo("Aigerim Sultanova"),
                        "survivor.phone", nullValue(),
                        "survivor.address", nullValue(),
                        "sharing.withheld.find { it.item == 'SURVIVOR_PHONE' }.reason", equalTo("NO_CONTACT_RULES"));
        attempt(centre, caseId, "PHONE_CALL", at(11), "REACHED")
                .then()
                .statusCode(409)
                .body("type", containsString("no-contact-rules"));
        // Her lead agency records her first rules; the centre may not.
        given().auth()
                .oauth2(centre)
                .contentType(ContentType.JSON)
                .body(RULES)
                .put("/api/v1/cases/" + caseId + "/contact-rules")
                .then()
                .statusCode(403);

        given().auth()
                .oauth2(inspector)
                .contentType(ContentType.JSON)
                .body(RULES)
                .put("/api/v1/cases/" + caseId + "/contact-rules")
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("version", equalTo(1), "acknowledgedByCallersAgency", equalTo(true));
        // They were recorded three days ago: attempts are judged by the rules in force when they were made.
        backdate(caseId, "update contact_rules set recorded_at = now() - interval '3 days' where case_id = ?");
        attempt(centre, caseId, "PHONE_CALL", at(11).replace(yesterday(), daysAgo(10)), "REACHED")
                .then()
                .statusCode(409)
                .body("type", containsString("attempt-before-rules"));

        // The centre reads the rules, but gets neither her phone nor her address until it acknowledges them.
        given().auth()
                .oauth2(centre)
                .get("/api/v1/cases/" + caseId + "/contact-rules")
                .then()
                .statusCode(200)
                .body(
                        "safeWord", equalTo("tulip"),
                        "mustNotKnow", hasItem("Her partner Marat"),
                        "channels.find { it.channel == 'PHONE_CALL' }.until", equalTo("18:00"),
                        "acknowledgedByCallersAgency", equalTo(false));
        for (String path : List.of("/api/v1/cases/" + caseId, "/api/v1/referrals/" + referral + "/shared-data")) {
            Response answer = given().auth().oauth2(centre).get(path);
            assertFalse(answer.asString().contains("555 12 12"), path + " shows her phone: " + answer.asString());
            assertFalse(answer.asString().contains("Abay"), path + " shows her address: " + answer.asString());
            assertFalse(answer.asString().contains("mail.example"), path + " shows her e-mail: " + answer.asString());
        }
        given().auth()
                .oauth2(centre)
                .get("/api/v1/referrals/" + referral + "/shared-data")
                .then()
                .body(
                        "withheld.find { it.item == 'SURVIVOR_PHONE' }.reason", equalTo("RULES_NOT_ACKNOWLEDGED"),
                        "withheld.find { it.item == 'SURVIVOR_ADDRESS' }.reason", equalTo("CHANNEL_UNSAFE"));
        given().auth()
                .oauth2(centre)
                .queryParam("survivorPhone", PHONE)
                .get("/api/v1/cases")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(caseId.toString())));
        attempt(centre, caseId, "PHONE_CALL", at(11), "REACHED")
                .then()
                .statusCode(409)
                .body("type", containsString("contact-rules-not-acknowledged"), "currentVersion", equalTo(1));

        acknowledge(centre, caseId, 1)
                .then()
                .statusCode(200)
                .body(
                        "acknowledgedByCallersAgency",
                        equalTo(true),
                        "acknowledgements.find { it.agencyId == '" + almaty.crisisCentre + "' }.acknowledgedBy",
                        not(nullValue()));
        // A call made yesterday, before the centre acknowledged today, was not made under the rules.
        attempt(centre, caseId, "PHONE_CALL", at(11), "REACHED")
                .then()
                .statusCode(409)
                .body("type", containsString("contact-rules-not-acknowledged"));
        backdate(caseId, "update contact_rules_ack set acknowledged_at = now() - interval '2 days' where case_id = ?");
        // Now her phone, never her address: no safe channel uses it.
        given().auth()
                .oauth2(centre)
                .get("/api/v1/cases/" + caseId)
                .then()
                .body(
                        "survivor.phone", equalTo(PHONE),
                        "survivor.address", nullValue(),
                        "survivor.email", nullValue(),
                        "sharing.withheld.item", equalTo(List.of("SURVIVOR_ADDRESS", "SURVIVOR_EMAIL", "ORDER_PLACES")),
                        "sharing.withheld.reason",
                                equalTo(List.of("CHANNEL_UNSAFE", "CHANNEL_UNSAFE", "CHANNEL_UNSAFE")));
        given().auth()
                .oauth2(centre)
                .queryParam("survivorPhone", PHONE)
                .get("/api/v1/cases")
                .then()
                .body("items.id", hasItem(caseId.toString()));

        // A call at 19:00 and a home visit are refused, saying why; the call at 11:00 is logged.
        attempt(centre, caseId, "PHONE_CALL", at(19), "REACHED")
                .then()
                .statusCode(409)
                .body(
                        "type", containsString("outside-safe-hours"),
                        "detail", containsString("09:00–18:00"),
                        "detail", containsString("19:00"));
        attempt(centre, caseId, "HOME_VISIT", at(11), "REACHED")
                .then()
                .statusCode(409)
                .body("type", containsString("channel-unsafe"));
        attempt(centre, caseId, "SMS", at(11), "REACHED")
                .then()
                .statusCode(409)
                .body("type", containsString("channel-unsafe"));
        UUID answered = UUID.fromString(attempt(centre, caseId, "PHONE_CALL", at(11), "ANSWERED_BY_SOMEONE_ELSE")
                .then()
                .statusCode(201)
                .body("agencyId", equalTo(almaty.crisisCentre.toString()), "rulesVersion", equalTo(1))
                .extract()
                .path("id"));
        given().auth()
                .oauth2(inspector)
                .get("/api/v1/cases/" + caseId + "/contact-attempts")
                .then()
                .statusCode(200)
                .body(
                        "items.id",
                        equalTo(List.of(answered.toString())),
                        "items[0].outcome",
                        equalTo("ANSWERED_BY_SOMEONE_ELSE"));

        // The inspector hears at once; the centre, which made the call, does not need telling.
        relay.relay();
        given().auth()
                .oauth2(inspector)
                .queryParam("limit", 500)
                .get("/api/v1/events")
                .then()
                .statusCode(200)
                .body(
                        "items.find { it.type == 'case.contact-compromised' && it.data.attemptId == '" + answered
                                + "' }.data.outcome",
                        equalTo("ANSWERED_BY_SOMEONE_ELSE"));

        // The inspector changes the rules: the centre loses her phone until it acknowledges the new version, hears
        // of the change, and cannot acknowledge the version it read before.
        given().auth()
                .oauth2(inspector)
                .contentType(ContentType.JSON)
                .body(RULES)
                .put("/api/v1/cases/" + caseId + "/contact-rules")
                .then()
                .statusCode(428);
        given().auth()
                .oauth2(inspector)
                .header("If-Match", "\"1\"")
                .contentType(ContentType.JSON)
                .body(RULES.replace("\"until\": \"18:00\"", "\"until\": \"16:00\""))
                .put("/api/v1/cases/" + caseId + "/contact-rules")
                .then()
                .statusCode(200)
                .body("version", equalTo(2));
        given().auth()
                .oauth2(centre)
                .get("/api/v1/cases/" + caseId)
                .then()
                .body(
                        "survivor.phone",
                        nullValue(),
                        "sharing.withheld.find { it.item == 'SURVIVOR_PHONE' }.reason",
                        equalTo("RULES_NOT_ACKNOWLEDGED"));
        acknowledge(centre, caseId, 1)
                .then()
                .statusCode(409)
                .body("type", containsString("contact-rules-changed"), "currentVersion", equalTo(2));
        relay.relay();
        given().auth()
                .oauth2(centre)
                .queryParam("limit", 500)
                .get("/api/v1/events")
                .then()
                .body(
                        "items.find { it.type == 'case.contact-rules-changed' && it.data.caseId == '" + caseId
                                + "' }.data.version",
                        equalTo(2));

        // The centre may make her rules stricter, never looser.
        given().auth()
                .oauth2(centre)
                .header("If-Match", "\"2\"")
                .contentType(ContentType.JSON)
                .body(RULES.replace("\"until\": \"18:00\"", "\"until\": \"15:00\""))
                .put("/api/v1/cases/" + caseId + "/contact-rules")
                .then()
                .statusCode(200)
                .body("version", equalTo(3));
        String stricter = RULES.replace("\"until\": \"18:00\"", "\"until\": \"15:00\"");
        for (String looser : List.of(
                RULES.replace("\"until\": \"18:00\"", "\"until\": \"20:00\""),
                stricter.replace(
                        "{\"channel\": \"HOME_VISIT\", \"safe\": false}",
                        "{\"channel\": \"HOME_VISIT\", \"safe\": true}"),
                stricter.replace("\"Her partner Marat\", ", ""),
                stricter.replace("\"safeWord\": \"tulip\", ", ""))) {
            given().auth()
                    .oauth2(centre)
                    .header("If-Match", "\"3\"")
                    .contentType(ContentType.JSON)
                    .body(looser)
                    .put("/api/v1/cases/" + caseId + "/contact-rules")
                    .then()
                    .statusCode(403);
        }

        // What she said is sealed at rest.
        try (Connection db = OwnerDatabase.connect();
                PreparedStatement rows =
                        db.prepareStatement("select rules_sealed from contact_rules where case_id = ?")) {
            rows.setObject(1, caseId);
            try (ResultSet rs = rows.executeQuery()) {
                int seen = 0;
                while (rs.next()) {
                    seen++;
                    String raw = new String(rs.getBytes(1), StandardCharsets.ISO_8859_1);
                    assertFalse(raw.contains("tulip") || raw.contains("Marat"), "the rules are in the clear");
                }
                assertTrue(seen == 3, "three versions kept");
            }
        }
    }

    @Test
    void rulesThatDoNotSayEveryChannelOnceAreRefused() {
        Network almaty = Network.of("almaty");
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        UUID caseId = Flows.caseFile(inspector);
        for (String bad : List.of(
                RULES.replace("{\"channel\": \"LETTER\", \"safe\": false}", "{\"channel\": \"SMS\", \"safe\": false}"),
                RULES.replace(", \"until\": \"18:00\"", ""),
                RULES.replace("\"from\": \"09:00\"", "\"from\": \"19:00\""),
                RULES.replace(
                        "{\"channel\": \"SMS\", \"safe\": false}",
                        "{\"channel\": \"SMS\", \"safe\": false, \"days\": [\"MONDAY\"]}"),
                RULES.replace("\"KAZAKH\"", "\"OTHER\""),
                RULES.replace("\"09:00\"", "\"9 o'clock\""),
                RULES.replace("\"PHONE_CALL\"", "\"PIGEON\""))) {
            given().auth()
                    .oauth2(inspector)
                    .contentType(ContentType.JSON)
                    .body(bad)
                    .put("/api/v1/cases/" + caseId + "/contact-rules")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        given().auth()
                .oauth2(inspector)
                .get("/api/v1/cases/" + caseId + "/contact-rules")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(inspector)
                .contentType(ContentType.JSON)
                .body(RULES)
                .put("/api/v1/cases/" + caseId + "/contact-rules")
                .then()
                .statusCode(200);
        // An attempt in the future, or too long ago to be logged now, is bad input.
        attempt(
                        inspector,
                        caseId,
                        "PHONE_CALL",
                        java.time.Instant.now().plusSeconds(3600).toString(),
                        "REACHED")
                .then()
                .statusCode(400);
        attempt(
                        inspector,
                        caseId,
                        "PHONE_CALL",
                        at(11).replace(
                                        LocalDate.now(ALMATY).minusDays(1).toString(),
                                        LocalDate.now(ALMATY).minusDays(40).toString()),
                        "REACHED")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(inspector)
                .queryParam("cursor", "not-a-cursor")
                .get("/api/v1/cases/" + caseId + "/contact-attempts")
                .then()
                .statusCode(400);
    }

    static String yesterday() {
        return daysAgo(1);
    }

    static String daysAgo(int days) {
        return LocalDate.now(ALMATY).minusDays(days).toString();
    }

    static void backdate(UUID caseId, String sql) throws Exception {
        try (Connection db = OwnerDatabase.connect();
                PreparedStatement update = db.prepareStatement(sql)) {
            update.setObject(1, caseId);
            update.executeUpdate();
        }
    }

    /** Yesterday at this hour in Almaty. */
    static String at(int hour) {
        return LocalDate.now(ALMATY)
                .minusDays(1)
                .atTime(LocalTime.of(hour, 0))
                .atZone(ALMATY)
                .toInstant()
                .toString();
    }

    static Response attempt(String token, UUID caseId, String channel, String at, String outcome) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("channel", channel, "attemptedAt", at, "outcome", outcome))
                .post("/api/v1/cases/" + caseId + "/contact-attempts");
    }

    static Response acknowledge(String token, UUID caseId, int version) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("version", version))
                .post("/api/v1/cases/" + caseId + "/contact-rules/acknowledgements");
    }
}
