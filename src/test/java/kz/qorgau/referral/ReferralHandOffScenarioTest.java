package kz.qorgau.referral;

import static io.restassured.RestAssured.given;
import static kz.qorgau.support.Flows.fire;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.security.Role;
import kz.qorgau.support.Contract;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hand-off the product exists for, walked end to end through HTTP: police dispatch reports, an
 * inspector opens a case and refers the survivor to social protection, which refers her onward; the first
 * crisis centre has no room, the second takes her in and completes the work.
 */
@QuarkusTest
class ReferralHandOffScenarioTest {

    // Every call of the scenario must be one the published OpenAPI document allows.
    @BeforeEach
    void holdToTheContract() {
        Contract.install();
    }

    @AfterEach
    void release() {
        Contract.uninstall();
    }

    @Test
    void survivorIsHandedFromPoliceToSocialProtectionToASecondCrisisCentreAfterTheFirstDeclines() {
        Network almaty = Network.of("almaty");
        UUID secondCentre = almaty.register(
                almaty.uniqueName("Second crisis centre"),
                "NGO_CRISIS_CENTRE",
                "[\"SHELTER\", \"PSYCHOLOGICAL_COUNSELLING\"]");
        String district = almaty.uniqueName("Almaly");
        String dispatch = almaty.token(Role.POLICE_DISPATCH, almaty.police);
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        String socialWorker = almaty.token(Role.SOCIAL_WORKER, almaty.socialProtection);
        String firstCentre = almaty.token(Role.NGO_CASEWORKER, almaty.crisisCentre);
        String secondCentreWorker = almaty.token(Role.NGO_CASEWORKER, secondCentre);

        // Police dispatch reports; the inspector of the same precinct opens a case and records consent.
        UUID incident = Flows.incident(dispatch);
        UUID caseId = Flows.caseFile(inspector, incident);
        Flows.recordConsent(inspector, caseId, almaty.socialProtection, almaty.crisisCentre, secondCentre)
                .then()
                .statusCode(201);

        // The inspector refers her to social protection, which finds it in its incoming list.
        UUID toSocial = Flows.referral(inspector, caseId, almaty.socialProtection);
        given().auth()
                .oauth2(socialWorker)
                .queryParam("direction", "INCOMING")
                .queryParam("state", "SUBMITTED")
                .queryParam("limit", 100)
                .get("/api/v1/referrals")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(toSocial.toString()));
        given().auth()
                .oauth2(socialWorker)
                .get("/api/v1/referrals/" + toSocial)
                .then()
                .body("priority", equalTo("HIGH"), "state", equalTo("SUBMITTED"), "consentId", notNullValue());

        // Before accepting, social protection sees the referral but not the case.
        given().auth()
                .oauth2(socialWorker)
                .get("/api/v1/cases/" + caseId)
                .then()
                .statusCode(404);
        fire(socialWorker, toSocial, "ACCEPT", Map.of("assignee", "social-worker-12"))
                .then()
                .statusCode(200)
                .body("state", equalTo("ACCEPTED"), "assignee", equalTo("social-worker-12"));
        fire(socialWorker, toSocial, "START").then().statusCode(200).body("state", equalTo("IN_PROGRESS"));
        given().auth()
                .oauth2(socialWorker)
                .get("/api/v1/cases/" + caseId)
                .then()
                .statusCode(200)
                .body("survivor.fullName", equalTo("Aigerim Sultanova"));

        // The inspector assesses the risk against the network's current checklist: the score alone says HIGH...
        int checklist = given().auth()
                .oauth2(inspector)
                .get("/api/v1/risk-questionnaire")
                .path("version");
        Flows.assess(inspector, caseId, Map.of("answers", Flows.answersScoring(inspector, 9)))
                .then()
                .statusCode(201)
                .body(
                        "score",
                        equalTo(9),
                        "scoredLevel",
                        equalTo("HIGH"),
                        "level",
                        equalTo("HIGH"),
                        "questionnaireVersion",
                        equalTo(checklist));
        // ...and professional judgement raises it to EMERGENCY; the open referral's priority follows.
        Flows.assess(
                        inspector,
                        caseId,
                        Map.of(
                                "answers",
                                Flows.answersScoring(inspector, 9),
                                "judgementLevel",
                                "EMERGENCY",
                                "judgementReason",
                                "He was released from custody this morning"))
                .then()
                .statusCode(201)
                .body("scoredLevel", equalTo("HIGH"), "level", equalTo("EMERGENCY"));
        given().auth()
                .oauth2(socialWorker)
                .get("/api/v1/referrals/" + toSocial)
                .then()
                .body("priority", equalTo("EMERGENCY"));
        given().auth()
                .oauth2(socialWorker)
                .get("/api/v1/referrals/" + toSocial + "/history")
                .then()
                .body("action", hasItem("REPRIORITISE"));

        // Police record a protective order; the receiving agency sees it.
        String orderNumber = "PO-" + UUID.randomUUID();
        Flows.recordOrder(inspector, caseId, Flows.orderBody(orderNumber))
                .then()
                .statusCode(201)
                .body("status", equalTo("ACTIVE"), "conditions.type", contains("NO_CONTACT", "STAY_AWAY_FROM_PLACES"));
        given().auth()
                .oauth2(socialWorker)
                .get("/api/v1/cases/" + caseId + "/protective-orders")
                .then()
                .statusCode(200)
                .body("number", contains(orderNumber));

        // Social protection refers her onward; the first crisis centre has no capacity.
        UUID toFirstCentre = Flows.referral(socialWorker, caseId, almaty.crisisCentre);
        fire(firstCentre, toFirstCentre, "DECLINE", Map.of("reasonCode", "NO_CAPACITY"))
                .then()
                .statusCode(200)
                .body("state", equalTo("DECLINED"), "declineReason", equalTo("NO_CAPACITY"));

        // The sender looks in the directory for a centre with shelter in her district and a free place.
        Flows.directoryEntry(firstCentre, almaty.crisisCentre, district, 0)
                .then()
                .statusCode(200)
                .body("acceptingNow", equalTo(false));
        Flows.directoryEntry(secondCentreWorker, secondCentre, district, 2)
                .then()
                .statusCode(200)
                .body("acceptingNow", equalTo(true), "updatedAt", notNullValue());
        given().auth()
                .oauth2(socialWorker)
                .queryParam("service", "SHELTER")
                .queryParam("district", district)
                .queryParam("acceptingNow", true)
                .get("/api/v1/directory")
                .then()
                .statusCode(200)
                .body("items.agencyId", contains(secondCentre.toString()))
                .body("items[0].freePlaces", equalTo(2));

        // The sender may redirect the declined referral, once, to the centre it found.
        given().auth()
                .oauth2(socialWorker)
                .get("/api/v1/referrals/" + toFirstCentre + "/actions")
                .then()
                .statusCode(200)
                .body("actions", contains("REDIRECT"));
        Response redirected =
                fire(socialWorker, toFirstCentre, "REDIRECT", Map.of("redirectTo", secondCentre.toString()));
        redirected
                .then()
                .statusCode(201)
                .body(
                        "state",
                        equalTo("SUBMITTED"),
                        "receiverAgencyId",
                        equalTo(secondCentre.toString()),
                        "redirectedFromId",
                        equalTo(toFirstCentre.toString()));
        UUID toSecondCentre = UUID.fromString(redirected.path("id"));
        given().auth()
                .oauth2(socialWorker)
                .get("/api/v1/referrals/" + toFirstCentre)
                .then()
                .body("state", equalTo("DECLINED"), "redirectedToId", equalTo(toSecondCentre.toString()));
        given().auth()
                .oauth2(socialWorker)
                .get("/api/v1/referrals/" + toFirstCentre + "/actions")
                .then()
                .body("actions", equalTo(List.of()));

        // The second centre finds it in its incoming list, accepts, starts and completes it.
        given().auth()
                .oauth2(secondCentreWorker)
                .queryParam("direction", "INCOMING")
                .get("/api/v1/referrals")
                .then()
                .statusCode(200)
                .body("items.id", contains(toSecondCentre.toString()));
        fire(secondCentreWorker, toSecondCentre, "ACCEPT").then().statusCode(200);
        fire(secondCentreWorker, toSecondCentre, "START").then().statusCode(200);
        fire(
                        secondCentreWorker,
                        toSecondCentre,
                        "COMPLETE",
                        Map.of(
                                "outcome",
                                "GOALS_MET",
                                "servicesDelivered",
                                List.of("SHELTER", "PSYCHOLOGICAL_COUNSELLING")))
                .then()
                .statusCode(200)
                .body(
                        "state",
                        equalTo("COMPLETED"),
                        "outcome",
                        equalTo("GOALS_MET"),
                        "servicesDelivered",
                        containsInAnyOrder("SHELTER", "PSYCHOLOGICAL_COUNSELLING"),
                        "closedAt",
                        notNullValue());

        // Every step is in the history, with who did it, for which agency.
        given().auth()
                .oauth2(socialWorker)
                .get("/api/v1/referrals/" + toFirstCentre + "/history")
                .then()
                .statusCode(200)
                .body("action", contains("CREATE", "SUBMIT", "DECLINE", "REDIRECT"))
                .body("find { it.action == 'DECLINE' }.actorAgencyId", equalTo(almaty.crisisCentre.toString()))
                .body("find { it.action == 'DECLINE' }.reasonCode", equalTo("NO_CAPACITY"));
        // The second centre's referral went out at the case's EMERGENCY level.
        given().auth()
                .oauth2(secondCentreWorker)
                .get("/api/v1/referrals/" + toSecondCentre)
                .then()
                .body("priority", equalTo("EMERGENCY"));
        given().auth()
                .oauth2(secondCentreWorker)
                .get("/api/v1/referrals/" + toSecondCentre + "/history")
                .then()
                .body("action", contains("CREATE", "SUBMIT", "ACCEPT", "START", "COMPLETE"))
                .body("toState", contains("DRAFT", "SUBMITTED", "ACCEPTED", "IN_PROGRESS", "COMPLETED"));

        // The lead agency reads the case's story in time order.
        given().auth()
                .oauth2(inspector)
                .queryParam("limit", 200)
                .get("/api/v1/cases/" + caseId + "/timeline")
                .then()
                .statusCode(200)
                .body("items.type", hasItem("INCIDENT"))
                .body("items.type", hasItem("RISK_ASSESSMENT"))
                .body("items.type", hasItem("PROTECTIVE_ORDER"))
                .body("items.findAll { it.type == 'REFERRAL' }.details.action", hasItem("REDIRECT"));

        // The coordinator oversees all of it; social protection sees its outgoing referrals.
        given().auth()
                .oauth2(almaty.coordinator())
                .get("/api/v1/referrals/" + toSecondCentre)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(socialWorker)
                .queryParam("direction", "OUTGOING")
                .queryParam("limit", 100)
                .get("/api/v1/referrals")
                .then()
                .body("items.id", containsInAnyOrder(toFirstCentre.toString(), toSecondCentre.toString()));
    }
}
