package kz.qorgau.referral;

import static io.restassured.RestAssured.given;
import static kz.qorgau.support.Flows.fire;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.security.Role;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import org.junit.jupiter.api.Test;

/** A declined referral is sent onward by an agency still on the case, and to another agency than the decliner. */
@QuarkusTest
class RedirectRulesTest {

    @Test
    void notBackToTheAgencyThatDeclinedNorByAnAgencyNoLongerOnTheCase() {
        Network almaty = Network.of("almaty");
        UUID shelter = almaty.register("Shelter", "NGO_CRISIS_CENTRE", "[\"SHELTER\",\"PSYCHOLOGICAL_COUNSELLING\"]");
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        String social = almaty.token(Role.SOCIAL_WORKER, almaty.socialProtection);
        String shelterWorker = almaty.token(Role.NGO_CASEWORKER, shelter);
        UUID caseId = Flows.caseFile(inspector);
        Flows.recordConsent(inspector, caseId, almaty.socialProtection, almaty.crisisCentre)
                .then()
                .statusCode(201);

        UUID toCentre = Flows.referral(inspector, caseId, almaty.crisisCentre);
        fire(
                        almaty.token(Role.NGO_CASEWORKER, almaty.crisisCentre),
                        toCentre,
                        "DECLINE",
                        Map.of("reasonCode", "NO_CAPACITY"))
                .then()
                .statusCode(200);
        fire(inspector, toCentre, "REDIRECT", Map.of("redirectTo", almaty.crisisCentre.toString()))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("redirectTo"));

        UUID toSocial = Flows.referral(inspector, caseId, almaty.socialProtection);
        fire(social, toSocial, "ACCEPT").then().statusCode(200);
        UUID toShelter = UUID.fromString(given().auth()
                .oauth2(social)
                .contentType("application/json")
                .body(Map.of(
                        "caseId",
                        caseId,
                        "receiverAgencyId",
                        shelter,
                        "servicesRequested",
                        List.of("SHELTER"),
                        "emergencyReason",
                        "She cannot go home tonight",
                        "submit",
                        true))
                .post("/api/v1/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        fire(social, toSocial, "START").then().statusCode(200);
        fire(
                        social,
                        toSocial,
                        "COMPLETE",
                        Map.of("outcome", "GOALS_MET", "servicesDelivered", List.of("PSYCHOLOGICAL_COUNSELLING")))
                .then()
                .statusCode(200);
        fire(shelterWorker, toShelter, "DECLINE", Map.of("reasonCode", "NO_CAPACITY"))
                .then()
                .statusCode(200);
        fire(social, toShelter, "REDIRECT", Map.of("redirectTo", almaty.crisisCentre.toString()))
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:qorgau:problem:sender-off-case"));
    }
}
