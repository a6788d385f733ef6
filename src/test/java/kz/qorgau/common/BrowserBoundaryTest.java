package kz.qorgau.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.function.Supplier;
import kz.qorgau.support.Network;
import org.junit.jupiter.api.Test;

/**
 * What a browser is told: the security headers come with every answer, whoever writes it, and only the
 * configured partner portal (http://127.0.0.1:5173 in tests) may call the API from a web page.
 */
@QuarkusTest
class BrowserBoundaryTest {

    private static final String PORTAL = "http://127.0.0.1:5173";
    private static final String STRANGER = "https://evil.example";

    private static void hasSecurityHeaders(ValidatableResponse response) {
        response.header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store")
                .header("Strict-Transport-Security", containsString("max-age="));
    }

    private static ValidatableResponse expiredTokenRefused() {
        return given().auth()
                .oauth2(kz.qorgau.support.TestTokens.tenant("almaty")
                        .expiresAt(java.time.Instant.now().minusSeconds(600))
                        .sign())
                .get("/api/v1/agencies")
                .then()
                .statusCode(401);
    }

    @Test
    void everyKindOfAnswerCarriesTheSecurityHeaders() {
        String coordinator = Network.coordinatorToken("almaty");
        java.util.List<Supplier<ValidatableResponse>> answers = java.util.List.of(
                () -> given().auth()
                        .oauth2(coordinator)
                        .get("/api/v1/agencies")
                        .then()
                        .statusCode(200),
                () -> given().get("/api/v1/agencies").then().statusCode(401),
                // Refused by the OIDC layer itself, before any of the API's handlers.
                () -> expiredTokenRefused(),
                () -> given().auth()
                        .oauth2(kz.qorgau.support.TestTokens.tenant("almaty")
                                .signedWith("astana")
                                .sign())
                        .get("/api/v1/agencies")
                        .then()
                        .statusCode(401),
                () -> given().auth()
                        .oauth2(coordinator)
                        .get("/api/v1/referrals/not-an-id")
                        .then()
                        .statusCode(400),
                () -> given().auth()
                        .oauth2(coordinator)
                        .get("/api/v1/no-such-thing")
                        .then()
                        .statusCode(404),
                // Asking first, as large uploads should: the refusal comes before the body, which is never sent.
                () -> given().auth()
                        .oauth2(coordinator)
                        .contentType("application/json")
                        .header("Expect", "100-continue")
                        .body("x".repeat(300_000))
                        .post("/api/v1/agencies")
                        .then()
                        .statusCode(413),
                () -> given().get("/q/health/live").then().statusCode(200),
                () -> given().get("/q/openapi-ngo-portal").then().statusCode(200));
        answers.forEach(answer -> hasSecurityHeaders(answer.get()));
        java.util.List<String> challenges =
                expiredTokenRefused().extract().headers().getValues("WWW-Authenticate");
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("Bearer"), challenges, "one challenge");
        given().get("/q/swagger-ui/")
                .then()
                .statusCode(200)
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
    }

    @Test
    void theConfiguredPortalMayCallFromABrowser() {
        given().header("Origin", PORTAL)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
                .options("/api/v1/referrals")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", PORTAL)
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Credentials", equalTo("false"));
        given().auth()
                .oauth2(Network.coordinatorToken("almaty"))
                .header("Origin", PORTAL)
                .get("/api/v1/agencies")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", PORTAL)
                .header("Access-Control-Expose-Headers", containsString("ETag"));
    }

    @Test
    void anyOtherOriginIsRefused() {
        given().header("Origin", STRANGER)
                .header("Access-Control-Request-Method", "GET")
                .options("/api/v1/referrals")
                .then()
                .statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
        given().auth()
                .oauth2(Network.coordinatorToken("almaty"))
                .header("Origin", STRANGER)
                .get("/api/v1/agencies")
                .then()
                .statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
