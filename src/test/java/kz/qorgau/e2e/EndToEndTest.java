package kz.qorgau.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.demo.KeycloakLauncher;
import kz.qorgau.support.Flows;
import org.junit.jupiter.api.Test;

/**
 * Against a real Keycloak with the demo realms: tokens come from its token endpoint by password and by
 * client credentials, exactly as partners get them, and the API verifies them by discovery.
 */
@QuarkusTest
@TestProfile(RealKeycloak.class)
class EndToEndTest {

    private static final String ALMATY_POLICE = "0192a000-0000-7000-8000-000000000101";
    private static final UUID ALMATY_CENTRE = UUID.fromString("0192a000-0000-7000-8000-000000000103");
    private static final UUID ASTANA_CENTRE = UUID.fromString("0192a000-0000-7000-8000-000000000203");

    private static String token(String realm, Map<String, String> form) {
        return given().formParams(form)
                .post(RealKeycloak.keycloak.issuer(realm) + "/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    private static String user(String realm, String username) {
        return token(
                realm,
                Map.of("grant_type", "password", "client_id", "qorgau-demo", "username", username, "password", "demo"));
    }

    private static String client(String realm, String clientId) {
        return token(
                realm,
                Map.of(
                        "grant_type",
                        "client_credentials",
                        "client_id",
                        clientId,
                        "client_secret",
                        realm + "-" + clientId.replace("police-", "") + "-demo-secret"));
    }

    @Test
    void aPersonIsHerKeycloakUsernameWhicheverClientHerTokenCameFrom() {
        // The username is whose work assignee=me lists: a token without it would name her by her subject instead.
        given().auth()
                .oauth2(user("almaty", "inspector"))
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("username", equalTo("inspector"));
        given().auth()
                .oauth2(client("almaty", "ngo-portal"))
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("username", equalTo("service-account-ngo-portal"));
    }

    @Test
    void dispatchClientPostsAnIncidentWithItsClientCredentials() {
        String dispatch = client("almaty", "police-dispatch");
        Flows.reportIncident(dispatch, "CAD-" + UUID.randomUUID())
                .then()
                .statusCode(201)
                .body("reportingAgencyId", equalTo(ALMATY_POLICE));
    }

    @Test
    void ngoPortalPullsItsReferralsAndAcceptsOne() {
        String inspector = user("almaty", "inspector");
        UUID caseId = Flows.caseFile(inspector);
        Flows.recordConsent(inspector, caseId, ALMATY_CENTRE).then().statusCode(201);
        UUID referral = Flows.referral(inspector, caseId, ALMATY_CENTRE);

        String portal = client("almaty", "ngo-portal");
        given().auth()
                .oauth2(portal)
                .queryParam("direction", "incoming")
                .queryParam("state", "SUBMITTED")
                .queryParam("limit", 100)
                .get("/api/v1/referrals")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(referral.toString()));
        Flows.fire(portal, referral, "ACCEPT", Map.of("assignee", "portal-intake"))
                .then()
                .statusCode(200)
                .body("state", equalTo("ACCEPTED"));
    }

    @Test
    void aValidTokenOfOneNetworkSeesNothingOfAnother() {
        String astanaInspector = user("astana", "inspector");
        UUID astanaCase = Flows.caseFile(astanaInspector);
        Flows.recordConsent(astanaInspector, astanaCase, ASTANA_CENTRE).then().statusCode(201);
        UUID astanaReferral = Flows.referral(astanaInspector, astanaCase, ASTANA_CENTRE);

        String almatyInspector = user("almaty", "inspector");
        UUID almatyCase = Flows.caseFile(almatyInspector);

        // Each token sees its own network's data...
        given().auth()
                .oauth2(user("astana", "coordinator"))
                .get("/api/v1/referrals/" + astanaReferral)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(almatyInspector)
                .get("/api/v1/cases/" + almatyCase)
                .then()
                .statusCode(200);
        // ...and nothing of the other's, not even a coordinator's.
        given().auth()
                .oauth2(user("almaty", "coordinator"))
                .get("/api/v1/referrals/" + astanaReferral)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(almatyInspector)
                .get("/api/v1/cases/" + astanaCase)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(user("astana", "coordinator"))
                .get("/api/v1/cases/" + almatyCase)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(astanaInspector)
                .queryParam("limit", 100)
                .get("/api/v1/agencies")
                .then()
                .statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(hasItem(ALMATY_CENTRE.toString())));
    }

    @Test
    void tokenFromARealmTheApiDoesNotServeIsRejected() {
        String master = token(
                "master",
                Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "admin-cli",
                        "username",
                        KeycloakLauncher.ADMIN,
                        "password",
                        KeycloakLauncher.ADMIN_PASSWORD));
        given().auth().oauth2(master).get("/api/v1/agencies").then().statusCode(401);
    }
}
