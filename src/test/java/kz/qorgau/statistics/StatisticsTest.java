package kz.qorgau.statistics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.security.Role;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import kz.qorgau.support.OwnerDatabase;
import org.junit.jupiter.api.Test;

/** Coordinators' figures: counted over their own network in the period asked, small cells withheld. */
@QuarkusTest
class StatisticsTest {

    @Test
    void countsByStateAndReasonWithSmallCellsWithheld() throws Exception {
        Network almaty = Network.of("almaty");
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        String socialWorker = almaty.token(Role.SOCIAL_WORKER, almaty.socialProtection);
        UUID caseId = Flows.caseFile(inspector);
        Flows.recordConsent(inspector, caseId, almaty.socialProtection).then().statusCode(201);
        for (int i = 0; i < 13; i++) {
            UUID referral = Flows.referral(inspector, caseId, almaty.socialProtection);
            if (i < 6) {
                Flows.fire(socialWorker, referral, "ACKNOWLEDGE").then().statusCode(200);
            } else if (i < 8) {
                Flows.fire(socialWorker, referral, "DECLINE", Map.of("reasonCode", "NO_CAPACITY"))
                        .then()
                        .statusCode(200);
            }
        }
        // Only months that have ended are counted, so the referrals are moved to a past month of their own.
        YearMonth month = YearMonth.now(ZoneOffset.UTC).minusMonths(30);
        assertEquals(13, moveToDay(caseId, month.atDay(15)));
        String from = month.toString();
        String to = month.plusMonths(1).toString();

        var stats = given().auth()
                .oauth2(almaty.coordinator())
                .queryParam("from", from)
                .queryParam("to", to)
                .get("/api/v1/statistics/referrals")
                .then()
                .statusCode(200)
                .body(
                        "from",
                        equalTo(from),
                        "to",
                        equalTo(to),
                        "minimumCellSize",
                        equalTo(5),
                        "months[0].total",
                        equalTo(13),
                        "months[0].byPriority[0].key",
                        equalTo("HIGH"),
                        "months[0].byPriority[0].count",
                        equalTo(13),
                        "months[0].byReceiverKind[0].key",
                        equalTo("SOCIAL_PROTECTION"),
                        "months[0].timeToAcknowledge.referrals",
                        equalTo(6),
                        "months[0].timeToAcknowledge.medianMinutes",
                        notNullValue(),
                        "months[0].timeToAccept.referrals",
                        equalTo(0),
                        "months[0].timeToAccept.medianMinutes",
                        nullValue())
                .extract();
        List<Map<String, Object>> byState = stats.path("months[0].byState");
        // ACKNOWLEDGED 6 is shown; DECLINED 2 is withheld, and SUBMITTED 5 with it, or 13 - 6 - 5 would give it away.
        assertEquals(Map.of("key", "ACKNOWLEDGED", "count", 6, "suppressed", false), byState.get(0));
        assertEquals(Map.of("key", "DECLINED", "suppressed", true), byState.get(1));
        assertEquals(Map.of("key", "SUBMITTED", "suppressed", true), byState.get(2));
        assertEquals(
                List.of(Map.of("key", "NO_CAPACITY", "suppressed", true)), stats.path("months[0].declinesByReason"));

        // The same figures for a spreadsheet: one per row, withheld as in JSON, the header row in Russian.
        var csv = given().auth()
                .oauth2(almaty.coordinator())
                .accept("text/csv")
                .header("Accept-Language", "ru")
                .queryParam("from", from)
                .queryParam("to", to)
                .get("/api/v1/statistics/referrals")
                .then()
                .statusCode(200)
                .contentType("text/csv; charset=UTF-8")
                .header("Content-Language", "ru")
                .extract();
        byte[] bytes = csv.asByteArray();
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(bytes[0], bytes[1], bytes[2]));
        List<List<String>> rows = rows(new String(bytes, java.nio.charset.StandardCharsets.UTF_8).substring(1));
        assertEquals(List.of("Месяц", "Показатель", "Категория", "Значение", "Скрыто (малая ячейка)"), rows.get(0));
        assertEquals(List.of(from, "total", "", "13", "false"), rows.get(1));
        assertTrue(rows.contains(List.of(from, "byState", "ACKNOWLEDGED", "6", "false")), rows.toString());
        assertTrue(rows.contains(List.of(from, "byState", "DECLINED", "", "true")), rows.toString());
        assertTrue(rows.contains(List.of(from, "byState", "SUBMITTED", "", "true")), rows.toString());
        assertTrue(rows.contains(List.of(from, "declinesByReason", "NO_CAPACITY", "", "true")), rows.toString());
        assertTrue(rows.contains(List.of(from, "timeToAcknowledge", "referrals", "6", "false")), rows.toString());
        // q=0 refuses CSV: the caller gets JSON.
        given().auth()
                .oauth2(almaty.coordinator())
                .accept("text/csv;q=0, */*")
                .queryParam("from", from)
                .queryParam("to", to)
                .get("/api/v1/statistics/referrals")
                .then()
                .statusCode(200)
                .contentType("application/json");
        // Statistics are coordinators' in every format.
        given().auth()
                .oauth2(inspector)
                .accept("text/csv")
                .get("/api/v1/statistics/referrals")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");

        // Another network counts only its own referrals; a period with fewer than five withholds the total.
        given().auth()
                .oauth2(Network.coordinatorToken("astana"))
                .queryParam("from", from)
                .queryParam("to", to)
                .get("/api/v1/statistics/referrals")
                .then()
                .statusCode(200)
                .body("months[0].total", equalTo(0), "months[0].byState.size()", equalTo(0));
        given().auth()
                .oauth2(almaty.coordinator())
                .queryParam("from", to)
                .queryParam("to", from)
                .get("/api/v1/statistics/referrals")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(inspector)
                .get("/api/v1/statistics/referrals")
                .then()
                .statusCode(403);
    }

    static List<List<String>> rows(String csv) throws java.io.IOException {
        try (var parser = org.apache.commons.csv.CSVParser.parse(csv, org.apache.commons.csv.CSVFormat.RFC4180)) {
            return parser.getRecords().stream().map(r -> r.toList()).toList();
        }
    }

    @Test
    void onlyWholeMonthsThatHaveEndedCanBeAskedFor() {
        String coordinator = Network.coordinatorToken("almaty");
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        // This month has not ended: asking again later would isolate the referrals sent in between.
        refused(coordinator, now.minusMonths(1).toString(), now.plusMonths(1).toString(), "to");
        // A day or an instant is not a month: windows a day apart would isolate that day's referrals.
        refused(coordinator, now.minusMonths(1).atDay(1).toString(), now.toString(), "from");
        refused(coordinator, Instant.now().minusSeconds(60).toString(), now.toString(), "from");
        refused(coordinator, now.minusMonths(37).toString(), now.toString(), "from");
        given().auth()
                .oauth2(coordinator)
                .get("/api/v1/statistics/referrals")
                .then()
                .statusCode(200)
                .body(
                        "to", equalTo(now.toString()),
                        "from", equalTo(now.minusMonths(3).toString()),
                        "months.month",
                                org.hamcrest.Matchers.contains(
                                        now.minusMonths(3).toString(),
                                        now.minusMonths(2).toString(),
                                        now.minusMonths(1).toString()));
    }

    private static void refused(String token, String from, String to, String field) {
        given().auth()
                .oauth2(token)
                .queryParam("from", from)
                .queryParam("to", to)
                .get("/api/v1/statistics/referrals")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains(field));
    }

    private static int moveToDay(UUID caseId, LocalDate day) throws Exception {
        try (Connection owner = OwnerDatabase.connect();
                PreparedStatement move = owner.prepareStatement(
                        "update referral set created_at = ?::date + (created_at - date_trunc('day', created_at))"
                                + " where case_id = ?")) {
            move.setString(1, day.toString());
            move.setObject(2, caseId);
            return move.executeUpdate();
        }
    }
}
