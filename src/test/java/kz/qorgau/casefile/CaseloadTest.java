package kz.qorgau.casefile;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import kz.qorgau.security.Role;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import kz.qorgau.support.TestTokens;
import org.junit.jupiter.api.Test;

/** An agency's caseload: the cases it leads and those a live referral makes it a party to, and no others. */
@QuarkusTest
class CaseloadTest {

    private static List<String> caseload(String token, Map<String, ?> filters) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(token).queryParams(filters).queryParam("limit", 1);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/v1/cases").then().statusCode(200).extract();
            List<Map<String, Object>> items = page.path("items");
            for (Map<String, Object> item : items) {
                // Ids, risk, status and times: nothing of her.
                assertEquals(
                        Set.of("id", "leadAgencyId", "riskLevel", "status", "assignee", "createdAt", "updatedAt"),
                        item.keySet());
                ids.add((String) item.get("id"));
            }
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return ids;
    }

    @Test
    void eachAgencySeesTheCasesItLeadsOrIsAPartyToPagedWithoutRepeats() {
        Instant start = Instant.now().minusSeconds(1);
        Network almaty = Network.of("almaty");
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        UUID referred = Flows.caseFile(inspector);
        Flows.recordConsent(inspector, referred, almaty.crisisCentre).then().statusCode(201);
        UUID referral = Flows.referral(inspector, referred, almaty.crisisCentre);
        UUID emergency = Flows.caseFileAtRisk(inspector, "EMERGENCY");
        Map<String, Object> since = Map.of("updatedSince", start.toString());

        List<String> police = caseload(inspector, since);
        assertEquals(new TreeSet<>(List.of(referred.toString(), emergency.toString())), new TreeSet<>(police));
        assertEquals(police.size(), new TreeSet<>(police).size(), "no case twice across pages");
        assertEquals(
                List.of(emergency.toString()),
                caseload(inspector, Map.of("updatedSince", start.toString(), "riskLevel", "EMERGENCY")));
        assertEquals(List.of(), caseload(inspector, Map.of("updatedSince", start.toString(), "status", "CLOSED")));
        String caseworker = almaty.token(Role.NGO_CASEWORKER, almaty.crisisCentre);
        // A receiver that has not accepted cannot open the case, so does not list it either.
        assertEquals(List.of(), caseload(caseworker, since));
        Flows.fire(caseworker, referral, "ACCEPT").then().statusCode(200);
        assertEquals(
                List.of(referred.toString()),
                caseload(caseworker, since),
                "the receiver that accepted is a party to the case");
        given().auth()
                .oauth2(caseworker)
                .get("/api/v1/cases/" + referred)
                .then()
                .statusCode(200);
        assertEquals(List.of(), caseload(almaty.token(Role.SOCIAL_WORKER, almaty.socialProtection), since));
        Network astana = Network.of("astana");
        assertEquals(List.of(), caseload(astana.token(Role.POLICE_INSPECTOR, astana.police), since));
        // A token whose agency claim names an agency its own network does not have lists nothing.
        given().auth()
                .oauth2(TestTokens.tenant("astana")
                        .agency(almaty.police)
                        .roles(Role.POLICE_INSPECTOR)
                        .sign())
                .get("/api/v1/cases")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        List<String> network = caseload(almaty.coordinator(), since);
        assertTrue(network.containsAll(List.of(referred.toString(), emergency.toString())), "coordinators: all");
        assertTrue(caseload(astana.coordinator(), since).stream().noneMatch(police::contains));

        for (String token : List.of(
                almaty.tenantWide(Role.AUDITOR),
                almaty.token(Role.POLICE_DISPATCH, almaty.police),
                almaty.token(Role.AGENCY_ADMIN, almaty.police))) {
            given().auth()
                    .oauth2(token)
                    .get("/api/v1/cases")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        for (var bad : List.of(
                Map.of("riskLevel", "SEVERE"),
                Map.of("status", "open!"),
                Map.of("cursor", "edited"),
                Map.of("updatedSince", "yesterday"),
                Map.of("limit", "201"))) {
            given().auth()
                    .oauth2(inspector)
                    .queryParams(bad)
                    .get("/api/v1/cases")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
    }
}
