package kz.qorgau.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.UUID;
import kz.qorgau.support.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuthenticationTest {

    private static final String AGENCIES = "/api/v1/agencies";

    @Test
    void requestWithoutTokenIsUnauthenticated() {
        given().get(AGENCIES)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401), "type", equalTo("urn:qorgau:problem:unauthenticated"));
    }

    @Test
    void tokenWhoseTenantClaimDiffersFromItsIssuersTenantIsRejected() {
        String almatyTokenClaimingAstana = TestTokens.tenant("almaty")
                .tenantClaim("astana")
                .roles(Role.COORDINATOR)
                .sign();
        given().auth()
                .oauth2(almatyTokenClaimingAstana)
                .get(AGENCIES)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void tokenWithoutTenantClaimIsRejected() {
        String token = TestTokens.tenant("almaty")
                .tenantClaim(null)
                .roles(Role.COORDINATOR)
                .sign();
        given().auth().oauth2(token).get(AGENCIES).then().statusCode(401);
    }

    @Test
    void tokenSignedWithAKeyNoTenantTrustsIsRejected() {
        String forged = TestTokens.tenant("almaty")
                .signedWith("rogue")
                .roles(Role.COORDINATOR)
                .sign();
        given().auth().oauth2(forged).get(AGENCIES).then().statusCode(401);
    }

    @Test
    void tokenSignedByOneTenantsKeyButNamingAnotherTenantsIssuerIsRejected() {
        String crossSigned = TestTokens.tenant("astana")
                .signedWith("almaty")
                .roles(Role.COORDINATOR)
                .sign();
        given().auth().oauth2(crossSigned).get(AGENCIES).then().statusCode(401);
    }

    @Test
    void tokenFromAnUnknownIssuerIsRejected() {
        String unknownRealm = TestTokens.tenant("almaty")
                .issuer(TestTokens.ISSUER_BASE + "shymkent")
                .tenantClaim("shymkent")
                .roles(Role.COORDINATOR)
                .sign();
        given().auth().oauth2(unknownRealm).get(AGENCIES).then().statusCode(401);

        String otherServer = TestTokens.tenant("almaty")
                .issuer("https://elsewhere.test/realms/almaty")
                .roles(Role.COORDINATOR)
                .sign();
        given().auth().oauth2(otherServer).get(AGENCIES).then().statusCode(401);
    }

    @Test
    void expiredTokenIsRejected() {
        String expired = TestTokens.tenant("almaty")
                .roles(Role.COORDINATOR)
                .expiresAt(Instant.now().minusSeconds(600))
                .sign();
        given().auth().oauth2(expired).get(AGENCIES).then().statusCode(401);
    }

    @Test
    void garbageBearerIsRejected() {
        given().header("Authorization", "Bearer not.a.jwt").get(AGENCIES).then().statusCode(401);
        given().header("Authorization", "Bearer ").get(AGENCIES).then().statusCode(401);
    }

    @Test
    void roleThatMayNotRegisterAgenciesIsForbidden() {
        String socialWorker = TestTokens.tenant("almaty")
                .agency(UUID.randomUUID())
                .roles(Role.SOCIAL_WORKER)
                .sign();
        given().auth()
                .oauth2(socialWorker)
                .contentType("application/json")
                .body("{\"name\":\"Any\",\"kind\":\"OTHER\"}")
                .post(AGENCIES)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:qorgau:problem:forbidden"));
    }

    @Test
    void roleThatActsForAnAgencyButHasNoAgencyClaimGetsNothing() {
        String noAgency = TestTokens.tenant("almaty").roles(Role.SOCIAL_WORKER).sign();
        given().auth().oauth2(noAgency).get(AGENCIES).then().statusCode(403);

        String malformedAgency = TestTokens.tenant("almaty")
                .agencyClaim("police-1")
                .roles(Role.SOCIAL_WORKER)
                .sign();
        given().auth().oauth2(malformedAgency).get(AGENCIES).then().statusCode(403);
    }

    @Test
    void tokenWithOnlyForeignRolesGetsNothing() {
        String token = TestTokens.tenant("almaty")
                .agency(UUID.randomUUID())
                .rawRoles("offline_access", "admin")
                .sign();
        given().auth().oauth2(token).get(AGENCIES).then().statusCode(403);
    }
}
