package kz.qorgau.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import kz.qorgau.support.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * A realm whose identity provider takes the connection and never answers: the request that connects it is answered
 * 503 once {@link IdentityProviderTimeout} gives up, not held for as long as the connection stays open.
 */
@QuarkusTest
@TestProfile(SilentIdentityProviderTest.SilentRealm.class)
class SilentIdentityProviderTest {

    /** Listens, and the kernel completes each connection, but nothing ever reads or answers. */
    private static final ServerSocket SILENT = listen();

    private static final String ISSUER = "http://127.0.0.1:" + SILENT.getLocalPort() + "/realms/almaty";

    private static ServerSocket listen() {
        try {
            return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static class SilentRealm implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.oidc.almaty.auth-server-url", ISSUER,
                    "quarkus.oidc.almaty.token.issuer", ISSUER,
                    "quarkus.oidc.almaty.public-key", "");
        }
    }

    @Test
    void aRealmThatNeverAnswersIsAnswered503InsteadOfHoldingTheRequest() {
        String token = TestTokens.tenant("almaty").issuer(ISSUER).sign();
        // Far longer than the discovery's bound, and shorter than the minute after which the idle connection to the
        // silent realm would be dropped: without the bound, the request is still waiting when this gives up.
        RestAssuredConfig patient = RestAssuredConfig.config()
                .httpClient(HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 30_000));
        given().config(patient)
                .auth()
                .oauth2(token)
                .get("/api/v1/referrals")
                .then()
                .statusCode(503)
                .header("Retry-After", "5")
                .contentType("application/problem+json")
                .body("status", equalTo(503));
    }
}
