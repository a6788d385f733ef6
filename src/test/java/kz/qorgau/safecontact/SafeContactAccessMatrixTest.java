package kz.qorgau.safecontact;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import kz.qorgau.security.Role;
import kz.qorgau.support.AccessMatrix;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every safe-contact operation for every role, from each place an agency can stand to her case: its lead, the
 * receiver her consent gives her phone to, a receiver her consent gives nothing to reach her by (403), an agency of
 * the network with nothing to do with her and another network (404). Only case workers keep and read her rules.
 */
@QuarkusTest
class SafeContactAccessMatrixTest {

    enum Relation {
        LEAD,
        RECEIVER_WITH_CONTACT,
        RECEIVER_WITHOUT_CONTACT,
        OTHER_AGENCY,
        OTHER_TENANT
    }

    Network almaty;
    Network astana;
    UUID unrelated;
    UUID caseId;
    String inspector;

    @BeforeEach
    void scene() {
        almaty = Network.of("almaty");
        astana = Network.of("astana");
        unrelated = almaty.register(almaty.uniqueName("Unrelated centre"), "NGO_CRISIS_CENTRE", "[\"SHELTER\"]");
        inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        caseId = Flows.caseFile(inspector);
        Flows.recordConsent(inspector, caseId, almaty.crisisCentre).then().statusCode(201);
        given().auth()
                .oauth2(inspector)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "recipientAgencyIds", List.of(almaty.socialProtection),
                        "categories", List.of("IDENTITY", "RISK"),
                        "method", "WRITTEN"))
                .post("/api/v1/cases/" + caseId + "/consents")
                .then()
                .statusCode(201);
        for (UUID receiver : List.of(almaty.crisisCentre, almaty.socialProtection)) {
            UUID referral = Flows.referral(inspector, caseId, receiver);
            Flows.fire(almaty.token(Role.SOCIAL_WORKER, receiver), referral, "ACCEPT")
                    .then()
                    .statusCode(200);
        }
        Flows.recordContactRules(inspector, caseId).then().statusCode(200);
    }

    @Test
    void readHerRules() {
        assertMatrix(
                (role, relation) ->
                        given().auth().oauth2(token(role, relation)).get("/api/v1/cases/" + caseId + "/contact-rules"),
                (role, relation) -> expected(role, relation, 200));
    }

    @Test
    void recordHerRules() {
        assertMatrix(
                (role, relation) -> given().auth()
                        .oauth2(token(role, relation))
                        .header("If-Match", currentEtag())
                        .contentType(ContentType.JSON)
                        .body(Flows.contactRulesBody(true))
                        .put("/api/v1/cases/" + caseId + "/contact-rules"),
                (role, relation) -> expected(role, relation, 200));
    }

    @Test
    void acknowledgeHerRules() {
        assertMatrix(
                (role, relation) -> given().auth()
                        .oauth2(token(role, relation))
                        .contentType(ContentType.JSON)
                        .body(Map.of("version", Integer.parseInt(currentEtag().replace("\"", ""))))
                        .post("/api/v1/cases/" + caseId + "/contact-rules/acknowledgements"),
                (role, relation) -> expected(role, relation, 200));
    }

    @Test
    void recordAnAttempt() {
        Flows.acknowledgeContactRules(almaty.token(Role.NGO_CASEWORKER, almaty.crisisCentre), caseId)
                .then()
                .statusCode(200);
        assertMatrix(
                (role, relation) -> given().auth()
                        .oauth2(token(role, relation))
                        .contentType(ContentType.JSON)
                        .body(Map.of("channel", "PHONE_CALL", "outcome", "NO_ANSWER"))
                        .post("/api/v1/cases/" + caseId + "/contact-attempts"),
                (role, relation) -> expected(role, relation, 201));
    }

    @Test
    void listTheAttempts() {
        assertMatrix(
                (role, relation) -> given().auth()
                        .oauth2(token(role, relation))
                        .get("/api/v1/cases/" + caseId + "/contact-attempts"),
                (role, relation) -> expected(role, relation, 200));
    }

    private static int expected(Role role, Relation relation, int success) {
        if (!AccessMatrix.CASE_WORKERS.contains(role)) {
            return 403;
        }
        return switch (relation) {
            case LEAD, RECEIVER_WITH_CONTACT -> success;
            case RECEIVER_WITHOUT_CONTACT -> 403;
            case OTHER_AGENCY, OTHER_TENANT -> 404;
        };
    }

    private String currentEtag() {
        return given().auth()
                .oauth2(inspector)
                .get("/api/v1/cases/" + caseId + "/contact-rules")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    private String token(Role role, Relation relation) {
        Network network = relation == Relation.OTHER_TENANT ? astana : almaty;
        if (!role.actsForAnAgency()) {
            return network.tenantWide(role);
        }
        UUID agency = switch (relation) {
            case LEAD -> almaty.police;
            case RECEIVER_WITH_CONTACT -> almaty.crisisCentre;
            case RECEIVER_WITHOUT_CONTACT -> almaty.socialProtection;
            case OTHER_AGENCY -> unrelated;
            case OTHER_TENANT -> astana.police;
        };
        return network.token(role, agency);
    }

    private static void assertMatrix(
            BiFunction<Role, Relation, Response> call, BiFunction<Role, Relation, Integer> expected) {
        AccessMatrix.assertTable(Relation.class, call, expected);
    }
}
