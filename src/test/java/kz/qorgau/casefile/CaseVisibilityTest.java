package kz.qorgau.casefile;

import static io.restassured.RestAssured.given;
import static kz.qorgau.support.Flows.fire;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.security.Role;
import kz.qorgau.support.Contract;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who sees what of a case as its referrals move: personal data, orders, consent, the timeline. */
@QuarkusTest
class CaseVisibilityTest {

    // Every call must be one the published OpenAPI document allows.
    @BeforeEach
    void holdToTheContract() {
        Contract.install();
    }

    @AfterEach
    void release() {
        Contract.uninstall();
    }

    @Test
    void coordinatorsOverseeACaseWithoutTheSurvivorsPersonalDataOrAnswers() {
        Network almaty = Network.of("almaty");
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        UUID caseId = Flows.caseFile(inspector);
        Flows.assess(inspector, caseId, Map.of("answers", Flows.answersScoring(inspector, 3)))
                .then()
                .statusCode(201);

        given().auth()
                .oauth2(inspector)
                .get("/api/v1/cases/" + caseId)
                .then()
                .statusCode(200)
                .body("survivor.fullName", equalTo("Aigerim Sultanova"));
        given().auth()
                .oauth2(almaty.coordinator())
                .get("/api/v1/cases/" + caseId)
                .then()
                .statusCode(200)
                .body("survivor", nullValue(), "riskLevel", equalTo("ROUTINE"));
        given().auth()
                .oauth2(almaty.coordinator())
                .get("/api/v1/cases/" + caseId + "/risk-assessments")
                .then()
                .statusCode(200)
                .body("[0].answers", nullValue(), "[0].score", equalTo(3));
        given().auth()
                .oauth2(inspector)
                .get("/api/v1/cases/" + caseId + "/risk-assessments")
                .then()
                .body("[0].answers.injury", notNullValue());
    }

    @Test
    void withdrawingAReferralWithdrawsHerConsentToItsReceiver() {
        Network almaty = Network.of("almaty");
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        String receiver = almaty.token(Role.NGO_CASEWORKER, almaty.crisisCentre);
        UUID caseId = Flows.caseFile(inspector);
        Flows.recordConsent(inspector, caseId, almaty.crisisCentre).then().statusCode(201);
        UUID referral = Flows.referral(inspector, caseId, almaty.crisisCentre);

        fire(receiver, referral, "WITHDRAW", Map.of("note", "She withdrew her consent by phone"))
                .then()
                .statusCode(200)
                .body("state", equalTo("WITHDRAWN"));
        given().auth()
                .oauth2(inspector)
                .get("/api/v1/cases/" + caseId)
                .then()
                .body(
                        "consents[0].withdrawnAt",
                        nullValue(),
                        "consents[0].withdrawnFrom",
                        org.hamcrest.Matchers.contains(almaty.crisisCentre.toString()));
        // Nothing more goes to that agency under the withdrawn consent.
        Flows.refer(inspector, caseId, almaty.crisisCentre, true)
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:qorgau:problem:consent-required"));
    }

    @Test
    void anAgencyThatDeclinedNoLongerSeesTheOrdersAndAnAcceptedOneSeesNoTimeline() {
        Network almaty = Network.of("almaty");
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        String centre = almaty.token(Role.NGO_CASEWORKER, almaty.crisisCentre);
        String social = almaty.token(Role.SOCIAL_WORKER, almaty.socialProtection);
        UUID caseId = Flows.caseFile(inspector);
        Flows.recordConsent(inspector, caseId, almaty.crisisCentre, almaty.socialProtection)
                .then()
                .statusCode(201);
        Flows.recordOrder(inspector, caseId, Flows.orderBody("PO-" + UUID.randomUUID()))
                .then()
                .statusCode(201);
        UUID toCentre = Flows.referral(inspector, caseId, almaty.crisisCentre);
        UUID toSocial = Flows.referral(inspector, caseId, almaty.socialProtection);

        given().auth()
                .oauth2(centre)
                .get("/api/v1/cases/" + caseId + "/protective-orders")
                .then()
                .statusCode(200);
        fire(centre, toCentre, "DECLINE", Map.of("reasonCode", "OUT_OF_SCOPE"))
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(centre)
                .get("/api/v1/cases/" + caseId + "/protective-orders")
                .then()
                .statusCode(404);

        fire(social, toSocial, "ACCEPT").then().statusCode(200);
        given().auth().oauth2(social).get("/api/v1/cases/" + caseId).then().statusCode(200);
        given().auth()
                .oauth2(social)
                .get("/api/v1/cases/" + caseId + "/timeline")
                .then()
                .statusCode(403);
    }
}
