package kz.qorgau.protectiveorder;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.security.Role;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import org.junit.jupiter.api.Test;

/** A breach is of an order in force: not before it was issued, nor after it was revoked. */
@QuarkusTest
class OrderViolationTest {

    private static void report(String token, UUID order, Instant occurredAt, int status) {
        var answer = given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Map.of("occurredAt", occurredAt.toString(), "description", "He came to her door"))
                .post("/api/v1/protective-orders/" + order + "/violations")
                .then()
                .statusCode(status);
        if (status == 400) {
            answer.body("errors[0].field", equalTo("occurredAt"));
        }
    }

    @Test
    void aBreachBeforeTheOrderOrAfterItsRevocationIsRefused() {
        Network almaty = Network.of("almaty");
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        UUID caseId = Flows.caseFile(inspector);
        UUID order = UUID.fromString(Flows.recordOrder(inspector, caseId, Flows.orderBody("PO-" + UUID.randomUUID()))
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        Instant issued = LocalDate.now(ZoneId.of("Asia/Almaty"))
                .atStartOfDay(ZoneId.of("Asia/Almaty"))
                .toInstant();
        report(inspector, order, issued.minusSeconds(1), 400);
        report(inspector, order, Instant.now().minusSeconds(1), 201);
        given().auth()
                .oauth2(inspector)
                .contentType("application/json")
                .body(Map.of("reason", "Revoked by the court"))
                .post("/api/v1/protective-orders/" + order + "/revocation")
                .then()
                .statusCode(200);
        report(inspector, order, Instant.now(), 400);
    }
}
