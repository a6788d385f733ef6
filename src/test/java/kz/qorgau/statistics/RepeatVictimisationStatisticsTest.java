package kz.qorgau.statistics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.security.Role;
import kz.qorgau.support.Network;
import org.junit.jupiter.api.Test;

/**
 * Six women hurt last month in a district of their own, five of whom were hurt the month before too: the district
 * shows six incidents and five repeats for last month; districts with two and three incidents are withheld.
 */
@QuarkusTest
class RepeatVictimisationStatisticsTest {

    @Test
    void repeatsArePerDistrictAndMonthWithSmallCellsWithheld() {
        Network almaty = Network.of("almaty");
        String dispatch = almaty.token(Role.POLICE_DISPATCH, almaty.police);
        YearMonth last = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
        String district = "District " + UUID.randomUUID();
        String small = "District " + UUID.randomUUID();
        for (int woman = 0; woman < 6; woman++) {
            Map<String, Object> her = Map.of(
                    "role",
                    "VICTIM",
                    "name",
                    "Woman" + (char) ('a' + woman) + " "
                            + UUID.randomUUID().toString().replaceAll("[0-9-]", ""),
                    "birthDate",
                    LocalDate.of(1980, 1, 1).plusDays(woman).toString());
            report(dispatch, district, last.atDay(10), her);
            if (woman < 5) {
                report(dispatch, district, last.minusMonths(1).atDay(10), her);
            }
        }
        // Two districts with two and three incidents, each about a woman hurt once: both withheld, so that neither
        // can be worked out from a total.
        String fewer = "District " + UUID.randomUUID();
        for (int other = 0; other < 5; other++) {
            Map<String, Object> someoneElse = Map.of(
                    "role",
                    "VICTIM",
                    "name",
                    "Other" + (char) ('a' + other) + " "
                            + UUID.randomUUID().toString().replaceAll("[0-9-]", ""),
                    "birthDate",
                    LocalDate.of(1985, 1, 1).plusDays(other).toString());
            report(dispatch, other < 2 ? small : fewer, last.atDay(12), someoneElse);
        }

        Map<String, Object> month = given().auth()
                .oauth2(almaty.coordinator())
                .queryParam("from", last.minusMonths(1).toString())
                .queryParam("to", last.plusMonths(1).toString())
                .get("/api/v1/statistics/repeat-victimisation")
                .then()
                .statusCode(200)
                .extract()
                .path("months.find { it.month == '" + last + "' }");
        assertEquals(6, cell(month, "victimIncidents", district).get("count"));
        assertEquals(5, cell(month, "repeatIncidents", district).get("count"));
        assertEquals(true, cell(month, "victimIncidents", small).get("suppressed"));
        assertEquals(null, cell(month, "victimIncidents", small).get("count"));

        given().auth()
                .oauth2(almaty.token(Role.POLICE_INSPECTOR, almaty.police))
                .get("/api/v1/statistics/repeat-victimisation")
                .then()
                .statusCode(403);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cell(Map<String, Object> month, String figure, String district) {
        return ((List<Map<String, Object>>) month.get(figure))
                .stream()
                        .filter(c -> district.equals(c.get("key")))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(figure + " has no cell for " + district + ": " + month));
    }

    private static void report(String token, String district, LocalDate day, Map<String, Object> victim) {
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "occurredAt",
                        day.atTime(12, 0).toInstant(ZoneOffset.UTC).toString(),
                        "district",
                        district,
                        "violenceKinds",
                        List.of("PHYSICAL"),
                        "childrenPresent",
                        false,
                        "weaponsInvolved",
                        false,
                        "injuries",
                        true,
                        "persons",
                        List.of(victim)))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201);
    }
}
