package kz.qorgau.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import kz.qorgau.security.Role;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import org.junit.jupiter.api.Test;

/** What the request's own headers and path cannot make the service do. */
@QuarkusTest
class HostileEdgesTest {

    @Test
    void theLocationOfANewResourceIsNotTakenFromTheHostHeader() {
        Network almaty = Network.of("almaty");
        given().auth()
                .oauth2(almaty.token(Role.POLICE_INSPECTOR, almaty.police))
                .header("Host", "evil.example")
                .header("X-Forwarded-Host", "evil.example")
                .contentType("application/json")
                .body(Flows.openCaseBody())
                .post("/api/v1/cases")
                .then()
                .statusCode(201)
                .header("Location", startsWith("/api/v1/cases/"))
                .header("Location", not(containsString("evil")));
    }

    @Test
    void noEncodedOrDotPathReachesAnotherRoute() {
        for (String path : List.of(
                "/api/%2e%2e/q/health",
                "/api/v1/%2e%2e/%2e%2e/q/metrics",
                "/api/v1/%2E%2E/q/openapi",
                "/api/v1/cases%2f..%2fq%2fhealth",
                "/api/v1/../../q/health")) {
            given().urlEncodingEnabled(false)
                    .get(path)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("status", equalTo(400));
        }
    }

    @Test
    void aTokenForAnotherClientOrWithRolesOutsideTheRealmRolesGetsNothing() {
        Network almaty = Network.of("almaty");
        // Meant for another client of the realm: not for this API.
        given().auth()
                .oauth2(kz.qorgau.support.TestTokens.tenant("almaty")
                        .agency(almaty.police)
                        .roles(Role.POLICE_INSPECTOR)
                        .audience("account")
                        .sign())
                .get("/api/v1/referrals")
                .then()
                .statusCode(401);
        // A groups claim naming a role is no role: only the realm's roles count.
        given().auth()
                .oauth2(kz.qorgau.support.TestTokens.tenant("almaty")
                        .groups("coordinator")
                        .sign())
                .contentType("application/json")
                .body("{\"name\": \"Ghost agency\", \"kind\": \"POLICE\", \"services\": []}")
                .post("/api/v1/agencies")
                .then()
                .statusCode(403);
    }
}
