package kz.qorgau.emergencyaccess;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.security.Role;
import kz.qorgau.support.AccessMatrix;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every break-glass endpoint called by every role from every relation to a use of it. */
@QuarkusTest
class EmergencyAccessMatrixTest {

    /** How the caller's agency stands to a use of emergency access. */
    enum Relation {
        /** The agency that opened it (and is not on the case). */
        OPENER,
        /** The case's lead agency. */
        LEAD,
        /** Another agency of the network, on neither side. */
        OTHER_AGENCY,
        OTHER_TENANT
    }

    static final Set<Role> CASE_WORKERS = AccessMatrix.CASE_WORKERS;

    Network almaty;
    Network astana;
    UUID hospital;
    String inspector;
    UUID caseId;
    UUID accessId;

    @BeforeEach
    void aUse() {
        almaty = Network.of("almaty");
        astana = Network.of("astana");
        hospital = almaty.register("District hospital", "HEALTH", "[]");
        inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        caseId = Flows.caseFile(inspector);
        accessId = opened(caseId);
    }

    @Test
    void openEmergencyAccess() {
        AccessMatrix.assertTable(
                Relation.class,
                (role, relation) -> EmergencyAccessTest.open(
                        token(role, relation),
                        Map.of("caseId", Flows.caseFile(inspector), "reason", "MEDICAL_EMERGENCY", "note", "n")),
                (role, relation) -> {
                    if (!CASE_WORKERS.contains(role)) {
                        return 403;
                    }
                    return switch (relation) {
                        case OPENER, OTHER_AGENCY -> 201;
                        case LEAD -> 409;
                        case OTHER_TENANT -> 404;
                    };
                });
    }

    @Test
    void readAUse() {
        AccessMatrix.assertTable(
                Relation.class,
                (role, relation) ->
                        given().auth().oauth2(token(role, relation)).get("/api/v1/emergency-access/" + accessId),
                (role, relation) -> {
                    if (!CASE_WORKERS.contains(role) && role != Role.COORDINATOR) {
                        return 403;
                    }
                    if (relation == Relation.OTHER_TENANT) {
                        return 404;
                    }
                    return role == Role.COORDINATOR || relation != Relation.OTHER_AGENCY ? 200 : 404;
                });
    }

    @Test
    void readTheEmergencyView() {
        AccessMatrix.assertTable(
                Relation.class,
                (role, relation) -> given().auth()
                        .oauth2(token(role, relation))
                        .get("/api/v1/emergency-access/" + accessId + "/case"),
                (role, relation) -> {
                    if (!CASE_WORKERS.contains(role)) {
                        return 403;
                    }
                    return relation == Relation.OPENER ? 200 : 404;
                });
    }

    @Test
    void listUses() {
        AccessMatrix.assertTable(
                Relation.class,
                (role, relation) -> given().auth().oauth2(token(role, relation)).get("/api/v1/emergency-access"),
                (role, relation) -> CASE_WORKERS.contains(role) || role == Role.COORDINATOR ? 200 : 403);
    }

    @Test
    void reviewAUse() {
        AccessMatrix.assertTable(
                Relation.class,
                (role, relation) -> given().auth()
                        .oauth2(token(role, relation))
                        .contentType("application/json")
                        .body(Map.of("justified", true, "note", "Treated in the emergency department"))
                        .post("/api/v1/emergency-access/" + opened(Flows.caseFile(inspector)) + "/review"),
                (role, relation) -> {
                    if (role != Role.COORDINATOR) {
                        return 403;
                    }
                    return relation == Relation.OTHER_TENANT ? 404 : 200;
                });
    }

    @Test
    void readTheFiguresPerAgency() {
        AccessMatrix.assertTable(
                Relation.class,
                (role, relation) ->
                        given().auth().oauth2(token(role, relation)).get("/api/v1/statistics/emergency-access"),
                (role, relation) -> role == Role.COORDINATOR ? 200 : 403);
    }

    private UUID opened(UUID onCase) {
        Response opened = EmergencyAccessTest.open(
                almaty.token(Role.SOCIAL_WORKER, hospital),
                Map.of("caseId", onCase, "reason", "MEDICAL_EMERGENCY", "note", "Brought in by ambulance"));
        return UUID.fromString(opened.then().statusCode(201).extract().path("id"));
    }

    private String token(Role role, Relation relation) {
        Network network = relation == Relation.OTHER_TENANT ? astana : almaty;
        if (!role.actsForAnAgency()) {
            return network.tenantWide(role);
        }
        UUID agency = switch (relation) {
            case OPENER -> hospital;
            case LEAD -> almaty.police;
            case OTHER_AGENCY -> almaty.crisisCentre;
            case OTHER_TENANT -> astana.socialProtection;
        };
        return network.token(role, agency);
    }
}
