package kz.qorgau.referral;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import kz.qorgau.security.Role;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.Test;

/** The referral list for a spreadsheet: the same page the JSON gives, no free text about her, the next page linked. */
@QuarkusTest
class ReferralSpreadsheetTest {

    private static List<List<String>> rows(byte[] body) throws Exception {
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(body[0], body[1], body[2]));
        try (var parser = CSVParser.parse(new String(body, StandardCharsets.UTF_8).substring(1), CSVFormat.RFC4180)) {
            return parser.getRecords().stream().map(r -> r.toList()).toList();
        }
    }

    @Test
    void aPageOfReferralsAsCsvInTheLanguageAskedWithTheNextPageLinked() throws Exception {
        Network almaty = Network.of("almaty");
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        UUID caseId = Flows.caseFile(inspector);
        Flows.recordConsent(inspector, caseId, almaty.socialProtection).then().statusCode(201);
        UUID first = Flows.referral(inspector, caseId, almaty.socialProtection);
        UUID second = Flows.referral(inspector, caseId, almaty.socialProtection);

        var page = given().auth()
                .oauth2(inspector)
                .accept("text/csv")
                .header("Accept-Language", "kk")
                .queryParam("direction", "OUTGOING")
                .queryParam("limit", 1)
                .get("/api/v1/referrals")
                .then()
                .statusCode(200)
                .contentType("text/csv; charset=UTF-8")
                .header("Content-Language", "kk")
                .extract();
        List<List<String>> rows = rows(page.asByteArray());
        assertEquals("Жолдама идентификаторы", rows.get(0).get(0));
        assertEquals(2, rows.size(), rows.toString());
        String text = new String(page.asByteArray(), StandardCharsets.UTF_8);
        assertFalse(text.contains("safe place"), "the sender's note stays out of the file");
        String link = page.header("Link");
        assertTrue(link != null && link.startsWith("</api/v1/referrals?") && link.endsWith(">; rel=\"next\""), link);

        String next = link.substring(1, link.indexOf('>'));
        List<List<String>> following = rows(given().auth()
                .oauth2(inspector)
                .accept("text/csv")
                .get(java.net.URI.create(next).toString())
                .then()
                .statusCode(200)
                .extract()
                .asByteArray());
        assertEquals("Referral id", following.get(0).get(0));
        // Newest change first or last, the two pages hold the two referrals, once each.
        assertEquals(
                java.util.Set.of(first.toString(), second.toString()),
                java.util.Set.of(rows.get(1).get(0), following.get(1).get(0)));
        assertEquals("SUBMITTED", following.get(1).get(4));

        // Without text/csv first in Accept, the list is JSON as before.
        given().auth()
                .oauth2(inspector)
                .accept("application/json, text/csv;q=0.5")
                .queryParam("direction", "OUTGOING")
                .get("/api/v1/referrals")
                .then()
                .statusCode(200)
                .contentType("application/json");
    }
}
