package kz.qorgau.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsTest {

    @Test
    void readinessIncludesTheDatabase() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsAreExposedForPrometheus() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void callersCannotMintAMetricSeriesPerPathTheyMakeUp() {
        // A method no route has answers 405; were its raw path a label, each made-up path would be a new series.
        String madeUp = "made-up-" + java.util.UUID.randomUUID();
        given().delete("/api/v1/incidents/" + madeUp).then().statusCode(405);
        given().get("/api/v1/" + madeUp).then().statusCode(404);
        given().get("/q/metrics").then().statusCode(200).body(not(containsString(madeUp)));
    }

    @Test
    void openApiDocumentDescribesTheAgencyDirectory() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths.'/api/v1/agencies'", org.hamcrest.Matchers.notNullValue());
    }
}
