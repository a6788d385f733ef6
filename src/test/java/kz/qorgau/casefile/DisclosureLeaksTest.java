package kz.qorgau.casefile;

import static io.restassured.RestAssured.given;
import static kz.qorgau.support.Flows.fire;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.notification.OutboxRelay;
import kz.qorgau.security.Role;
import kz.qorgau.support.Contract;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import kz.qorgau.support.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The leaks issue 17 found, each closed: what coordinators, receivers with partial consent, and agencies that
 * try to grant themselves her data see; the change feed's tenant and role; withdrawal per recipient.
 */
@QuarkusTest
class DisclosureLeaksTest {

    @Inject
    OutboxRelay relay;

    @BeforeEach
    void holdToTheContract() {
        Contract.install();
    }

    @AfterEach
    void release() {
        Contract.uninstall();
    }

    @Test
    void coordinatorsSeeIncidentsWithoutTheAccountOrThePeopleInIt() {
        Network almaty = Network.of("almaty");
        String dispatch = almaty.token(Role.POLICE_DISPATCH, almaty.police);
        UUID incident = Flows.incident(dispatch);

        given().auth()
                .oauth2(dispatch)
                .get("/api/v1/incidents/" + incident)
                .then()
                .statusCode(200)
                .body("description", equalTo("Neighbours called about screaming"), "persons[0].name", equalTo("A. S."));
        given().auth()
                .oauth2(almaty.coordinator())
                .get("/api/v1/incidents/" + incident)
                .then()
                .statusCode(200)
                .body("district", equalTo("Almaly"), "description", nullValue(), "persons", nullValue());
        given().auth()
                .oauth2(almaty.coordinator())
                .queryParam("limit", 100)
                .get("/api/v1/incidents")
                .then()
                .statusCode(200)
                .body("items.description", everyItem(nullValue()), "items.persons", everyItem(nullValue()));
    }

    @Test
    void aReceiverWithIncidentDetailsAloneReadsTheAccountButNotTheNamesInIt() {
        Network almaty = Network.of("almaty");
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        String centre = almaty.token(Role.NGO_CASEWORKER, almaty.crisisCentre);
        UUID caseId = Flows.caseFile(inspector, Flows.incident(almaty.token(Role.POLICE_DISPATCH, almaty.police)));
        consent(inspector, caseId, almaty.crisisCentre, "INCIDENT_DETAILS")
                .then()
                .statusCode(201);
        UUID referral = Flows.referral(inspector, caseId, almaty.crisisCentre);

        given().auth()
                .oauth2(centre)
                .get("/api/v1/referrals/" + referral + "/shared-data")
                .then()
                .statusCode(200)
                .body(
                        "fullName",
                        nullValue(),
                        "incidents[0].description",
                        equalTo("Neighbours called about screaming"),
                        "incidents[0].persons[0].role",
                        equalTo("VICTIM"),
                        "incidents[0].persons[0].name",
                        nullValue(),
                        "incidents[0].persons[0].age",
                        equalTo(34));
    }

    @Test
    void aReceiverWhoseConsentLacksRiskSeesNoScoreOrLevelAfterAccepting() {
        Network almaty = Network.of("almaty");
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        String social = almaty.token(Role.SOCIAL_WORKER, almaty.socialProtection);
        UUID caseId = Flows.caseFile(inspector);
        Flows.assess(inspector, caseId, Map.of("answers", Flows.answersScoring(inspector, 3)))
                .then()
                .statusCode(201);
        consent(inspector, caseId, almaty.socialProtection, "IDENTITY").then().statusCode(201);
        UUID referral = Flows.referral(inspector, caseId, almaty.socialProtection);
        fire(social, referral, "ACCEPT").then().statusCode(200);

        given().auth()
                .oauth2(social)
                .get("/api/v1/cases/" + caseId + "/risk-assessments")
                .then()
                .statusCode(200)
                .body(
                        "[0].score",
                        nullValue(),
                        "[0].scoredLevel",
                        nullValue(),
                        "[0].level",
                        nullValue(),
                        "[0].answers",
                        nullValue());
        // The referral's priority stays: the receiver triages by it.
        given().auth()
                .oauth2(social)
                .get("/api/v1/referrals/" + referral)
                .then()
                .body("priority", equalTo("ROUTINE"));
        consent(inspector, caseId, almaty.socialProtection, "RISK").then().statusCode(201);
        given().auth()
                .oauth2(social)
                .get("/api/v1/cases/" + caseId + "/risk-assessments")
                .then()
                .statusCode(200)
                .body("[0].score", equalTo(3), "[0].answers.injury", notNullValue());
    }

    @Test
    void onlyTheLeadAgencyRecordsConsentNeverForItselfNorBackDated() {
        Network almaty = Network.of("almaty");
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        String centre = almaty.token(Role.NGO_CASEWORKER, almaty.crisisCentre);
        UUID caseId = Flows.caseFile(inspector);
        UUID referral = UUID.fromString(given().auth()
                .oauth2(inspector)
                .contentType("application/json")
                .body("""
                        {"caseId": "%s", "receiverAgencyId": "%s", "servicesRequested": ["SHELTER"],
                         "emergencyReason": "He is outside her door now", "submit": true}
                        """.formatted(caseId, almaty.crisisCentre))
                .post("/api/v1/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        fire(centre, referral, "ACCEPT").then().statusCode(200);

        // Only the lead agency records her consent: a receiver cannot widen any agency's view, its own included.
        consent(centre, caseId, almaty.socialProtection, "IDENTITY").then().statusCode(403);
        given().auth()
                .oauth2(centre)
                .contentType("application/json")
                .body("""
                        {"recipientKinds": ["NGO_CRISIS_CENTRE"], "categories": ["IDENTITY", "CONTACT", "ADDRESS"],
                         "method": "VERBAL"}""")
                .post("/api/v1/cases/" + caseId + "/consents")
                .then()
                .statusCode(403);
        consent(inspector, caseId, almaty.police, "IDENTITY")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("recipientAgencyIds"));
        given().auth()
                .oauth2(inspector)
                .contentType("application/json")
                .body(Map.of(
                        "recipientAgencyIds",
                        List.of(almaty.socialProtection),
                        "categories",
                        List.of("IDENTITY"),
                        "method",
                        "WRITTEN",
                        "givenAt",
                        Instant.now().minus(Duration.ofDays(400)).toString()))
                .post("/api/v1/cases/" + caseId + "/consents")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("givenAt"));
        // By kind the lead's consent names police agencies, but never covers the agency that recorded it; the
        // lead sees everything anyway, and who recorded it.
        given().auth()
                .oauth2(inspector)
                .contentType("application/json")
                .body("""
                        {"recipientKinds": ["NGO_CRISIS_CENTRE", "POLICE"], "categories": ["IDENTITY"], "method": "VERBAL"}""")
                .post("/api/v1/cases/" + caseId + "/consents")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(inspector)
                .get("/api/v1/cases/" + caseId)
                .then()
                .body(
                        "consents[0].recordedBy",
                        notNullValue(),
                        "consents[0].recordedByAgency",
                        equalTo(almaty.police.toString()));
        given().auth()
                .oauth2(centre)
                .get("/api/v1/cases/" + caseId)
                .then()
                .statusCode(200)
                .body(
                        "survivor.fullName",
                        equalTo("Aigerim Sultanova"),
                        "survivor.phone",
                        nullValue(),
                        "consents[0].recordedBy",
                        nullValue());
    }

    @Test
    void theFeedOfATokenWhoseAgencyBelongsToAnotherNetworkIsEmpty() {
        Network astana = Network.of("astana");
        Flows.incident(astana.token(Role.POLICE_DISPATCH, astana.police));
        relay.relay();
        given().auth()
                .oauth2(astana.token(Role.POLICE_DISPATCH, astana.police))
                .queryParam("limit", 500)
                .get("/api/v1/events")
                .then()
                .statusCode(200)
                .body("items", not(empty()));

        // One mistaken attribute in almaty's realm: the agency claim names astana's police.
        String mistaken = TestTokens.tenant("almaty")
                .agency(astana.police)
                .roles(Role.POLICE_DISPATCH)
                .sign();
        given().auth()
                .oauth2(mistaken)
                .queryParam("limit", 500)
                .get("/api/v1/events")
                .then()
                .statusCode(200)
                .body("items", empty());
    }

    @Test
    void policeDispatchHearsOfItsIncidentsButNotOfItsAgencysReferrals() {
        Network almaty = Network.of("almaty");
        String dispatch = almaty.token(Role.POLICE_DISPATCH, almaty.police);
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        UUID caseId = Flows.caseFile(inspector, Flows.incident(dispatch));
        Flows.recordConsent(inspector, caseId, almaty.crisisCentre).then().statusCode(201);
        Flows.referral(inspector, caseId, almaty.crisisCentre);
        relay.relay();

        List<String> dispatchHears = given().auth()
                .oauth2(dispatch)
                .queryParam("limit", 500)
                .get("/api/v1/events")
                .then()
                .statusCode(200)
                .extract()
                .path("items.aggregateType");
        assertTrue(dispatchHears.contains("incident"), dispatchHears::toString);
        assertEquals(List.of("incident"), dispatchHears.stream().distinct().toList());
        List<String> inspectorHears = given().auth()
                .oauth2(inspector)
                .queryParam("limit", 500)
                .get("/api/v1/events")
                .then()
                .statusCode(200)
                .extract()
                .path("items.aggregateType");
        assertTrue(inspectorHears.contains("referral"), inspectorHears::toString);
    }

    @Test
    void withdrawingOneReferralWithdrawsHerConsentToThatReceiverAlone() {
        Network almaty = Network.of("almaty");
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        String centre = almaty.token(Role.NGO_CASEWORKER, almaty.crisisCentre);
        String social = almaty.token(Role.SOCIAL_WORKER, almaty.socialProtection);
        UUID caseId = Flows.caseFile(inspector);
        UUID consentId =
                UUID.fromString(Flows.recordConsent(inspector, caseId, almaty.crisisCentre, almaty.socialProtection)
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"));
        UUID toCentre = Flows.referral(inspector, caseId, almaty.crisisCentre);
        UUID toSocial = Flows.referral(inspector, caseId, almaty.socialProtection);

        fire(centre, toCentre, "WITHDRAW", Map.of("note", "She no longer wants the centre involved"))
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(social)
                .get("/api/v1/referrals/" + toSocial + "/shared-data")
                .then()
                .statusCode(200)
                .body("fullName", equalTo("Aigerim Sultanova"));
        given().auth()
                .oauth2(inspector)
                .get("/api/v1/cases/" + caseId)
                .then()
                .body(
                        "consents[0].withdrawnAt",
                        nullValue(),
                        "consents[0].withdrawnFrom",
                        contains(almaty.crisisCentre.toString()));
        Flows.refer(inspector, caseId, almaty.crisisCentre, true)
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:qorgau:problem:consent-required"));
        relay.relay();
        assertTrue(consentEvents(centre).contains(consentId.toString()));
        assertTrue(!consentEvents(social).contains(consentId.toString()), "social protection's view did not change");

        // Her whole consent withdrawn, as its own act: every agency whose view changed hears of it.
        given().auth()
                .oauth2(inspector)
                .post("/api/v1/cases/" + caseId + "/consents/" + consentId + "/withdrawal")
                .then()
                .statusCode(200)
                .body("withdrawnAt", notNullValue());
        relay.relay();
        assertTrue(consentEvents(social).contains(consentId.toString()));
        given().auth()
                .oauth2(social)
                .get("/api/v1/referrals/" + toSocial + "/shared-data")
                .then()
                .statusCode(200)
                .body("fullName", nullValue(), "basis", equalTo("NO_CONSENT"));
    }

    @Test
    void theTimelineShowsConsentsAndAReferralSaysWhenItIsDue() {
        Network almaty = Network.of("almaty");
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        String centre = almaty.token(Role.NGO_CASEWORKER, almaty.crisisCentre);
        UUID caseId = Flows.caseFile(inspector);
        UUID consentId = UUID.fromString(Flows.recordConsent(inspector, caseId, almaty.crisisCentre)
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        given().auth()
                .oauth2(inspector)
                .post("/api/v1/cases/" + caseId + "/consents/" + consentId + "/withdrawal")
                .then()
                .statusCode(200);

        given().auth()
                .oauth2(inspector)
                .get("/api/v1/cases/" + caseId + "/timeline")
                .then()
                .statusCode(200)
                .body(
                        "items.findAll { it.type.startsWith('CONSENT') }.type",
                        contains("CONSENT_GIVEN", "CONSENT_WITHDRAWN"),
                        "items.find { it.type == 'CONSENT_GIVEN' }.details.categories",
                        equalTo("IDENTITY,CONTACT,INCIDENT_DETAILS"));

        Flows.recordConsent(inspector, caseId, almaty.crisisCentre).then().statusCode(201);
        UUID referral = Flows.referral(inspector, caseId, almaty.crisisCentre);
        var seen = given().auth()
                .oauth2(centre)
                .get("/api/v1/referrals/" + referral)
                .then()
                .statusCode(200)
                .body("priority", equalTo("HIGH"))
                .extract();
        Instant submitted = Instant.parse(seen.path("submittedAt"));
        // The test profile keeps the defaults for HIGH: acknowledge within 4 h, respond within 24 h.
        assertEquals(submitted.plus(Duration.ofHours(4)), Instant.parse(seen.path("acknowledgeDueAt")));
        assertEquals(submitted.plus(Duration.ofHours(24)), Instant.parse(seen.path("respondDueAt")));
    }

    private static List<String> consentEvents(String token) {
        return given().auth()
                .oauth2(token)
                .queryParam("limit", 500)
                .get("/api/v1/events")
                .then()
                .statusCode(200)
                .extract()
                .path("items.findAll { it.aggregateType == 'consent' }.aggregateId");
    }

    private static io.restassured.response.Response consent(
            String token, UUID caseId, UUID recipient, String category) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Map.of(
                        "recipientAgencyIds", List.of(recipient), "categories", List.of(category), "method", "WRITTEN"))
                .post("/api/v1/cases/" + caseId + "/consents");
    }

    /** A shelter's agency, registered in the network beside the three of {@link Network}. */
    private static UUID shelter(Network network) {
        return network.register("Shelter", "NGO_CRISIS_CENTRE", "[\"SHELTER\",\"PSYCHOLOGICAL_COUNSELLING\"]");
    }

    @Test
    void aSenderReadsTheReceiversNotesOnlyAsItSeesHerOnTheCase() {
        // Police lead; social protection, on the case with IDENTITY only, refers her on to a shelter.
        Network almaty = Network.of("almaty");
        UUID shelter = shelter(almaty);
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        String social = almaty.token(Role.SOCIAL_WORKER, almaty.socialProtection);
        String shelterWorker = almaty.token(Role.NGO_CASEWORKER, shelter);
        UUID caseId = Flows.caseFile(inspector);
        given().auth()
                .oauth2(inspector)
                .contentType("application/json")
                .body(Map.of(
                        "recipientAgencyIds", List.of(almaty.socialProtection),
                        "categories", List.of("IDENTITY"),
                        "method", "WRITTEN"))
                .post("/api/v1/cases/" + caseId + "/consents")
                .then()
                .statusCode(201);
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
        fire(shelterWorker, toShelter, "ACCEPT").then().statusCode(200);
        fire(shelterWorker, toShelter, "START").then().statusCode(200);
        fire(shelterWorker, toShelter, "PAUSE", Map.of("note", "She is in hospital ward 3"))
                .then()
                .statusCode(200);

        // Social protection sees no INCIDENT_DETAILS of her: the shelter's note is not for it.
        given().auth()
                .oauth2(social)
                .get("/api/v1/referrals/" + toShelter + "/history")
                .then()
                .statusCode(200)
                .body("note", everyItem(nullValue()));
        // Its own part ended: the referral it sent shows it nothing of her any more.
        fire(social, toSocial, "START").then().statusCode(200);
        fire(
                        social,
                        toSocial,
                        "COMPLETE",
                        Map.of("outcome", "GOALS_MET", "servicesDelivered", List.of("PSYCHOLOGICAL_COUNSELLING")))
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(social)
                .get("/api/v1/referrals/" + toShelter + "/shared-data")
                .then()
                .statusCode(200)
                .body("fullName", nullValue(), "categories", empty());
        given().auth().oauth2(social).get("/api/v1/cases/" + caseId).then().statusCode(404);
        given().auth()
                .oauth2(social)
                .get("/api/v1/cases/" + caseId + "/protective-orders")
                .then()
                .statusCode(404);
    }

    @Test
    void aWebhookCarriesOnlyTheEventsItsSubscribersRolesRead() {
        Network almaty = Network.of("almaty");
        given().auth()
                .oauth2(almaty.token(Role.AGENCY_ADMIN, almaty.crisisCentre))
                .contentType("application/json")
                .body(Map.of("url", "http://127.0.0.1:9/hook"))
                .post("/api/v1/webhook-subscriptions")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(almaty.token(almaty.crisisCentre, Role.AGENCY_ADMIN, Role.NGO_CASEWORKER))
                .contentType("application/json")
                .body(Map.of("url", "http://127.0.0.1:9/hook"))
                .post("/api/v1/webhook-subscriptions")
                .then()
                .statusCode(201);
    }

    @Test
    void eachAgencyHearsOfAWithdrawalAsItConcernsItselfAlone() {
        Network almaty = Network.of("almaty");
        UUID shelter = shelter(almaty);
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        UUID caseId = Flows.caseFile(inspector);
        String consent = given().auth()
                .oauth2(inspector)
                .contentType("application/json")
                .body(Map.of(
                        "recipientKinds", List.of("NGO_CRISIS_CENTRE"),
                        "categories", List.of("IDENTITY"),
                        "method", "WRITTEN"))
                .post("/api/v1/cases/" + caseId + "/consents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Flows.referral(inspector, caseId, almaty.crisisCentre);
        Flows.referral(inspector, caseId, shelter);
        given().auth()
                .oauth2(inspector)
                .post("/api/v1/cases/" + caseId + "/consents/" + consent + "/withdrawal")
                .then()
                .statusCode(200);
        relay.relay();
        for (UUID centre : List.of(almaty.crisisCentre, shelter)) {
            given().auth()
                    .oauth2(almaty.token(Role.NGO_CASEWORKER, centre))
                    .get("/api/v1/events?limit=500")
                    .then()
                    .statusCode(200)
                    .body(
                            "items.findAll { it.type == 'consent.withdrawn' }.data.agenciesAffected",
                            contains(List.of(centre.toString())));
        }
        given().auth()
                .oauth2(inspector)
                .get("/api/v1/events?limit=500")
                .then()
                .statusCode(200)
                .body(
                        "items.findAll { it.type == 'consent.withdrawn' && it.data.caseId == '" + caseId
                                + "' }.data.agenciesAffected[0].size()",
                        equalTo(2));
    }
}
