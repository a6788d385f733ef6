package kz.qorgau.referral;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import kz.qorgau.security.Role;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A survivor who calls the hotline herself: the operator opens her case with no police incident, records the consent
 * she gives on the phone, finds a centre with a free place in her district and refers her.
 */
@QuarkusTest
class HotlineTest {

    Network almaty;
    UUID hotline;
    String operator;
    /** A district of this test's own, so that the directory lists its centre alone. */
    String district = "Turksib-" + UUID.randomUUID();

    @BeforeEach
    void hotline() {
        almaty = Network.of("almaty");
        hotline = almaty.register("111 contact centre", "HOTLINE", "[\"CRISIS_HOTLINE\"]");
        operator = almaty.token(Role.HOTLINE_OPERATOR, hotline);
        Flows.directoryEntry(almaty.token(Role.AGENCY_ADMIN, almaty.crisisCentre), almaty.crisisCentre, district, 2)
                .then()
                .statusCode(200);
    }

    @Test
    void anOperatorRefersACallerToACentreWithAFreePlaceInHerDistrict() {
        UUID caseId = Flows.caseFile(operator);
        consent(caseId, "PHONE", almaty.crisisCentre).then().statusCode(201).body("method", equalTo("PHONE"));

        List<String> found = given().auth()
                .oauth2(operator)
                .queryParam("service", "SHELTER")
                .queryParam("district", district)
                .queryParam("acceptingNow", true)
                .get("/api/v1/directory")
                .then()
                .statusCode(200)
                .extract()
                .path("items.agencyId");
        org.junit.jupiter.api.Assertions.assertEquals(List.of(almaty.crisisCentre.toString()), found);

        UUID referral = Flows.referral(operator, caseId, almaty.crisisCentre);
        given().auth()
                .oauth2(almaty.token(Role.NGO_CASEWORKER, almaty.crisisCentre))
                .get("/api/v1/referrals/" + referral)
                .then()
                .statusCode(200)
                .body("state", equalTo("SUBMITTED"), "senderAgencyId", equalTo(hotline.toString()));
        given().auth()
                .oauth2(almaty.token(Role.NGO_CASEWORKER, almaty.crisisCentre))
                .get("/api/v1/referrals/" + referral + "/shared-data")
                .then()
                .statusCode(200)
                .body("fullName", equalTo("Aigerim Sultanova"), "basis", equalTo("CONSENT"));
    }

    @Test
    void aHotlineHearsHerConsentOnThePhoneAndIsNeverItsRecipient() {
        UUID caseId = Flows.caseFile(operator);
        for (String method : List.of("WRITTEN", "VERBAL", "ELECTRONIC")) {
            consent(caseId, method, almaty.crisisCentre)
                    .then()
                    .statusCode(400)
                    .body("errors.field", contains("method"));
        }
        consent(caseId, "PHONE", hotline).then().statusCode(400).body("errors.field", contains("recipientAgencyIds"));
        // A case worker who met her may still say she consented on the phone.
        UUID policeCase = Flows.caseFile(almaty.token(Role.POLICE_INSPECTOR, almaty.police));
        given().auth()
                .oauth2(almaty.token(Role.POLICE_INSPECTOR, almaty.police))
                .contentType("application/json")
                .body("{\"recipientAgencyIds\": [\"" + hotline
                        + "\"], \"categories\": [\"IDENTITY\"], \"method\": \"PHONE\"}")
                .post("/api/v1/cases/" + policeCase + "/consents")
                .then()
                .statusCode(201);
    }

    @Test
    void aHotlineReceivesNoReferral() {
        UUID caseId = Flows.caseFile(almaty.token(Role.SOCIAL_WORKER, almaty.socialProtection));
        Flows.refer(almaty.token(Role.SOCIAL_WORKER, almaty.socialProtection), caseId, hotline, false)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("receiverAgencyId"));
    }

    @Test
    void externalIsAKindNoOneRegistersOrConsentsTo() {
        given().auth()
                .oauth2(almaty.coordinator())
                .contentType("application/json")
                .body("{\"name\": \"" + almaty.uniqueName("Hospital") + "\", \"kind\": \"EXTERNAL\", \"services\": []}")
                .post("/api/v1/agencies")
                .then()
                .statusCode(400)
                .body("errors.field", contains("kind"));
        UUID caseId = Flows.caseFile(operator);
        given().auth()
                .oauth2(operator)
                .contentType("application/json")
                .body("{\"recipientKinds\": [\"EXTERNAL\"], \"categories\": [\"IDENTITY\"], \"method\": \"PHONE\"}")
                .post("/api/v1/cases/" + caseId + "/consents")
                .then()
                .statusCode(400)
                .body("errors.field", contains("recipientKinds"));
    }

    private io.restassured.response.Response consent(UUID caseId, String method, UUID recipient) {
        return given().auth()
                .oauth2(operator)
                .contentType("application/json")
                .body("{\"recipientAgencyIds\": [\"" + recipient
                        + "\"], \"categories\": [\"IDENTITY\", \"CONTACT\"], \"method\": \"" + method + "\"}")
                .post("/api/v1/cases/" + caseId + "/consents");
    }
}
