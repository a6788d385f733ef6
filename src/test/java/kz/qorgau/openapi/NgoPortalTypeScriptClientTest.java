package kz.qorgau.openapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import kz.qorgau.security.Role;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import org.junit.jupiter.api.Test;

/**
 * A portal written in TypeScript, as most are: the client openapi-generator's typescript-fetch makes from the
 * committed ngo-portal.yaml, compiled by tsc (openapi/package-lock.json) in the build, and
 * openapi/examples/ngo-portal-flow.ts run by Node against the service: pull, accept, start, complete.
 */
@QuarkusTest
class NgoPortalTypeScriptClientTest {

    @TestHTTPResource("/")
    URL service;

    @Test
    void aTypeScriptPortalPullsAcceptsStartsAndCompletesAReferral() throws Exception {
        Network almaty = Network.of("almaty");
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        UUID caseId = Flows.caseFile(inspector);
        Flows.recordConsent(inspector, caseId, almaty.crisisCentre).then().statusCode(201);
        UUID sent = Flows.referral(inspector, caseId, almaty.crisisCentre);
        String token = almaty.token(Role.NGO_CASEWORKER, almaty.crisisCentre);

        ProcessBuilder node = new ProcessBuilder("node", "target/ts-clients/openapi/examples/ngo-portal-flow.js");
        node.environment()
                .putAll(Map.of(
                        "QORGAU_BASE_URL", service.toString().replaceAll("/$", ""),
                        "QORGAU_TOKEN", token,
                        "QORGAU_REFERRAL_ID", sent.toString()));
        node.redirectErrorStream(true);
        Process process = node.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the portal finished");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("stale version refused: ru Предварительное условие не выполнено"), output);
        assertTrue(output.contains(sent + " COMPLETED GOALS_MET"), output);

        given().auth()
                .oauth2(token)
                .get("/api/v1/referrals/" + sent)
                .then()
                .statusCode(200)
                .body("state", equalTo("COMPLETED"), "assignee", equalTo("portal-intake"));
    }
}
