package kz.qorgau.casefile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.security.Role;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import kz.qorgau.support.TestTokens;
import org.junit.jupiter.api.Test;

/** A case is held by a person of its lead agency, handed to another with a reason, and a leaver's all at once. */
@QuarkusTest
class CaseAssignmentTest {

    private static Response reassign(String token, UUID caseId, String etag, Object body) {
        var request =
                given().auth().oauth2(token).contentType("application/json").body(body);
        if (etag != null) {
            request.header("If-Match", etag);
        }
        return request.post("/api/v1/cases/" + caseId + "/assignment");
    }

    private static String etag(String token, UUID caseId) {
        return given().auth()
                .oauth2(token)
                .get("/api/v1/cases/" + caseId)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    private static List<String> caseload(String token, String assignee) {
        return given().auth()
                .oauth2(token)
                .queryParam("assignee", assignee)
                .queryParam("limit", 200)
                .get("/api/v1/cases")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
    }

    @Test
    void theOpenerHoldsTheCaseUntilItIsHandedOverAndTheAuditTrailKeepsEachHandOver() {
        Network almaty = Network.of("almaty");
        String marat = almaty.person("marat", Role.POLICE_INSPECTOR, almaty.police);
        String admin = almaty.person("erlan", Role.AGENCY_ADMIN, almaty.police);
        UUID caseId = Flows.caseFile(marat);
        given().auth()
                .oauth2(marat)
                .get("/api/v1/cases/" + caseId)
                .then()
                .statusCode(200)
                .body("assignee", equalTo("marat"));
        assertEquals(List.of(caseId.toString()), caseload(marat, "me"));

        reassign(marat, caseId, etag(marat, caseId), Map.of("assignee", "aigul", "reason", "Marat moves district"))
                .then()
                .statusCode(200)
                .body("assignee", equalTo("aigul"));
        assertEquals(List.of(caseId.toString()), caseload(marat, "aigul"));
        assertEquals(List.of(), caseload(marat, "me"));

        // The agency's admin moves a leaver's open cases with her referrals.
        given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .body(Map.of("from", "aigul", "to", "dana", "reason", "Aigul left the precinct"))
                .post("/api/v1/agencies/" + almaty.police + "/work-handovers")
                .then()
                .statusCode(200)
                .body("caseIds", equalTo(List.of(caseId.toString())), "moved", equalTo(1));
        assertEquals(List.of(caseId.toString()), caseload(marat, "dana"));

        List<String> trail = given().auth()
                .oauth2(almaty.tenantWide(Role.AUDITOR))
                .queryParam("recordId", caseId)
                .queryParam("action", "ASSIGN")
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .extract()
                .path("items.detail");
        assertEquals(List.of("from marat to aigul", "from aigul to dana"), trail);
    }

    @Test
    void onlyTheLeadAgencyHandsItsCaseOverAndOnlyWhileItIsOpen() {
        Network almaty = Network.of("almaty");
        String marat = almaty.person("marat", Role.POLICE_INSPECTOR, almaty.police);
        UUID caseId = Flows.caseFile(marat);
        Flows.recordConsent(marat, caseId, almaty.crisisCentre).then().statusCode(201);
        UUID referral = Flows.referral(marat, caseId, almaty.crisisCentre);
        String caseworker = almaty.token(Role.NGO_CASEWORKER, almaty.crisisCentre);
        Flows.fire(caseworker, referral, "ACCEPT").then().statusCode(200);
        Map<String, String> body = Map.of("assignee", "aigul", "reason", "Shift change");
        String version = etag(marat, caseId);
        Network astana = Network.of("astana");
        Map<String, Integer> expected = new java.util.LinkedHashMap<>();
        expected.put(caseworker, 403); // on the case through its referral, but not its lead
        expected.put(almaty.token(Role.SOCIAL_WORKER, almaty.socialProtection), 404);
        expected.put(astana.token(Role.POLICE_INSPECTOR, astana.police), 404);
        expected.put(
                TestTokens.tenant("astana")
                        .agency(almaty.police)
                        .roles(Role.POLICE_INSPECTOR)
                        .sign(),
                404);
        expected.put(almaty.coordinator(), 403);
        expected.put(almaty.tenantWide(Role.AUDITOR), 403);
        expected.put(almaty.token(Role.POLICE_DISPATCH, almaty.police), 403);
        expected.put(almaty.token(Role.AGENCY_ADMIN, almaty.crisisCentre), 404);
        expected.forEach((token, status) -> reassign(token, caseId, version, body)
                .then()
                .statusCode(status)
                .contentType("application/problem+json"));
        reassign(almaty.token(Role.AGENCY_ADMIN, almaty.police), caseId, version, body)
                .then()
                .statusCode(200);
        reassign(marat, caseId, version, body).then().statusCode(412);
        reassign(marat, caseId, null, body).then().statusCode(428);
        for (Object bad : List.of(
                Map.of("assignee", "a b", "reason", "x"),
                Map.of("assignee", "aigul"),
                Map.of("assignee", "aigul", "reason", " "))) {
            reassign(marat, caseId, etag(marat, caseId), bad)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        Flows.fire(caseworker, referral, "WITHDRAW").then().statusCode(200);
        given().auth()
                .oauth2(marat)
                .contentType("application/json")
                .header("If-Match", etag(marat, caseId))
                .body(Map.of("reason", "Safe and settled"))
                .post("/api/v1/cases/" + caseId + "/closure")
                .then()
                .statusCode(200);
        reassign(marat, caseId, etag(marat, caseId), body)
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:qorgau:problem:case-closed"));
    }
}
