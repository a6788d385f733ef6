package kz.qorgau.referral;

import static io.restassured.RestAssured.given;
import static kz.qorgau.security.Role.COORDINATOR;
import static kz.qorgau.security.Role.POLICE_DISPATCH;
import static kz.qorgau.security.Role.POLICE_INSPECTOR;
import static kz.qorgau.support.AccessMatrix.CASE_WORKERS;
import static kz.qorgau.support.AccessMatrix.assertMatrix;
import static kz.qorgau.support.AccessMatrix.objectRule;
import static kz.qorgau.support.AccessMatrix.with;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.notification.OutboxRelay;
import kz.qorgau.security.Role;
import kz.qorgau.support.AccessMatrix.Relation;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import kz.qorgau.support.Parties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every endpoint of incidents, cases, consents and referrals, called by every role from every relation to
 * the object: the agency that owns it (for a referral, its sender and its receiver), another agency of the
 * same network, and an agency of another network. Expected statuses are derived from rules stated here in
 * a few lines each, so a changed rule is a visible change of this test.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LifecycleAccessMatrixTest {

    private static final Set<Relation> OBJECT_RELATIONS =
            EnumSet.of(Relation.OWN, Relation.OTHER_AGENCY, Relation.OTHER_TENANT);
    private static final Set<Relation> REFERRAL_RELATIONS =
            EnumSet.of(Relation.SENDER, Relation.RECEIVER, Relation.OTHER_AGENCY, Relation.OTHER_TENANT);

    @Inject
    OutboxRelay relay;

    private Parties parties;
    private Network almaty;
    private UUID incident;
    private UUID caseId;
    private UUID referral;

    // Quarkus points REST Assured at the test port only per test, so the objects are made in the first.
    private String incidentUpdatedAt() {
        return given().auth()
                .oauth2(almaty.token(POLICE_DISPATCH, almaty.police))
                .get("/api/v1/incidents/" + incident)
                .then()
                .statusCode(200)
                .extract()
                .path("updatedAt");
    }

    @BeforeEach
    void objects() {
        if (almaty != null) {
            return;
        }
        parties = Parties.create();
        almaty = parties.almaty;
        incident = Flows.incident(almaty.token(POLICE_DISPATCH, almaty.police));
        String inspector = almaty.token(POLICE_INSPECTOR, almaty.police);
        caseId = Flows.caseFile(inspector, incident);
        Flows.recordConsent(inspector, caseId, almaty.socialProtection).then().statusCode(201);
        referral = Flows.referral(inspector, caseId, almaty.socialProtection);
    }

    private String token(Role role, Relation relation) {
        return parties.token(role, relation);
    }

    @Test
    void reportAnIncident() {
        // Reporting creates an incident of the caller's own agency, wherever that agency is.
        assertMatrix(
                OBJECT_RELATIONS,
                (role, relation) -> Flows.reportIncident(token(role, relation), null),
                (role, relation) ->
                        EnumSet.of(POLICE_DISPATCH, POLICE_INSPECTOR).contains(role) ? 201 : 403);
    }

    @Test
    void readAnIncident() {
        assertMatrix(
                OBJECT_RELATIONS,
                (role, relation) -> given().auth().oauth2(token(role, relation)).get("/api/v1/incidents/" + incident),
                (role, relation) ->
                        objectRule(EnumSet.of(POLICE_DISPATCH, POLICE_INSPECTOR, COORDINATOR), role, relation, 200));
    }

    @Test
    void listIncidents() {
        Set<Role> mayCall = EnumSet.of(POLICE_DISPATCH, POLICE_INSPECTOR, COORDINATOR);
        assertMatrix(
                OBJECT_RELATIONS,
                (role, relation) -> given().auth()
                        .oauth2(token(role, relation))
                        .queryParam("limit", 100)
                        // From the incident's own last change on: the network's earlier incidents fill no page.
                        .queryParam("updatedSince", incidentUpdatedAt())
                        .get("/api/v1/incidents"),
                (role, relation) -> mayCall.contains(role) ? 200 : 403,
                (role, relation) -> objectRule(mayCall, role, relation, 200) == 200,
                response -> response.<List<String>>path("items.id").contains(incident.toString()));
    }

    @Test
    void openACase() {
        assertMatrix(
                OBJECT_RELATIONS,
                (role, relation) -> Flows.openCase(token(role, relation)),
                (role, relation) -> CASE_WORKERS.contains(role) ? 201 : 403);
    }

    @Test
    void readACase() {
        assertMatrix(
                OBJECT_RELATIONS,
                (role, relation) -> given().auth().oauth2(token(role, relation)).get("/api/v1/cases/" + caseId),
                (role, relation) -> objectRule(with(CASE_WORKERS, COORDINATOR), role, relation, 200));
    }

    @Test
    void recordConsentOnACase() {
        assertMatrix(
                OBJECT_RELATIONS,
                (role, relation) -> Flows.recordConsent(token(role, relation), caseId, almaty.crisisCentre),
                (role, relation) -> objectRule(CASE_WORKERS, role, relation, 201));
    }

    @Test
    void sendAReferral() {
        assertMatrix(
                OBJECT_RELATIONS,
                (role, relation) -> Flows.refer(token(role, relation), caseId, almaty.crisisCentre, false),
                (role, relation) -> objectRule(CASE_WORKERS, role, relation, 201));
    }

    @Test
    void readAReferralItsHistoryAndItsActions() {
        for (String suffix : List.of("", "/history", "/actions")) {
            assertMatrix(
                    REFERRAL_RELATIONS,
                    (role, relation) ->
                            given().auth().oauth2(token(role, relation)).get("/api/v1/referrals/" + referral + suffix),
                    (role, relation) -> objectRule(with(CASE_WORKERS, COORDINATOR), role, relation, 200));
        }
    }

    @Test
    void fireATransition() {
        // A stale If-Match lets every permitted caller through the access checks without changing anything.
        assertMatrix(
                REFERRAL_RELATIONS,
                (role, relation) ->
                        Flows.fireAt(token(role, relation), referral, "\"999\"", "ACKNOWLEDGE", java.util.Map.of()),
                (role, relation) -> objectRule(CASE_WORKERS, role, relation, 412));
    }

    @Test
    void listReferrals() {
        Set<Role> mayCall = with(CASE_WORKERS, COORDINATOR);
        assertMatrix(
                REFERRAL_RELATIONS,
                (role, relation) -> given().auth()
                        .oauth2(token(role, relation))
                        .queryParam("direction", relation == Relation.SENDER ? "outgoing" : "incoming")
                        .queryParam("limit", 100)
                        .get("/api/v1/referrals"),
                (role, relation) -> mayCall.contains(role) ? 200 : 403,
                // An agency lists its own side; a coordinator asking for a direction lists its own agency's.
                (role, relation) ->
                        mayCall.contains(role) && (relation == Relation.SENDER || relation == Relation.RECEIVER),
                response -> response.<List<String>>path("items.id").contains(referral.toString()));
        // Without a direction, a coordinator sees the network's referrals; nobody sees another network's.
        given().auth()
                .oauth2(almaty.coordinator())
                .queryParam("limit", 100)
                .queryParam("state", "SUBMITTED")
                .queryParam("priority", "HIGH")
                .get("/api/v1/referrals")
                .then()
                .statusCode(200);
        List<String> seenFromAstana = given().auth()
                .oauth2(Network.coordinatorToken("astana"))
                .queryParam("limit", 100)
                .get("/api/v1/referrals")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        assertEquals(false, seenFromAstana.contains(referral.toString()));
    }

    @Test
    void readWhatConsentSharesForAReferral() {
        // The referral's two agencies; coordinators oversee without personal data, so the function is not theirs.
        assertMatrix(
                REFERRAL_RELATIONS,
                (role, relation) -> given().auth()
                        .oauth2(token(role, relation))
                        .get("/api/v1/referrals/" + referral + "/shared-data"),
                (role, relation) -> objectRule(CASE_WORKERS, role, relation, 200));
    }

    @Test
    void searchCasesByTheSurvivorsPhone() {
        String phone = "+7 777 " + (1_000_000 + new java.util.Random().nextInt(8_999_999));
        String found = given().auth()
                .oauth2(almaty.token(POLICE_INSPECTOR, almaty.police))
                .contentType("application/json")
                .body(Flows.openCaseBody().replace("+7 701 555 12 12", phone))
                .post("/api/v1/cases")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // A hit tells that she is a survivor: only case workers search, and only their agency's cases.
        assertMatrix(
                OBJECT_RELATIONS,
                (role, relation) -> given().auth()
                        .oauth2(token(role, relation))
                        .queryParam("survivorPhone", phone)
                        .get("/api/v1/cases"),
                (role, relation) -> CASE_WORKERS.contains(role) ? 200 : 403,
                (role, relation) -> CASE_WORKERS.contains(role) && relation == Relation.OWN,
                response -> response.<List<String>>path("items.id").contains(found));
    }

    @Test
    void closeACase() {
        // A stale If-Match lets every permitted caller through the access checks without closing anything.
        assertMatrix(
                OBJECT_RELATIONS,
                (role, relation) -> given().auth()
                        .oauth2(token(role, relation))
                        .header("If-Match", "\"999\"")
                        .contentType("application/json")
                        .body(java.util.Map.of("reason", "Done"))
                        .post("/api/v1/cases/" + caseId + "/closure"),
                (role, relation) -> objectRule(CASE_WORKERS, role, relation, 412));
    }

    @Test
    void withdrawAConsent() {
        // Each call withdraws a consent of its own, recorded just before by the lead agency.
        String lead = almaty.token(POLICE_INSPECTOR, almaty.police);
        assertMatrix(
                OBJECT_RELATIONS,
                (role, relation) -> {
                    String consent = Flows.recordConsent(lead, caseId, almaty.crisisCentre)
                            .then()
                            .statusCode(201)
                            .extract()
                            .path("id");
                    return given().auth()
                            .oauth2(token(role, relation))
                            .post("/api/v1/cases/" + caseId + "/consents/" + consent + "/withdrawal");
                },
                (role, relation) -> objectRule(CASE_WORKERS, role, relation, 200));
    }

    @Test
    void readAndVerifyTheAuditTrail() {
        // Auditors of any agency or none read their own network's trail; nobody else reads it.
        for (String path : List.of("/api/v1/audit", "/api/v1/audit/verification")) {
            assertMatrix(
                    OBJECT_RELATIONS,
                    (role, relation) ->
                            given().auth().oauth2(token(role, relation)).get(path),
                    (role, relation) -> role == Role.AUDITOR ? 200 : 403);
        }
        // Checkpoints: an auditor takes one of its own network; nobody else takes any.
        assertMatrix(
                OBJECT_RELATIONS,
                (role, relation) -> given().auth().oauth2(token(role, relation)).post("/api/v1/audit/checkpoints"),
                (role, relation) -> role == Role.AUDITOR ? 200 : 403);
        assertEquals(
                "astana",
                given().auth()
                        .oauth2(token(Role.AUDITOR, Relation.OTHER_TENANT))
                        .post("/api/v1/audit/checkpoints")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("tenantId"));
        // Verifying against this network's checkpoint: its auditors only; another network's auditor hears 400.
        Map<String, Object> checkpoint = given().auth()
                .oauth2(token(Role.AUDITOR, Relation.OWN))
                .post("/api/v1/audit/checkpoints")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
        assertMatrix(
                OBJECT_RELATIONS,
                (role, relation) -> given().auth()
                        .oauth2(token(role, relation))
                        .contentType("application/json")
                        .body(Map.of("checkpoint", checkpoint))
                        .post("/api/v1/audit/verification"),
                (role, relation) -> role != Role.AUDITOR ? 403 : relation == Relation.OTHER_TENANT ? 400 : 200);
        // The public key of the checkpoints answers anyone, token or none.
        given().get("/.well-known/qorgau-audit-signing-key").then().statusCode(200);
        List<String> astanaCases = given().auth()
                .oauth2(token(Role.AUDITOR, Relation.OTHER_TENANT))
                .queryParam("caseId", caseId)
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .extract()
                .path("items.caseId");
        assertEquals(List.of(), astanaCases);
    }

    @Test
    void readTheNetworksStatistics() {
        assertMatrix(
                OBJECT_RELATIONS,
                (role, relation) -> given().auth().oauth2(token(role, relation)).get("/api/v1/statistics/referrals"),
                (role, relation) -> role == COORDINATOR ? 200 : 403);
    }

    @Test
    void followTheChangeFeed() {
        Set<Role> mayCall = EnumSet.of(
                Role.POLICE_DISPATCH,
                POLICE_INSPECTOR,
                Role.SOCIAL_WORKER,
                Role.NGO_CASEWORKER,
                Role.AGENCY_ADMIN,
                COORDINATOR,
                Role.SAFEGUARDING_LEAD,
                Role.HOTLINE_OPERATOR);
        assertMatrix(
                OBJECT_RELATIONS,
                (role, relation) -> given().auth().oauth2(token(role, relation)).get("/api/v1/events"),
                (role, relation) -> mayCall.contains(role) ? 200 : 403);
    }

    @Test
    void manageWebhookSubscriptionsAndTheirDeliveries() {
        // The police precinct's system subscribes (its client holds agency-admin and an inspector's role, so
        // that it may read the referral events it asks for); each call then reaches for that subscription.
        String admin = almaty.token(almaty.police, Role.AGENCY_ADMIN, Role.POLICE_INSPECTOR);
        String subscription = given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .body(java.util.Map.of("url", "http://127.0.0.1:9/never", "eventTypes", List.of("referral.submitted")))
                .post("/api/v1/webhook-subscriptions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Expectation own = (role, relation) -> role != Role.AGENCY_ADMIN ? 403 : relation == Relation.OWN ? 200 : 404;
        assertMatrix(
                OBJECT_RELATIONS,
                (role, relation) -> given().auth().oauth2(token(role, relation)).get("/api/v1/webhook-subscriptions"),
                (role, relation) -> role == Role.AGENCY_ADMIN ? 200 : 403,
                (role, relation) -> role == Role.AGENCY_ADMIN && relation == Relation.OWN,
                response -> response.<List<String>>path("items.id").contains(subscription));
        // A delivery of its own: the fixture's submitted referral, replayed from the start of the agency's feed.
        relay.relay();
        given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .body(java.util.Map.of("fromPosition", 0))
                .post("/api/v1/webhook-subscriptions/" + subscription + "/replay")
                .then()
                .statusCode(202);
        String delivery = given().auth()
                .oauth2(admin)
                .get("/api/v1/webhook-subscriptions/" + subscription + "/deliveries")
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].id");
        assertMatrix(
                OBJECT_RELATIONS,
                (role, relation) -> given().auth()
                        .oauth2(token(role, relation))
                        .post("/api/v1/webhook-subscriptions/" + subscription + "/deliveries/" + delivery + "/replay"),
                own::status);
        for (String suffix : List.of("", "/deliveries")) {
            assertMatrix(
                    OBJECT_RELATIONS,
                    (role, relation) -> given().auth()
                            .oauth2(token(role, relation))
                            .get("/api/v1/webhook-subscriptions/" + subscription + suffix),
                    own::status);
        }
        assertMatrix(
                OBJECT_RELATIONS,
                (role, relation) -> given().auth()
                        .oauth2(token(role, relation))
                        .contentType("application/json")
                        // From the start: a position beyond the feed's head answers 410, and repeated replays
                        // queue nothing twice.
                        .body(java.util.Map.of("fromPosition", 0))
                        .post("/api/v1/webhook-subscriptions/" + subscription + "/replay"),
                (role, relation) -> own.status(role, relation) == 200 ? 202 : own.status(role, relation));
        assertMatrix(
                OBJECT_RELATIONS,
                (role, relation) -> given().auth()
                        .oauth2(token(role, relation))
                        .contentType("application/json")
                        .body(java.util.Map.of(
                                "url", "http://127.0.0.1:9/never", "eventTypes", List.of("referral.submitted")))
                        .post("/api/v1/webhook-subscriptions"),
                // An admin alone reads no events, so a subscription of its own would carry none (issue 17).
                (role, relation) -> 403);
        for (Role reader : List.of(Role.POLICE_INSPECTOR, Role.SOCIAL_WORKER, Role.NGO_CASEWORKER)) {
            String made = given().auth()
                    .oauth2(almaty.token(almaty.police, Role.AGENCY_ADMIN, reader))
                    .contentType("application/json")
                    .body(java.util.Map.of(
                            "url", "http://127.0.0.1:9/never", "eventTypes", List.of("referral.submitted")))
                    .post("/api/v1/webhook-subscriptions")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            given().auth()
                    .oauth2(admin)
                    .delete("/api/v1/webhook-subscriptions/" + made)
                    .then()
                    .statusCode(204);
        }
        // Stopping it last: only its own agency's admin may.
        assertMatrix(
                EnumSet.of(Relation.OTHER_AGENCY, Relation.OTHER_TENANT),
                (role, relation) -> given().auth()
                        .oauth2(token(role, relation))
                        .delete("/api/v1/webhook-subscriptions/" + subscription),
                own::status);
        given().auth()
                .oauth2(almaty.token(Role.AGENCY_ADMIN, almaty.police))
                .delete("/api/v1/webhook-subscriptions/" + subscription)
                .then()
                .statusCode(204);
    }

    private interface Expectation {
        int status(Role role, Relation relation);
    }

    @Test
    void listEscalatedReferrals() {
        assertMatrix(
                OBJECT_RELATIONS,
                (role, relation) -> given().auth()
                        .oauth2(token(role, relation))
                        .queryParam("escalated", true)
                        .get("/api/v1/referrals"),
                (role, relation) -> role == COORDINATOR ? 200 : 403);
    }
}
