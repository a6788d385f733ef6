package kz.qorgau.agency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.security.Role;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A shelter's street address is in no answer to another agency, coordinators included, until the shelter shares it
 * on a referral it accepted; its free places follow the referrals that take and give them back.
 */
@QuarkusTest
class ConfidentialPlacesTest {

    static final String STREET = "Almaty, Zheltoksan st 1" + "17, entrance from the yard";

    Network almaty;
    /** A district of this test's own, so that the directory lists its shelter alone. */
    String district = "Medeu-" + UUID.randomUUID();

    String inspector;
    String centre;
    String centreAdmin;

    @BeforeEach
    void shelter() {
        almaty = Network.of("almaty");
        inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        centre = almaty.token(Role.NGO_CASEWORKER, almaty.crisisCentre);
        centreAdmin = almaty.token(Role.AGENCY_ADMIN, almaty.crisisCentre);
        given().auth()
                .oauth2(centreAdmin)
                .header("If-Match", agencyEtag())
                .contentType(ContentType.JSON)
                .body(Map.of("streetAddress", STREET, "addressConfidential", true))
                .put("/api/v1/agencies/" + almaty.crisisCentre + "/premises")
                .then()
                .statusCode(200)
                .body("streetAddress", equalTo(STREET), "addressConfidential", equalTo(true));
        freePlaces(1);
    }

    @Test
    void theStreetAddressIsInNoAnswerToAnotherAgency() {
        for (String other :
                List.of(inspector, almaty.coordinator(), almaty.token(Role.SOCIAL_WORKER, almaty.socialProtection))) {
            for (String path : List.of(
                    "/api/v1/directory?service=SHELTER&district=" + district,
                    "/api/v1/agencies/" + almaty.crisisCentre,
                    "/api/v1/agencies?limit=100")) {
                Response answer = given().auth().oauth2(other).get(path);
                answer.then().statusCode(200);
                assertFalse(answer.asString().contains("Zheltoksan"), path + ": " + answer.asString());
            }
            given().auth()
                    .oauth2(other)
                    .get("/api/v1/agencies/" + almaty.crisisCentre + "/premises")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        // The directory still tells a sender how to reach the shelter, and its district.
        given().auth()
                .oauth2(inspector)
                .queryParam("service", "SHELTER")
                .queryParam("district", district)
                .get("/api/v1/directory")
                .then()
                .body(
                        "items[0].agencyId", equalTo(almaty.crisisCentre.toString()),
                        "items[0].contactPoint", equalTo("Duty phone +7 727 000 11 22"),
                        "items[0].streetAddress", nullValue());
        // Its own staff see it there too.
        given().auth()
                .oauth2(centre)
                .queryParam("service", "SHELTER")
                .queryParam("district", district)
                .get("/api/v1/directory")
                .then()
                .body("items[0].streetAddress", equalTo(STREET));
        Network astana = Network.of("astana");
        given().auth()
                .oauth2(astana.token(Role.AGENCY_ADMIN, astana.crisisCentre))
                .get("/api/v1/agencies/" + almaty.crisisCentre + "/premises")
                .then()
                .statusCode(404);
    }

    @Test
    void theShelterSharesItsAddressWithTheSenderOfAReferralItAccepted() {
        UUID referral = shelterReferral();
        String path = "/api/v1/referrals/" + referral + "/receiver-address";
        given().auth()
                .oauth2(centre)
                .put(path)
                .then()
                .statusCode(409)
                .body("type", containsString("referral-not-under-way"));
        Flows.fire(centre, referral, "ACCEPT").then().statusCode(200);
        given().auth().oauth2(inspector).get(path).then().statusCode(404);
        given().auth().oauth2(inspector).put(path).then().statusCode(403);
        Response referralAnswer = given().auth().oauth2(inspector).get("/api/v1/referrals/" + referral);
        assertFalse(referralAnswer.asString().contains("Zheltoksan"));
        referralAnswer.then().body("receiverAddressShared", equalTo(false));

        given().auth().oauth2(centre).put(path).then().statusCode(200).body("streetAddress", equalTo(STREET));
        given().auth()
                .oauth2(inspector)
                .get(path)
                .then()
                .statusCode(200)
                .body("streetAddress", equalTo(STREET), "contactPoint", equalTo("Duty phone +7 727 000 11 22"));
        given().auth().oauth2(almaty.coordinator()).get(path).then().statusCode(403);
        given().auth()
                .oauth2(almaty.token(Role.SOCIAL_WORKER, almaty.socialProtection))
                .get(path)
                .then()
                .statusCode(404);

        // The shelter moves: what it shared was the old address, and the sender does not get the new one.
        given().auth()
                .oauth2(centreAdmin)
                .header("If-Match", agencyEtag())
                .contentType(ContentType.JSON)
                .body(Map.of("streetAddress", "Almaty, Furmanov st 7", "addressConfidential", true))
                .put("/api/v1/agencies/" + almaty.crisisCentre + "/premises")
                .then()
                .statusCode(200);
        given().auth().oauth2(inspector).get(path).then().statusCode(404);
        given().auth()
                .oauth2(centreAdmin)
                .header("If-Match", agencyEtag())
                .contentType(ContentType.JSON)
                .body(Map.of("streetAddress", STREET, "addressConfidential", true))
                .put("/api/v1/agencies/" + almaty.crisisCentre + "/premises")
                .then()
                .statusCode(200);
        given().auth().oauth2(centre).put(path).then().statusCode(200);

        // Taken back by the shelter, and gone with the referral's end.
        given().auth().oauth2(centre).delete(path).then().statusCode(200).body("streetAddress", nullValue());
        given().auth().oauth2(inspector).get(path).then().statusCode(404);
        given().auth().oauth2(centre).put(path).then().statusCode(200);
        Flows.fire(inspector, referral, "CANCEL", Map.of("note", "She went to her sister"))
                .then()
                .statusCode(200);
        given().auth().oauth2(inspector).get(path).then().statusCode(404);
    }

    @Test
    void freePlacesFollowTheReferrals() {
        UUID first = shelterReferral();
        UUID second = shelterReferral();
        Flows.fire(centre, first, "ACCEPT").then().statusCode(200);
        entry().body("freePlaces", equalTo(0), "acceptingNow", equalTo(false));
        Flows.fire(centre, second, "ACCEPT").then().statusCode(409).body("type", containsString("no-free-place"));
        // The centre has a bed after all: it corrects the count by hand, and then accepts.
        freePlaces(1);
        Flows.fire(centre, second, "ACCEPT").then().statusCode(200);
        entry().body("freePlaces", equalTo(0));
        // Each end gives its place back at once: a withdrawal, then a completion.
        Flows.fire(inspector, first, "WITHDRAW", Map.of("note", "She moved to another city"))
                .then()
                .statusCode(200);
        entry().body("freePlaces", equalTo(1), "acceptingNow", equalTo(true));
        Flows.fire(centre, second, "START").then().statusCode(200);
        Flows.fire(centre, second, "COMPLETE", Map.of("outcome", "GOALS_MET", "servicesDelivered", List.of("SHELTER")))
                .then()
                .statusCode(200);
        entry().body("freePlaces", equalTo(2));
    }

    private UUID shelterReferral() {
        UUID caseId = Flows.caseFile(inspector);
        Flows.recordConsent(inspector, caseId, almaty.crisisCentre).then().statusCode(201);
        return UUID.fromString(given().auth()
                .oauth2(inspector)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "caseId",
                        caseId,
                        "receiverAgencyId",
                        almaty.crisisCentre,
                        "servicesRequested",
                        List.of("SHELTER"),
                        "submit",
                        true))
                .post("/api/v1/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
    }

    /** The shelter's directory entry as a sender finds it. */
    private io.restassured.response.ValidatableResponse entry() {
        return given().auth()
                .oauth2(inspector)
                .queryParam("service", "SHELTER")
                .queryParam("district", district)
                .get("/api/v1/directory")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1))
                .rootPath("items[0]");
    }

    private void freePlaces(int places) {
        given().auth()
                .oauth2(centreAdmin)
                .header("If-Match", agencyEtag())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "services",
                        List.of("SHELTER", "PSYCHOLOGICAL_COUNSELLING"),
                        "districts",
                        List.of(district),
                        "languages",
                        List.of("kk", "ru"),
                        "freePlaces",
                        places,
                        "acceptingReferrals",
                        true,
                        "contactPoint",
                        "Duty phone +7 727 000 11 22"))
                .put("/api/v1/agencies/" + almaty.crisisCentre + "/directory-entry")
                .then()
                .statusCode(200);
    }

    private String agencyEtag() {
        return given().auth()
                .oauth2(centreAdmin)
                .get("/api/v1/agencies/" + almaty.crisisCentre)
                .header("ETag");
    }
}
