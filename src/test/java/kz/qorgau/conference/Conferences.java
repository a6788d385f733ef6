package kz.qorgau.conference;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** The calls of a risk conference, as small builders, so that its tests read as the meeting does. */
public final class Conferences {

    private Conferences() {}

    public static Response createSeries(String token, String district, UUID chair, UUID... members) {
        StringBuilder ids = new StringBuilder();
        for (UUID member : members) {
            ids.append(ids.isEmpty() ? "" : ",").append('"').append(member).append('"');
        }
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body("{\"name\":\"MARAC " + district + "\",\"district\":\"" + district + "\",\"chairAgencyId\":\""
                        + chair + "\",\"memberAgencyIds\":[" + ids + "]}")
                .post("/api/v1/conference-series");
    }

    public static UUID series(String token, String district, UUID chair, UUID... members) {
        return UUID.fromString(createSeries(token, district, chair, members)
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
    }

    public static Response schedule(String token, UUID series, Instant at) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("scheduledFor", at.toString()))
                .post("/api/v1/conference-series/" + series + "/meetings");
    }

    public static UUID meeting(String token, UUID series, Instant at) {
        return UUID.fromString(
                schedule(token, series, at).then().statusCode(201).extract().path("id"));
    }

    public static Response propose(String token, UUID caseId, UUID series, String reason) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("seriesId", series.toString(), "reason", reason))
                .post("/api/v1/cases/" + caseId + "/conference-proposals");
    }

    /**
     * An agency proposes her case and then assesses her risk at DASH's threshold, as a case must be before it is
     * listed; the assessment finds the case already waiting and proposes nothing more.
     */
    public static UUID proposedAtHighRisk(String inspector, UUID caseId, UUID series, String reason) {
        UUID item = UUID.fromString(propose(inspector, caseId, series, reason)
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        kz.qorgau.support.Flows.assess(
                        inspector, caseId, Map.of("answers", kz.qorgau.support.Flows.answersScoring(inspector, 14)))
                .then()
                .statusCode(201);
        return item;
    }

    public static Response decide(String token, UUID conferenceCase, String verdict, UUID meeting, String reason) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("verdict", verdict, "reason", reason));
        if (meeting != null) {
            body.put("meetingId", meeting.toString());
        }
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/conference-cases/" + conferenceCase + "/decision");
    }

    public static Response queue(String token, UUID series, String status) {
        return given().auth()
                .oauth2(token)
                .queryParam("status", status)
                .get("/api/v1/conference-series/" + series + "/cases");
    }

    public static Response research(
            String token, UUID conferenceCase, String survivor, String children, String perpetrator) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("survivor", survivor, "children", children, "perpetrator", perpetrator))
                .put("/api/v1/conference-cases/" + conferenceCase + "/research");
    }

    public static Response action(String token, UUID conferenceCase, UUID owner, String description, Instant due) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("ownerAgencyId", owner.toString(), "description", description, "dueAt", due.toString()))
                .post("/api/v1/conference-cases/" + conferenceCase + "/actions");
    }

    public static Response referralAction(
            String token, UUID conferenceCase, UUID owner, String description, Instant due, UUID receiver) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "ownerAgencyId", owner.toString(),
                        "description", description,
                        "dueAt", due.toString(),
                        "referral",
                                Map.of("receiverAgencyId", receiver.toString(), "servicesRequested", new String[] {
                                    "SHELTER"
                                })))
                .post("/api/v1/conference-cases/" + conferenceCase + "/actions");
    }

    public static Response complete(String token, UUID action, String note) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("note", note))
                .post("/api/v1/conference-actions/" + action + "/completion");
    }

    public static Response attendance(String token, UUID meeting, UUID... agencies) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "agencyIds",
                        java.util.Arrays.stream(agencies).map(UUID::toString).toList()))
                .put("/api/v1/conference-meetings/" + meeting + "/attendance");
    }

    public static Response get(String token, String path) {
        return given().auth().oauth2(token).get(path);
    }

    /**
     * One case heard with every free text a conference keeps, sealed: a proposal's reason, the chair's decision,
     * research of each kind, risks and minutes, an action done with a note. For tests of what holds sealed values.
     */
    public static UUID heardWithEverything(kz.qorgau.support.Network network) {
        String inspector = network.token(kz.qorgau.security.Role.POLICE_INSPECTOR, network.police);
        String chair = network.token(kz.qorgau.security.Role.SOCIAL_WORKER, network.socialProtection);
        UUID series = series(network.coordinator(), "Almaly", network.socialProtection, network.police);
        UUID caseId = kz.qorgau.support.Flows.caseFile(
                inspector,
                kz.qorgau.support.Flows.incident(
                        network.token(kz.qorgau.security.Role.POLICE_DISPATCH, network.police)));
        UUID item = proposedAtHighRisk(inspector, caseId, series, "Threats to kill");
        UUID meeting = meeting(chair, series, Instant.now().minusSeconds(60));
        decide(chair, item, "LIST", meeting, "Agreed").then().statusCode(200);
        research(inspector, item, "Known to us", "A boy of six", "Owns a rifle")
                .then()
                .statusCode(200);
        attendance(chair, meeting, network.police, network.socialProtection)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(chair)
                .contentType(ContentType.JSON)
                .body(Map.of("risks", "Firearm", "minutes", "Agreed"))
                .put("/api/v1/conference-cases/" + item + "/minutes")
                .then()
                .statusCode(200);
        UUID action = UUID.fromString(
                action(chair, item, network.police, "Visit", Instant.now().plusSeconds(86400))
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"));
        complete(inspector, action, "Visited").then().statusCode(200);
        return caseId;
    }
}
