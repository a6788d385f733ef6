package kz.qorgau.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.security.Role;
import kz.qorgau.support.Network;
import org.junit.jupiter.api.Test;

/** A body is read as written: a value of the wrong JSON type, or a key given twice, is refused, not converted. */
@QuarkusTest
class StrictJsonTest {

    private static Map<String, Object> incident() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("externalReference", "CAD-" + UUID.randomUUID());
        body.put("occurredAt", Instant.now().minus(1, ChronoUnit.HOURS).toString());
        body.put("district", "Almaly");
        body.put("violenceKinds", List.of("PHYSICAL"));
        body.put("childrenPresent", true);
        body.put("weaponsInvolved", false);
        body.put("injuries", false);
        body.put("persons", List.of(Map.of("role", "VICTIM", "age", 30)));
        return body;
    }

    @Test
    void valuesOfTheWrongTypeAreRefusedNamingTheField() {
        Network almaty = Network.of("almaty");
        String dispatch = almaty.token(Role.POLICE_DISPATCH, almaty.police);
        List<List<Object>> wrongs = List.of(
                List.of("childrenPresent", "true"),
                List.of("weaponsInvolved", 0),
                List.of("injuries", "no"),
                List.of("district", 5),
                List.of("district", true),
                List.of("occurredAt", 1764700000L),
                List.of("occurredAt", "1764700000"),
                List.of("occurredAt", "2026-01-01"),
                List.of("externalReference", 12345),
                List.of("violenceKinds", "PHYSICAL"),
                List.of("violenceKinds", List.of(0)),
                List.of("persons", List.of(Map.of("role", "VICTIM", "age", 1.5))),
                List.of("persons", List.of(Map.of("role", "VICTIM", "age", "30"))));
        List<String> taken = new java.util.ArrayList<>();
        for (List<Object> wrong : wrongs) {
            Map<String, Object> body = incident();
            body.put((String) wrong.get(0), wrong.get(1));
            var answer = given().auth()
                    .oauth2(dispatch)
                    .contentType("application/json")
                    .body(body)
                    .post("/api/v1/incidents");
            if (answer.statusCode() != 400
                    || !answer.contentType().startsWith("application/problem+json")
                    || !answer.<String>path("errors[0].field").startsWith((String) wrong.get(0))) {
                taken.add(wrong + " answered " + answer.statusCode() + " " + answer.asString());
            }
        }
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), taken);
        // The message says what the field takes, not what some other refusal would.
        Map<String, Object> numberForText = incident();
        numberForText.put("district", 5);
        given().auth()
                .oauth2(dispatch)
                .contentType("application/json")
                .body(numberForText)
                .post("/api/v1/incidents")
                .then()
                .statusCode(400)
                .body("errors[0].message", org.hamcrest.Matchers.equalTo("must be a string"));
        // Half a surrogate pair would be stored as '?': refused, not corrupted.
        String body = new com.fasterxml.jackson.databind.ObjectMapper()
                .valueToTree(incident())
                .toString()
                .replace("\"district\":\"Almaly\"", "\"district\":\"Alm\\ud800aly\"");
        given().auth()
                .oauth2(dispatch)
                .contentType("application/json")
                .body(body)
                .post("/api/v1/incidents")
                .then()
                .statusCode(400)
                .body(
                        "errors[0].field", org.hamcrest.Matchers.equalTo("district"),
                        "errors[0].message", org.hamcrest.Matchers.containsString("unpaired surrogates"));
        // The body as it should be is taken: the refusals above are the values', not the body's.
        given().auth()
                .oauth2(dispatch)
                .contentType("application/json")
                .body(incident())
                .post("/api/v1/incidents")
                .then()
                .statusCode(201);
    }

    @Test
    void aKeyGivenTwiceIsRefused() {
        Network almaty = Network.of("almaty");
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        given().auth()
                .oauth2(inspector)
                .contentType("application/json")
                .body("""
                        {"survivor": {"fullName": "A"}, "riskLevel": "HIGH", "survivor": {"fullName": "B"}}""")
                .post("/api/v1/cases")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400));
        given().auth()
                .oauth2(inspector)
                .contentType("application/json")
                .body("""
                        {"survivor": {"fullName": "A"}, "riskLevel": 0}""")
                .post("/api/v1/cases")
                .then()
                .statusCode(400)
                .body("errors[0].field", endsWith("riskLevel"));
        given().auth()
                .oauth2(inspector)
                .contentType("application/json")
                .body("""
                        {"survivor": {"fullName": "A", "birthDate": 19000}}""")
                .post("/api/v1/cases")
                .then()
                .statusCode(400)
                .body("errors[0].field", endsWith("birthDate"));
    }

    @Test
    void aBodyMustSayHowLongItIsAndWhatItIs() throws Exception {
        Network almaty = Network.of("almaty");
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        byte[] body = ("{\"survivor\": {\"fullName\": \"A\"}, \"summary\": \"" + "a".repeat(300_000) + "\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var chunked = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + "/api/v1/cases"))
                .header("Authorization", "Bearer " + inspector)
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(body)))
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .build();
        var answer = java.net.http.HttpClient.newHttpClient()
                .send(chunked, java.net.http.HttpResponse.BodyHandlers.ofString());
        org.junit.jupiter.api.Assertions.assertEquals(411, answer.statusCode());
        org.junit.jupiter.api.Assertions.assertTrue(
                answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        given().auth()
                .oauth2(inspector)
                .contentType("*/*")
                .body("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/cases")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void aBodyIsUtf8() {
        Network almaty = Network.of("almaty");
        String dispatch = almaty.token(Role.POLICE_DISPATCH, almaty.police);
        String incident = kz.qorgau.support.Flows.incidentBody("CAD-" + java.util.UUID.randomUUID());
        // A parser would guess UTF-16 from the bytes and read it: the API does not.
        given().auth()
                .oauth2(dispatch)
                .contentType("application/json; charset=utf-16")
                .body(incident.getBytes(java.nio.charset.StandardCharsets.UTF_16))
                .post("/api/v1/incidents")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(dispatch)
                .contentType("application/json; charset=UTF-8")
                .body(incident.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201);
    }
}
