package kz.qorgau.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import kz.qorgau.security.Role;
import kz.qorgau.support.Network;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each kind of bad input gets a clear 4xx problem detail, and nothing answers 500. */
@QuarkusTest
class ProblemDetailsTest {

    private static Network almaty;

    // Quarkus points REST Assured at the test port only per test, so the network is made in the first.
    @BeforeEach
    void network() {
        if (almaty == null) {
            almaty = Network.of("almaty");
        }
    }

    private static RequestSpecification coordinator() {
        return given().auth().oauth2(almaty.coordinator());
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status), "type", startsWith("urn:qorgau:problem:"))
                .body(not(containsString("Exception")))
                .body(not(containsString("kz.qorgau")))
                .body(not(containsString("java.")));
    }

    @Test
    void validationErrorsNameEveryFailingField() {
        problem(
                        coordinator()
                                .contentType("application/json")
                                .body(
                                        "{\"name\": \" \", \"email\": \"not-an-email\", \"phone\": \"call me\", \"district\": \""
                                                + "x".repeat(201) + "\"}")
                                .post("/api/v1/agencies")
                                .then(),
                        400)
                .body("type", equalTo("urn:qorgau:problem:invalid-input"))
                .body("errors.field", hasItems("name", "kind", "email", "phone", "district"));
    }

    @Test
    void malformedJsonIsABadRequest() {
        problem(
                        coordinator()
                                .contentType("application/json")
                                .body("{\"name\": \"Unclosed")
                                .post("/api/v1/agencies")
                                .then(),
                        400)
                .body("type", equalTo("urn:qorgau:problem:malformed-body"));
    }

    /** UTF-8 spells each character one way: an overlong '/' (0xC0 0xAF) was stored as "/" (the outside probe). */
    @Test
    void aBodyThatIsNotStrictUtf8IsABadRequest() {
        byte[] head = "{\"name\": \"a".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] tail = "b\", \"kind\": \"NGO\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.util.List<byte[]> bodies = new java.util.ArrayList<>();
        for (byte[] middle : java.util.List.of(
                new byte[] {(byte) 0xC0, (byte) 0xAF},
                new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})) {
            byte[] body = new byte[head.length + middle.length + tail.length];
            System.arraycopy(head, 0, body, 0, head.length);
            System.arraycopy(middle, 0, body, head.length, middle.length);
            System.arraycopy(tail, 0, body, head.length + middle.length, tail.length);
            bodies.add(body);
        }
        // UTF-16 and UTF-32 without a byte order mark: the JSON parser recognised them and read the body.
        for (java.nio.charset.Charset wide : java.util.List.of(
                java.nio.charset.StandardCharsets.UTF_16LE, java.nio.charset.Charset.forName("UTF-32LE"))) {
            bodies.add("{\"name\": \"Wide\", \"kind\": \"NGO\"}".getBytes(wide));
        }
        for (byte[] body : bodies) {
            problem(
                            coordinator()
                                    .contentType("application/json")
                                    .body(body)
                                    .post("/api/v1/agencies")
                                    .then(),
                            400)
                    .body("type", equalTo("urn:qorgau:problem:malformed-body"));
        }
    }

    @Test
    void missingOrNullBodyIsABadRequest() {
        problem(
                coordinator()
                        .contentType("application/json")
                        .post("/api/v1/agencies")
                        .then(),
                400);
        problem(
                coordinator()
                        .contentType("application/json")
                        .body("null")
                        .post("/api/v1/agencies")
                        .then(),
                400);
        problem(
                coordinator()
                        .contentType("application/json")
                        .body("[]")
                        .post("/api/v1/agencies")
                        .then(),
                400);
    }

    @Test
    void unknownEnumValueInTheBodyNamesTheFieldAndTheAllowedValues() {
        problem(
                        coordinator()
                                .contentType("application/json")
                                .body("{\"name\": \"A\", \"kind\": \"SPACESHIP\"}")
                                .post("/api/v1/agencies")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("kind"))
                .body("errors[0].message", containsString("NGO_CRISIS_CENTRE"))
                .body(not(containsString("SPACESHIP")));
        problem(
                        coordinator()
                                .contentType("application/json")
                                .body(
                                        "{\"name\": \"A\", \"kind\": \"OTHER\", \"services\": [\"SHELTER\", \"TELEPORT\"]}")
                                .post("/api/v1/agencies")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("services[1]"));
    }

    @Test
    void valueOfTheWrongTypeOrAnUnknownFieldIsABadRequest() {
        problem(
                        coordinator()
                                .contentType("application/json")
                                .body("{\"name\": \"A\", \"kind\": \"OTHER\", \"services\": \"SHELTER\"}")
                                .post("/api/v1/agencies")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("services"));
        problem(
                        coordinator()
                                .contentType("application/merge-patch+json")
                                .body("{\"active\": \"perhaps\"}")
                                .patch("/api/v1/agencies/" + almaty.police)
                                .then(),
                        400)
                .body("errors[0].field", equalTo("active"));
        problem(
                        coordinator()
                                .contentType("application/json")
                                .body("{\"name\": \"A\", \"kind\": \"OTHER\", \"servces\": []}")
                                .post("/api/v1/agencies")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("servces"));
    }

    @Test
    void wrongContentTypeIsUnsupported() {
        problem(
                coordinator()
                        .contentType("text/plain")
                        .body("name=A")
                        .post("/api/v1/agencies")
                        .then(),
                415);
    }

    @Test
    void unacceptableResponseTypeIsRefused() {
        problem(coordinator().accept("application/xml").get("/api/v1/agencies").then(), 406);
    }

    @Test
    void bodyOverTheSizeLimitIsRefusedBeforeItIsRead() {
        String huge = "{\"name\": \"" + "x".repeat(300_000) + "\", \"kind\": \"OTHER\"}";
        problem(
                coordinator()
                        .contentType("application/json")
                        .body(huge)
                        .post("/api/v1/agencies")
                        .then(),
                413);
    }

    @Test
    void unknownQueryParameterValueNamesTheParameter() {
        problem(
                        coordinator()
                                .queryParam("kind", "SPACESHIP")
                                .get("/api/v1/agencies")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("kind"));
        problem(
                        coordinator()
                                .queryParam("service", "teleport")
                                .get("/api/v1/agencies")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("service"));
    }

    @Test
    void pageSizeOutsideItsLimitsIsABadRequest() {
        problem(coordinator().queryParam("limit", 0).get("/api/v1/agencies").then(), 400)
                .body("errors.field", hasItem("limit"));
        problem(coordinator().queryParam("limit", 101).get("/api/v1/agencies").then(), 400)
                .body("errors.field", hasItem("limit"));
        problem(coordinator().queryParam("limit", "ten").get("/api/v1/agencies").then(), 400);
    }

    @Test
    void malformedCursorIsABadRequest() {
        problem(
                        coordinator()
                                .queryParam("cursor", "not a cursor!")
                                .get("/api/v1/agencies")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("cursor"));
        problem(
                        coordinator()
                                .queryParam("cursor", "Zm9v")
                                .get("/api/v1/agencies")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void malformedIdOrIfMatchIsABadRequest() {
        problem(coordinator().get("/api/v1/agencies/42").then(), 400);
        problem(
                        coordinator()
                                .contentType("application/merge-patch+json")
                                .header("If-Match", "yesterday")
                                .body("{}")
                                .patch("/api/v1/agencies/" + almaty.police)
                                .then(),
                        400)
                .body("errors[0].field", equalTo("If-Match"));
    }

    @Test
    void unknownAgencyIsNotFound() {
        problem(
                coordinator()
                        .get("/api/v1/agencies/00000000-0000-7000-8000-000000000000")
                        .then(),
                404);
    }

    @Test
    void unknownPathAndMethodAreProblemsToo() {
        problem(coordinator().get("/api/v1/nothing-here").then(), 404);
        problem(coordinator().delete("/api/v1/agencies/" + almaty.police).then(), 405);
    }

    @Test
    void forbiddenIsAProblemDetail() {
        problem(
                given().auth()
                        .oauth2(almaty.token(Role.AUDITOR, almaty.police))
                        .contentType("application/json")
                        .body("{\"name\": \"A\", \"kind\": \"OTHER\"}")
                        .post("/api/v1/agencies")
                        .then(),
                403);
    }

    @Test
    void textWithANulCharacterIsABadRequest() {
        problem(
                        coordinator()
                                .contentType("application/json")
                                .body("{\"name\": \"Bad\\u0000name\", \"kind\": \"OTHER\"}")
                                .post("/api/v1/agencies")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("name"));
        problem(
                        coordinator()
                                .queryParam(
                                        "cursor",
                                        java.util.Base64.getUrlEncoder()
                                                .encodeToString("x\u0000y\u001f00000000-0000-7000-8000-000000000000"
                                                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                                .get("/api/v1/agencies")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void phoneLongerThanItsColumnIsABadRequest() {
        problem(
                        coordinator()
                                .contentType("application/json")
                                .body("{\"name\": \"Long phone\", \"kind\": \"OTHER\", \"phone\": \"+" + "1".repeat(40)
                                        + "\"}")
                                .post("/api/v1/agencies")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("phone"));
    }

    @Test
    void datesOutsideAPlausibleRangeAreBadRequests() {
        String dispatch = almaty.token(Role.POLICE_DISPATCH, almaty.police);
        // Dates no call-out was ever made at: they would only skew her history of incidents.
        for (String at : java.util.List.of("-5000-01-01T00:00:00Z", "1900-01-01T00:00:00Z")) {
            problem(
                            given().auth()
                                    .oauth2(dispatch)
                                    .contentType("application/json")
                                    .body(kz.qorgau.support.Flows.incidentBody(null)
                                            .replaceFirst(
                                                    "\"occurredAt\": \"[^\"]+\"", "\"occurredAt\": \"" + at + "\""))
                                    .post("/api/v1/incidents")
                                    .then(),
                            400)
                    .body("errors[0].field", equalTo("occurredAt"));
        }
        problem(
                        given().auth()
                                .oauth2(dispatch)
                                .queryParam("updatedSince", "+300000-01-01T00:00:00Z")
                                .get("/api/v1/incidents")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("updatedSince"));
    }
}
