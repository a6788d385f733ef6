package kz.qorgau.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import kz.qorgau.support.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * A token verified once is remembered for the next calls (VerifiedTokens): what a caller sees must not change by
 * it. Each test calls with the same token several times, so that the later calls are answered from what the
 * first one left behind.
 */
@QuarkusTest
class VerifiedTokensTest {

    private static final String AGENCIES = "/api/v1/agencies";

    @Inject
    VerifiedTokens tokens;

    @Test
    void aTokenVerifiedOnceIsNotVerifiedAgainOnItsNextCalls() {
        String token = TestTokens.tenant("astana").roles(Role.COORDINATOR).sign();
        given().auth().oauth2(token).get(AGENCIES).then().statusCode(200);
        long before = tokens.hits();
        given().auth().oauth2(token).get(AGENCIES).then().statusCode(200);
        given().auth().oauth2(token).get(AGENCIES).then().statusCode(200);
        // quarkus-oidc is asked after the cache: had it come first, it would have verified them again.
        assertEquals(2, tokens.hits() - before, "the second and third calls were answered from the cache");
    }

    @Test
    void aTokenAcceptedBeforeIsRefusedOnceItHasExpired() throws InterruptedException {
        Instant expiry = Instant.now().plusSeconds(3);
        String token = TestTokens.tenant("almaty")
                .roles(Role.COORDINATOR)
                .expiresAt(expiry)
                .sign();
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).get(AGENCIES).then().statusCode(200);
        }
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiry).toMillis()) + 1_500);
        given().auth()
                .oauth2(token)
                .get(AGENCIES)
                .then()
                .statusCode(401)
                .body("type", equalTo("urn:qorgau:problem:unauthenticated"));
    }

    @Test
    void aTokenRefusedOnceIsRefusedEveryTime() {
        String claimingAnotherNetwork = TestTokens.tenant("almaty")
                .tenantClaim("astana")
                .roles(Role.COORDINATOR)
                .sign();
        String forAnotherClient = TestTokens.tenant("almaty")
                .audience("account")
                .roles(Role.COORDINATOR)
                .sign();
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(claimingAnotherNetwork).get(AGENCIES).then().statusCode(401);
            given().auth().oauth2(forAnotherClient).get(AGENCIES).then().statusCode(401);
        }
    }

    @Test
    void anEditedCopyOfAnAcceptedTokenIsRefused() {
        String token = TestTokens.tenant("almaty")
                .roles(Role.NGO_CASEWORKER)
                .agency(UUID.randomUUID())
                .sign();
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200);
        String[] parts = token.split("\\.");
        // Her roles raised to a coordinator's, under the signature of the token accepted a moment ago.
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]))
                .replace("\"" + Role.NGO_CASEWORKER.tokenName() + "\"", "\"" + Role.COORDINATOR.tokenName() + "\"");
        String raised = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
                + "." + parts[2];
        char last = parts[2].charAt(parts[2].length() - 2);
        String otherSignature = parts[0] + "." + parts[1] + "."
                + parts[2].substring(0, parts[2].length() - 2) + (last == 'A' ? 'B' : 'A')
                + parts[2].charAt(parts[2].length() - 1);
        given().auth().oauth2(raised).get(AGENCIES).then().statusCode(401);
        given().auth().oauth2(otherSignature).get(AGENCIES).then().statusCode(401);
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void twoPeopleCallingAtOnceEachActAsThemselves() {
        UUID agency = UUID.randomUUID();
        String first = TestTokens.tenant("almaty")
                .roles(Role.NGO_CASEWORKER)
                .agency(agency)
                .username("first.caseworker")
                .sign();
        String second = TestTokens.tenant("almaty")
                .roles(Role.NGO_CASEWORKER)
                .agency(agency)
                .username("second.caseworker")
                .sign();
        for (int i = 0; i < 3; i++) {
            given().auth()
                    .oauth2(first)
                    .get("/api/v1/me")
                    .then()
                    .statusCode(200)
                    .body("username", equalTo("first.caseworker"));
            given().auth()
                    .oauth2(second)
                    .get("/api/v1/me")
                    .then()
                    .statusCode(200)
                    .body("username", equalTo("second.caseworker"));
        }
    }

    @Test
    void anAgencyTheNetworkNeverRegisteredWritesNothingHoweverOftenItTries() {
        String token = TestTokens.tenant("almaty")
                .roles(Role.POLICE_DISPATCH)
                .agency(UUID.randomUUID())
                .sign();
        for (int i = 0; i < 2; i++) {
            given().auth()
                    .oauth2(token)
                    .contentType("application/json")
                    .body(
                            "{\"occurredAt\":\"2026-01-01T10:00:00Z\",\"district\":\"Almaly\",\"violenceKinds\":[\"PHYSICAL\"],"
                                    + "\"childrenPresent\":false,\"weaponsInvolved\":false,\"injuries\":false}")
                    .post("/api/v1/incidents")
                    .then()
                    .statusCode(403)
                    .body("detail", equalTo("The caller's agency is not registered in this network"));
        }
    }
}
