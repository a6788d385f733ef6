package kz.qorgau.support;

import static io.restassured.RestAssured.given;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.restassured.RestAssured;

/**
 * Holds a test's calls to the OpenAPI document the service publishes: every request and response of a
 * test that installs it must be one the document allows. Each partner document is a projection of this
 * one (PartnerDocumentsTest), so what passes here is what partners were promised.
 */
public final class Contract {

    private Contract() {}

    /** Validates every REST Assured call of the current test; {@link #uninstall} undoes it. */
    public static void install() {
        String document = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForInlineApiSpecification(document)
                .build();
        RestAssured.replaceFiltersWith(new OpenApiValidationFilter(validator));
    }

    public static void uninstall() {
        RestAssured.replaceFiltersWith(java.util.List.of());
    }
}
