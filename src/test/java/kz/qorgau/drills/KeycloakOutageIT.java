package kz.qorgau.drills;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.restassured.RestAssured;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import kz.qorgau.demo.KeycloakLauncher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keycloak absent when the service starts, then going away and coming back with another signing key, with the
 * packaged service verifying its tokens by discovery as in production. The service starts without reaching
 * Keycloak and connects to the realm when its first token arrives; issued tokens keep verifying from the keys the
 * service holds; a token signed with the new key is verified once the service fetches the new key set; nothing
 * answers 500. Keycloak keeps its realms in memory, so the Keycloak that comes back has generated new keys: a
 * rotation.
 */
class KeycloakOutageIT {

    private static DrillPostgres postgres;
    private static ServiceProcess service;
    private static KeycloakLauncher keycloak;
    private static int keycloakPort;
    private static String issuer;

    @BeforeAll
    static void start() {
        keycloakPort = KeycloakLauncher.freePort();
        postgres = new DrillPostgres(Path.of("target/drills/keycloak-pg"), ServiceProcess.freePort()).start(true);
        // Keycloak is started by the test, after the service: nothing listens at the issuer yet.
        issuer = "http://127.0.0.1:" + keycloakPort + "/realms/almaty";
        service = ServiceProcess.start(
                "keycloak-outage",
                postgres.jdbcUrl(),
                Map.of(
                        "quarkus.flyway.locations",
                        "db/migration,db/demo",
                        "quarkus.oidc.almaty.auth-server-url",
                        issuer,
                        "quarkus.oidc.almaty.token.issuer",
                        issuer,
                        "quarkus.oidc.almaty.public-key",
                        ""));
        RestAssured.baseURI = "http://127.0.0.1";
        RestAssured.port = service.port;
    }

    @AfterAll
    static void stop() {
        if (keycloak != null) {
            keycloak.close();
        }
        if (service != null) {
            service.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        RestAssured.reset();
        ServiceProcess.pause(1000);
        org.junit.jupiter.api.Assertions.assertEquals(
                List.of(), ServiceProcess.leftRunning(), "processes the drills started and left running");
    }

    private static String inspectorToken() {
        return given().formParams(Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "qorgau-demo",
                        "username",
                        "inspector",
                        "password",
                        "demo"))
                .post(keycloak.issuer("almaty") + "/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    private static int referrals(String token) {
        return given().auth()
                .oauth2(token)
                .queryParam("limit", 1)
                .get("/api/v1/referrals")
                .statusCode();
    }

    private static String keyIdOf(String token) {
        String header = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))));
        return io.restassured.path.json.JsonPath.from(header).getString("kid");
    }

    /** A token naming the realm as its issuer, signed by nobody: only its realm is read before verification. */
    private static String unsignedTokenOf(String issuer) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"RS256\",\"kid\":\"none\"}".getBytes())
                + "." + b64.encodeToString(("{\"iss\":\"" + issuer + "\",\"sub\":\"x\"}").getBytes())
                + ".AAAA";
    }

    @Test
    void theServiceStartsWithoutKeycloakAndIssuedTokensOutliveAnOutageAndARotatedKeyIsPickedUp() throws Exception {
        for (int i = 0; i < 2; i++) {
            // The first request tries the realm and fails; the second, a moment later, waits for a connection that
            // is not made rather than trying again. Neither token can be checked.
            given().auth()
                    .oauth2(unsignedTokenOf(issuer))
                    .get("/api/v1/referrals")
                    .then()
                    .statusCode(503)
                    .header("Retry-After", "5")
                    .contentType("application/problem+json")
                    .body("status", org.hamcrest.Matchers.equalTo(503));
        }
        assertEquals(
                1,
                service.logText()
                        .lines()
                        .filter(l -> l.contains("OIDC server is not available at the"))
                        .count(),
                "one try to reach the realm for the two requests");
        assertEquals(
                401,
                given().auth().oauth2("not-a-token").get("/api/v1/referrals").statusCode(),
                "a token naming no realm is still refused outright");

        keycloak = KeycloakLauncher.start(keycloakPort);
        String issued = inspectorToken();
        long connect = System.nanoTime();
        // Eight calls at once, the first of the realm since Keycloak came up: one connects, the others wait for it.
        ExecutorService callers = Executors.newFixedThreadPool(8);
        List<Future<Integer>> firstCalls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            firstCalls.add(callers.submit(() -> referrals(issued)));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> call : firstCalls) {
            statuses.add(call.get(30, TimeUnit.SECONDS));
        }
        callers.shutdown();
        assertEquals(
                List.of(200, 200, 200, 200, 200, 200, 200, 200),
                statuses,
                "the service connects to the realm when its first tokens after Keycloak's start arrive");
        System.out.printf(
                "[drill] the service started with Keycloak absent; two tokens of its realm answered 503 after one try; once"
                        + " Keycloak was up, eight issued tokens at once all answered 200 within %d ms (discovery and keys"
                        + " fetched then)%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - connect));
        assertEquals(200, referrals(issued), "the service verifies Keycloak's token by discovery");

        keycloak.close();
        long outage = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            assertEquals(200, referrals(issued), "a token issued before the outage verifies from the held keys");
        }
        assertEquals(
                401,
                given().auth().oauth2("not-a-token").get("/api/v1/referrals").statusCode());
        assertEquals(401, given().get("/api/v1/referrals").statusCode());
        ServiceProcess.pause(5000);
        assertEquals(200, referrals(issued), "the held keys do not expire while Keycloak is away");

        keycloak = KeycloakLauncher.start(keycloakPort);
        long outageMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - outage);
        String rotated = inspectorToken();
        assertNotEquals(keyIdOf(issued), keyIdOf(rotated), "the Keycloak that came back signs with a new key");
        long pickUp = System.nanoTime();
        int status = referrals(rotated);
        long pickUpMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - pickUp);
        System.out.printf(
                "[drill] Keycloak down %d ms (stopped, then started again): 21 calls with an issued token all 200; after it came back with key %s "
                        + "(was %s), the first call with the new key answered %d in %d ms%n",
                outageMillis, keyIdOf(rotated), keyIdOf(issued), status, pickUpMillis);
        assertEquals(200, status, "a token signed with the rotated key verifies");
        int old = referrals(issued);
        assertNotEquals(500, old);
        System.out.printf("[drill] the token signed with the retired key now answers %d%n", old);
        assertEquals(
                0,
                service.logText()
                        .lines()
                        .filter(l -> l.contains("Unexpected failure"))
                        .count());
    }
}
