package kz.qorgau.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.security.Role;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import org.jboss.resteasy.reactive.RestQuery;
import org.junit.jupiter.api.Test;

/**
 * A query parameter the operation does not take is refused, naming it, as a body's unknown field is: a misspelt filter
 * that answered 200 let a partner believe it had been applied.
 */
@QuarkusTest
class StrictQueryParametersTest {

    @Test
    void aMisspeltFilterIsRefusedNotIgnored() {
        Network almaty = Network.of("almaty");
        String worker = almaty.token(Role.NGO_CASEWORKER, almaty.crisisCentre);
        given().auth()
                .oauth2(worker)
                .queryParam("directon", "incoming")
                .get("/api/v1/referrals")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("directon"))
                .body("errors[0].message", equalTo("is not a query parameter of this operation"));
        // Another network's agency named in a parameter no list takes: refused, not answered with the caller's own.
        given().auth()
                .oauth2(worker)
                .queryParam("direction", "incoming")
                .queryParam("agencyId", Network.of("astana").crisisCentre)
                .queryParam("limit", 5)
                .get("/api/v1/referrals")
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("agencyId")));
        given().auth()
                .oauth2(worker)
                .queryParam("direction", "incoming")
                .queryParam("limit", 5)
                .get("/api/v1/referrals")
                .then()
                .statusCode(200);
    }

    /** An empty filter value read as no filter, and answered the whole list (the outside probe of issue 26). */
    @Test
    void aFilterGivenEmptyIsRefusedNotReadAsNoFilter() {
        Network almaty = Network.of("almaty");
        String worker = almaty.token(Role.NGO_CASEWORKER, almaty.crisisCentre);
        for (String query : List.of("state=", "state", "direction=incoming&state=", "escalated=&limit=5")) {
            String empty = query.contains("escalated") ? "escalated" : "state";
            given().urlEncodingEnabled(false)
                    .auth()
                    .oauth2(worker)
                    .get("/api/v1/referrals?" + query)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", equalTo(List.of(empty)))
                    .body("errors.message", equalTo(List.of("is empty: leave it out, or give it a value")));
        }
        given().auth()
                .oauth2(worker)
                .header("Accept-Language", "ru")
                .get("/api/v1/cases?survivorName=")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("survivorName"))
                .body("errors[0].message", equalTo("пуст: уберите его или укажите значение"));
        given().auth()
                .oauth2(worker)
                .queryParam("state", "SUBMITTED")
                .get("/api/v1/referrals")
                .then()
                .statusCode(200);
    }

    /** A page's limit that is not a whole number is named: it was answered with errors[].field "parameter". */
    @Test
    void aLimitThatIsNotAWholeNumberIsNamed() {
        Network almaty = Network.of("almaty");
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        // Other scripts' digits and a sign were read as numbers too (the outside probe: "１" gave a page of one).
        for (String limit : List.of("1e2", "ten", "99999999999999999999", "5.0", "１", "١", "+1")) {
            given().auth()
                    .oauth2(inspector)
                    .queryParam("limit", limit)
                    .get("/api/v1/cases")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", equalTo(List.of("limit")))
                    .body("errors.message", equalTo(List.of("must be a number")));
        }
        given().auth()
                .oauth2(inspector)
                .queryParam("limit", "5")
                .get("/api/v1/cases")
                .then()
                .statusCode(200);
    }

    @Test
    void everyUnknownParameterIsNamedInTheCallersLanguage() {
        Network almaty = Network.of("almaty");
        String dispatch = almaty.token(Role.POLICE_DISPATCH, almaty.police);
        String reference = "CAD-" + UUID.randomUUID();
        given().auth()
                .oauth2(dispatch)
                .header("Accept-Language", "ru")
                .contentType("application/json")
                .queryParam("tenant", "astana")
                .queryParam("dryRun", "true")
                .body(Flows.incidentBody(reference))
                .post("/api/v1/incidents")
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("dryRun", "tenant")))
                .body("errors[0].message", equalTo("не является параметром запроса этой операции"));
        // Nothing was made: the refusal came before the operation ran, so the same report now makes the incident.
        Flows.reportIncident(dispatch, reference).then().statusCode(201);
    }

    @Test
    void anotherNetworksObjectAndANonexistentOneAnswerTheSame() {
        Network almaty = Network.of("almaty");
        Network astana = Network.of("astana");
        String theirs = astana.token(Role.POLICE_INSPECTOR, astana.police);
        UUID theirCase = Flows.caseFile(theirs);
        String worker = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        for (UUID id : List.of(theirCase, UUID.randomUUID())) {
            given().auth()
                    .oauth2(worker)
                    .queryParam("expand", "all")
                    .get("/api/v1/cases/" + id)
                    .then()
                    .statusCode(400)
                    .body("errors.field", equalTo(List.of("expand")));
        }
    }

    /** Not only /api: the audit signing key is an operation of the administration document too. */
    @Test
    void everyOperationOfThePartnerDocumentsIsStrict() {
        given().queryParam("x", "1")
                .get("/.well-known/qorgau-audit-signing-key")
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("x")));
        given().get("/.well-known/qorgau-audit-signing-key").then().statusCode(200);
    }

    @SuppressWarnings("unused")
    static final class Declares {
        void list(
                @QueryParam("direction") String direction,
                @RestQuery("limit") int limit,
                @RestQuery String cursor,
                String body) {}
    }

    @Test
    void theParametersAMethodTakesAreTheOnesItDeclares() throws NoSuchMethodException {
        assertEquals(
                Set.of("direction", "limit", "cursor"),
                StrictQueryParameters.queryParametersOf(
                        Declares.class.getDeclaredMethod("list", String.class, int.class, String.class, String.class)));
    }
}
