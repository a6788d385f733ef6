package kz.qorgau.support;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The calls a hand-off is made of, as small builders, so scenario tests read as the scenario. */
public final class Flows {

    private Flows() {
    }

    public static String incidentBody(String externalReference) {
        return """
                {"externalReference": %s, "occurredAt": "%s", "district": "Almaly",
                 "violenceKinds": ["PHYSICAL", "THREATS"], "childrenPresent": true, "weaponsInvolved": false,
                 "injuries": true, "description": "Neighbours called about screaming",
                 "persons": [{"role": "VICTIM", "name": "A. S.", "age": 34}, {"role": "CHILD", "age": 6}]}
                """.formatted(externalReference == null ? "null" : "\"" + externalReference + "\"",
                Instant.now().minus(2, ChronoUnit.HOURS));
    }

    public static Response reportIncident(String token, String externalReference) {
        return given().auth().oauth2(token).contentType("application/json").body(incidentBody(externalReference))
                .post("/api/v1/incidents");
    }

    public static UUID incident(String token) {
        return UUID.fromString(reportIncident(token, "CAD-" + UUID.randomUUID()).then().statusCode(201)
                .extract().path("id"));
    }

    public static Response openCase(String token, UUID... incidents) {
        String ids = java.util.Arrays.stream(incidents).map(i -> "\"" + i + "\"").collect(Collectors.joining(","));
        return given().auth().oauth2(token).contentType("application/json").body("""
                        {"survivor": {"fullName": "Aigerim Sultanova", "birthDate": "1991-04-02",
                                      "phone": "+7 701 555 12 12", "address": "Almaty, Abay ave 10, apt 5"},
                         "riskLevel": "HIGH", "incidentIds": [%s], "summary": "Repeated assaults by partner"}
                        """.formatted(ids))
                .post("/api/v1/cases");
    }

    public static UUID caseFile(String token, UUID... incidents) {
        return UUID.fromString(openCase(token, incidents).then().statusCode(201).extract().path("id"));
    }

    public static Response recordConsent(String token, UUID caseId, UUID... recipients) {
        String ids = java.util.Arrays.stream(recipients).map(i -> "\"" + i + "\"").collect(Collectors.joining(","));
        return given().auth().oauth2(token).contentType("application/json").body("""
                        {"recipientAgencyIds": [%s], "categories": ["IDENTITY", "CONTACT", "INCIDENT_DETAILS"],
                         "method": "WRITTEN"}
                        """.formatted(ids))
                .post("/api/v1/cases/" + caseId + "/consents");
    }

    public static Response refer(String token, UUID caseId, UUID receiver, boolean submit) {
        return given().auth().oauth2(token).contentType("application/json").body("""
                        {"caseId": "%s", "receiverAgencyId": "%s", "servicesRequested": ["SHELTER", "PSYCHOLOGICAL_COUNSELLING"],
                         "note": "Needs a safe place tonight with her son", "submit": %s}
                        """.formatted(caseId, receiver, submit))
                .post("/api/v1/referrals");
    }

    public static UUID referral(String token, UUID caseId, UUID receiver) {
        return UUID.fromString(refer(token, caseId, receiver, true).then().statusCode(201).extract().path("id"));
    }

    public static String etag(String token, UUID referral) {
        return given().auth().oauth2(token).get("/api/v1/referrals/" + referral).then().statusCode(200)
                .extract().header("ETag");
    }

    /** Fires an action at the version the caller reads first; extra fields go into the body as given. */
    public static Response fire(String token, UUID referral, String action, Map<String, Object> extra) {
        return fireAt(token, referral, etag(token, referral), action, extra);
    }

    public static Response fire(String token, UUID referral, String action) {
        return fire(token, referral, action, Map.of());
    }

    public static Response fireAt(String token, UUID referral, String etag, String action, Map<String, Object> extra) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(extra);
        body.put("action", action);
        var request = given().auth().oauth2(token).contentType("application/json").body(body);
        if (etag != null) {
            request.header("If-Match", etag);
        }
        return request.post("/api/v1/referrals/" + referral + "/transitions");
    }
}
