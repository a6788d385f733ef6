package kz.qorgau.referral;

import static io.restassured.RestAssured.given;
import static kz.qorgau.support.Flows.fire;
import static kz.qorgau.support.Flows.fireAt;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.notification.OutboxRelay;
import kz.qorgau.security.Role;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each kind of bad request to the lifecycle gets a 4xx problem detail that says what was wrong. */
@QuarkusTest
class ReferralBadInputTest {

    @Inject
    OutboxRelay relay;

    private static Network almaty;
    private static String inspector;
    private static String receiver;
    private static UUID caseId;

    @BeforeEach
    void network() {
        if (almaty == null) {
            almaty = Network.of("almaty");
            inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
            receiver = almaty.token(Role.SOCIAL_WORKER, almaty.socialProtection);
            caseId = Flows.caseFile(inspector);
            Flows.recordConsent(inspector, caseId, almaty.socialProtection)
                    .then()
                    .statusCode(201);
        }
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body(not(containsString("Exception")), not(containsString("kz.qorgau")));
    }

    private UUID submitted() {
        return Flows.referral(inspector, caseId, almaty.socialProtection);
    }

    @Test
    void unknownActionNamesTheAllowedOnes() {
        problem(fire(receiver, submitted(), "TELEPORT").then(), 400)
                .body("errors[0].field", equalTo("action"))
                .body("errors[0].message", containsString("ACKNOWLEDGE"));
    }

    @Test
    void missingRequiredReasonIsABadRequest() {
        problem(fire(receiver, submitted(), "DECLINE").then(), 400).body("errors.field", hasItem("reasonCode"));
        problem(
                        fire(receiver, submitted(), "DECLINE", Map.of("reasonCode", "OTHER"))
                                .then(),
                        400)
                .body("errors.field", hasItem("note"));
        problem(
                        fire(receiver, submitted(), "DECLINE", Map.of("reasonCode", "BORED"))
                                .then(),
                        400)
                .body("errors[0].field", equalTo("reasonCode"));
    }

    @Test
    void aReasonOfInvisibleCharactersIsNoReason() {
        // Consent covers the social protection department only: the crisis centre needs a readable reason.
        for (String invisible : List.of("   ", "\u00a0", "\u200b", "\u2003\u200d")) {
            problem(
                            given().auth()
                                    .oauth2(inspector)
                                    .contentType("application/json")
                                    .body(Map.of(
                                            "caseId",
                                            caseId,
                                            "receiverAgencyId",
                                            almaty.crisisCentre,
                                            "servicesRequested",
                                            List.of("SHELTER"),
                                            "submit",
                                            true,
                                            "emergencyReason",
                                            invisible))
                                    .post("/api/v1/referrals")
                                    .then(),
                            409)
                    .body("type", containsString("consent-required"));
        }
        problem(
                        fire(receiver, submitted(), "DECLINE", Map.of("reasonCode", "OTHER", "note", "\u200b\u00a0"))
                                .then(),
                        400)
                .body("errors.field", hasItem("note"));
    }

    @Test
    void actionNotAllowedNowAnswersConflictWithTheAllowedActions() {
        UUID referral = submitted();
        problem(fire(receiver, referral, "START").then(), 409)
                .body("type", equalTo("urn:qorgau:problem:action-not-allowed"))
                .body("state", equalTo("SUBMITTED"))
                .body("allowedActions", equalTo(List.of("ACKNOWLEDGE", "ACCEPT", "DECLINE", "WITHDRAW")));
        // The sender may not fire the receiver's actions.
        problem(fire(inspector, referral, "ACCEPT").then(), 409)
                .body("allowedActions", equalTo(List.of("CANCEL", "WITHDRAW")));
    }

    @Test
    void noTransitionOnATerminalReferral() {
        UUID referral = submitted();
        fire(inspector, referral, "CANCEL", Map.of("note", "Survivor is safe with family"))
                .then()
                .statusCode(200)
                .body("state", equalTo("CANCELLED"));
        for (String action : List.of("ACCEPT", "WITHDRAW", "CANCEL", "SUBMIT")) {
            problem(fire(inspector, referral, action, Map.of("note", "again")).then(), 409)
                    .body("allowedActions", equalTo(List.of()));
        }
    }

    @Test
    void unknownIdsAreNotFound() {
        UUID nobody = UUID.randomUUID();
        problem(
                given().auth()
                        .oauth2(receiver)
                        .get("/api/v1/referrals/" + nobody)
                        .then(),
                404);
        problem(
                given().auth()
                        .oauth2(receiver)
                        .get("/api/v1/referrals/" + nobody + "/history")
                        .then(),
                404);
        problem(fireAt(receiver, nobody, "\"0\"", "ACCEPT", Map.of()).then(), 404);
        problem(Flows.refer(inspector, nobody, almaty.socialProtection, true).then(), 404);
        problem(Flows.refer(inspector, caseId, nobody, true).then(), 400)
                .body("errors[0].field", equalTo("receiverAgencyId"));
        problem(
                given().auth()
                        .oauth2(inspector)
                        .get("/api/v1/incidents/" + nobody)
                        .then(),
                404);
        problem(given().auth().oauth2(inspector).get("/api/v1/cases/" + nobody).then(), 404);
    }

    @Test
    void oversizedNoteIsABadRequest() {
        problem(
                        fire(inspector, submitted(), "CANCEL", Map.of("note", "x".repeat(2001)))
                                .then(),
                        400)
                .body("errors[0].field", equalTo("note"));
    }

    @Test
    void malformedCursorAndDatesAreBadRequests() {
        problem(
                        given().auth()
                                .oauth2(receiver)
                                .queryParam("cursor", "bm90IGEgY3Vyc29y")
                                .get("/api/v1/referrals")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("cursor"));
        problem(
                        given().auth()
                                .oauth2(receiver)
                                .queryParam("updatedSince", "yesterday")
                                .get("/api/v1/referrals")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("updatedSince"));
        problem(
                        given().auth()
                                .oauth2(receiver)
                                .queryParam("direction", "sideways")
                                .get("/api/v1/referrals")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("direction"));
        problem(
                        given().auth()
                                .oauth2(receiver)
                                .queryParam("state", "LOST")
                                .get("/api/v1/referrals")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("state"));
    }

    @Test
    void transitionWithoutIfMatchIsRefusedAndAStaleOneFails() {
        UUID referral = submitted();
        problem(fireAt(receiver, referral, null, "ACKNOWLEDGE", Map.of()).then(), 428);
        String etag = Flows.etag(receiver, referral);
        fireAt(receiver, referral, etag, "ACKNOWLEDGE", Map.of()).then().statusCode(200);
        problem(fireAt(receiver, referral, etag, "ACCEPT", Map.of()).then(), 412);
    }

    @Test
    void submittingWithoutConsentOrEmergencyReasonIsRefused() {
        UUID noConsentCase = Flows.caseFile(inspector);
        problem(Flows.refer(inspector, noConsentCase, almaty.crisisCentre, true).then(), 409)
                .body("type", equalTo("urn:qorgau:problem:consent-required"));
        // The emergency exception lets it go, with its reason kept on the referral.
        given().auth()
                .oauth2(inspector)
                .contentType("application/json")
                .body("""
                        {"caseId": "%s", "receiverAgencyId": "%s", "servicesRequested": ["SHELTER"], "submit": true,
                         "emergencyReason": "Perpetrator released today; survivor unreachable for consent"}
                        """.formatted(noConsentCase, almaty.crisisCentre))
                .post("/api/v1/referrals")
                .then()
                .statusCode(201)
                .body("state", equalTo("SUBMITTED"), "emergencyReason", containsString("Perpetrator"));
    }

    @Test
    void referralToOnesOwnAgencyOrWithoutServicesIsABadRequest() {
        problem(Flows.refer(inspector, caseId, almaty.police, false).then(), 400)
                .body("errors[0].field", equalTo("receiverAgencyId"));
        problem(
                        given().auth()
                                .oauth2(inspector)
                                .contentType("application/json")
                                .body("{\"caseId\": \"" + caseId + "\", \"receiverAgencyId\": \"" + almaty.crisisCentre
                                        + "\", \"servicesRequested\": []}")
                                .post("/api/v1/referrals")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("servicesRequested"));
    }

    @Test
    void draftIsSubmittedLaterBySender() {
        UUID draft = UUID.fromString(Flows.refer(inspector, caseId, almaty.socialProtection, false)
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        given().auth()
                .oauth2(inspector)
                .get("/api/v1/referrals/" + draft + "/actions")
                .then()
                .body("actions", equalTo(List.of("SUBMIT", "CANCEL", "WITHDRAW")));
        // Until it is sent, the receiver neither sees it nor finds it in its list.
        problem(
                given().auth()
                        .oauth2(receiver)
                        .get("/api/v1/referrals/" + draft)
                        .then(),
                404);
        given().auth()
                .oauth2(receiver)
                .queryParam("limit", 100)
                .get("/api/v1/referrals")
                .then()
                .body("items.id", not(hasItem(draft.toString())));
        fire(inspector, draft, "SUBMIT").then().statusCode(200).body("state", equalTo("SUBMITTED"));
        given().auth().oauth2(receiver).get("/api/v1/referrals/" + draft).then().statusCode(200);
    }

    @Test
    void aDraftCancelledBeforeItWasSentNeverReachesItsReceiver() {
        UUID draft = UUID.fromString(Flows.refer(inspector, caseId, almaty.socialProtection, false)
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        fire(inspector, draft, "CANCEL", Map.of("note", "Written by mistake"))
                .then()
                .statusCode(200)
                .body("state", equalTo("CANCELLED"));
        relay.relay();
        // Cancelled, it is no longer a draft, but it was never sent: the receiver learns nothing of it.
        problem(
                given().auth()
                        .oauth2(receiver)
                        .get("/api/v1/referrals/" + draft)
                        .then(),
                404);
        given().auth()
                .oauth2(receiver)
                .queryParam("limit", 100)
                .get("/api/v1/referrals")
                .then()
                .body("items.id", not(hasItem(draft.toString())));
        given().auth()
                .oauth2(receiver)
                .queryParam("limit", 500)
                .get("/api/v1/events")
                .then()
                .statusCode(200)
                .body("items.aggregateId", not(hasItem(draft.toString())));
        given().auth()
                .oauth2(inspector)
                .get("/api/v1/referrals/" + draft)
                .then()
                .statusCode(200);
    }
}
