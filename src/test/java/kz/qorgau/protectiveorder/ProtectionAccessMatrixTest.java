package kz.qorgau.protectiveorder;

import static io.restassured.RestAssured.given;
import static kz.qorgau.security.Role.AGENCY_ADMIN;
import static kz.qorgau.security.Role.COORDINATOR;
import static kz.qorgau.security.Role.POLICE_INSPECTOR;
import static kz.qorgau.support.AccessMatrix.CASE_WORKERS;
import static kz.qorgau.support.AccessMatrix.assertMatrix;
import static kz.qorgau.support.AccessMatrix.objectRule;
import static kz.qorgau.support.AccessMatrix.with;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.security.Role;
import kz.qorgau.support.AccessMatrix.Relation;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import kz.qorgau.support.Parties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The endpoints of issue 9 (risk, protective orders, the directory, the timeline), called by every role
 * from every relation: the case's lead agency (OWN), the receiver of its referral that has not accepted
 * (RECEIVER), an unrelated agency of the network, and an agency of another network.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProtectionAccessMatrixTest {

    private static final Set<Relation> CASE_RELATIONS =
            EnumSet.of(Relation.OWN, Relation.RECEIVER, Relation.OTHER_AGENCY, Relation.OTHER_TENANT);
    private static final Set<Relation> AGENCY_RELATIONS =
            EnumSet.of(Relation.OWN, Relation.OTHER_AGENCY, Relation.OTHER_TENANT);

    private Parties parties;
    private Network almaty;
    private UUID caseId;
    private UUID order;
    private String inspector;
    private String district;

    @BeforeEach
    void objects() {
        if (almaty != null) {
            return;
        }
        parties = Parties.create();
        almaty = parties.almaty;
        inspector = almaty.token(POLICE_INSPECTOR, almaty.police);
        caseId = Flows.caseFile(inspector);
        Flows.recordConsent(inspector, caseId, almaty.socialProtection).then().statusCode(201);
        Flows.referral(inspector, caseId, almaty.socialProtection);
        order = UUID.fromString(Flows.recordOrder(inspector, caseId, Flows.orderBody("PO-" + UUID.randomUUID()))
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        district = almaty.uniqueName("Turksib");
        Flows.directoryEntry(almaty.coordinator(), almaty.police, district, 1)
                .then()
                .statusCode(200);
    }

    private String token(Role role, Relation relation) {
        return parties.token(role, relation);
    }

    /** The case itself is seen by its lead agency; a receiver that has not accepted is not on it. */
    private static int caseRule(Set<Role> mayCall, Role role, Relation relation, int success) {
        return relation == Relation.RECEIVER && role != COORDINATOR && mayCall.contains(role)
                ? 404
                : objectRule(mayCall, role, relation, success);
    }

    @Test
    void readTheRiskChecklist() {
        assertMatrix(
                AGENCY_RELATIONS,
                (role, relation) -> given().auth().oauth2(token(role, relation)).get("/api/v1/risk-questionnaire"),
                (role, relation) -> with(CASE_WORKERS, COORDINATOR).contains(role) ? 200 : 403);
    }

    @Test
    void publishARiskChecklist() {
        // An unusable definition lets a permitted caller through the access check without publishing it.
        assertMatrix(
                AGENCY_RELATIONS,
                (role, relation) -> given().auth()
                        .oauth2(token(role, relation))
                        .contentType("application/json")
                        .body("{\"name\": {}, \"questions\": [], \"thresholds\": {}}")
                        .post("/api/v1/risk-questionnaire"),
                (role, relation) -> role == COORDINATOR ? 400 : 403);
    }

    @Test
    void recordARiskAssessment() {
        assertMatrix(
                CASE_RELATIONS,
                (role, relation) -> Flows.assess(
                        token(role, relation), caseId, Map.of("answers", Flows.answersScoring(inspector, 0))),
                (role, relation) -> caseRule(CASE_WORKERS, role, relation, 201));
    }

    @Test
    void readRiskAssessments() {
        assertMatrix(
                CASE_RELATIONS,
                (role, relation) -> given().auth()
                        .oauth2(token(role, relation))
                        .get("/api/v1/cases/" + caseId + "/risk-assessments"),
                (role, relation) -> caseRule(with(CASE_WORKERS, COORDINATOR), role, relation, 200));
    }

    @Test
    void recordAProtectiveOrder() {
        assertMatrix(
                CASE_RELATIONS,
                (role, relation) ->
                        Flows.recordOrder(token(role, relation), caseId, Flows.orderBody("PO-" + UUID.randomUUID())),
                (role, relation) -> caseRule(EnumSet.of(POLICE_INSPECTOR), role, relation, 201));
    }

    @Test
    void readProtectiveOrders() {
        // Every agency on one of the case's referrals sees its orders, the receiver included.
        assertMatrix(
                CASE_RELATIONS,
                (role, relation) -> given().auth()
                        .oauth2(token(role, relation))
                        .get("/api/v1/cases/" + caseId + "/protective-orders"),
                (role, relation) -> objectRule(with(CASE_WORKERS, COORDINATOR), role, relation, 200));
    }

    @Test
    void reportAViolation() {
        assertMatrix(
                CASE_RELATIONS,
                (role, relation) -> given().auth()
                        .oauth2(token(role, relation))
                        .contentType("application/json")
                        .body(Map.of(
                                "occurredAt",
                                Instant.now().minusSeconds(1).toString(),
                                "description",
                                "He waited outside her workplace"))
                        .post("/api/v1/protective-orders/" + order + "/violations"),
                (role, relation) -> objectRule(CASE_WORKERS, role, relation, 201));
    }

    @Test
    void recordACheckIn() {
        // A fresh order with check-ins for each call, since a check-in is recorded once. Only the unit that
        // recorded the order records its visits: another agency that sees the order is refused.
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Almaty"));
        assertMatrix(
                CASE_RELATIONS,
                (role, relation) -> {
                    String reporting = given().auth()
                            .oauth2(inspector)
                            .contentType("application/json")
                            .body(Map.of(
                                    "number",
                                    "ORD-" + UUID.randomUUID(),
                                    "kind",
                                    "COURT_RESTRICTIONS",
                                    "issuingAuthority",
                                    "Almaly district court",
                                    "issuedOn",
                                    today.minusDays(40).toString(),
                                    "expiresOn",
                                    today.plusDays(60).toString(),
                                    "conditions",
                                    List.of(Map.of("type", "REPORT_TO_POLICE", "checkInDays", List.of(1)))))
                            .post("/api/v1/cases/" + caseId + "/protective-orders")
                            .then()
                            .statusCode(201)
                            .extract()
                            .path("id");
                    java.time.LocalDate first = CheckInSchedule.dueDates(
                                    Set.of(1), today.minusDays(40), today.plusDays(60))
                            .get(0);
                    return given().auth()
                            .oauth2(token(role, relation))
                            .contentType("application/json")
                            .body(Map.of("dueOn", first.toString()))
                            .post("/api/v1/protective-orders/" + reporting + "/check-ins");
                },
                (role, relation) -> role != POLICE_INSPECTOR
                        ? 403
                        : switch (relation) {
                            case OWN -> 200;
                            case RECEIVER -> 403;
                            default -> 404;
                        });
    }

    @Test
    void readTheUnitsMissedCheckInsAndCourtPrompts() {
        for (String list : List.of("missed-check-ins", "court-prompts")) {
            assertMatrix(
                    AGENCY_RELATIONS,
                    (role, relation) ->
                            given().auth().oauth2(token(role, relation)).get("/api/v1/protective-orders/" + list),
                    (role, relation) -> role == POLICE_INSPECTOR ? 200 : 403);
        }
    }

    @Test
    void readRepeatVictimisationFigures() {
        assertMatrix(
                AGENCY_RELATIONS,
                (role, relation) ->
                        given().auth().oauth2(token(role, relation)).get("/api/v1/statistics/repeat-victimisation"),
                (role, relation) -> role == COORDINATOR ? 200 : 403);
    }

    @Test
    void revokeAnOrder() {
        // A fresh order for each call, since an order is revoked once.
        assertMatrix(
                CASE_RELATIONS,
                (role, relation) -> {
                    String fresh = Flows.recordOrder(inspector, caseId, Flows.orderBody("PO-" + UUID.randomUUID()))
                            .then()
                            .statusCode(201)
                            .extract()
                            .path("id");
                    return given().auth()
                            .oauth2(token(role, relation))
                            .contentType("application/json")
                            .body(Map.of("reason", "Court replaced it with restrictions"))
                            .post("/api/v1/protective-orders/" + fresh + "/revocation");
                },
                (role, relation) -> role == POLICE_INSPECTOR && relation == Relation.RECEIVER
                        ? 403
                        : objectRule(EnumSet.of(POLICE_INSPECTOR), role, relation, 200));
    }

    @Test
    void searchTheDirectory() {
        assertMatrix(
                AGENCY_RELATIONS,
                (role, relation) -> given().auth()
                        .oauth2(token(role, relation))
                        .queryParam("district", district)
                        .get("/api/v1/directory"),
                // A token naming the role of a recipient off the platform is given no role at all.
                (role, relation) -> role == Role.EXTERNAL_RECIPIENT ? 403 : 200,
                (role, relation) -> relation != Relation.OTHER_TENANT,
                response -> response.<List<String>>path("items.agencyId").contains(almaty.police.toString()));
    }

    @Test
    void updateADirectoryEntry() {
        Set<Role> staff = with(CASE_WORKERS, AGENCY_ADMIN, COORDINATOR);
        assertMatrix(
                AGENCY_RELATIONS,
                (role, relation) -> Flows.directoryEntry(token(role, relation), almaty.police, district, 1),
                (role, relation) -> {
                    if (!staff.contains(role)) {
                        return 403;
                    }
                    return switch (relation) {
                        case OTHER_TENANT -> 404;
                        case OTHER_AGENCY -> role == COORDINATOR ? 200 : 403;
                        default -> 200;
                    };
                });
    }

    @Test
    void readTheCaseTimeline() {
        assertMatrix(
                CASE_RELATIONS,
                (role, relation) ->
                        given().auth().oauth2(token(role, relation)).get("/api/v1/cases/" + caseId + "/timeline"),
                (role, relation) -> caseRule(with(CASE_WORKERS, COORDINATOR), role, relation, 200));
    }
}
