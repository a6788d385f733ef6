package kz.qorgau.children;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.security.Role;
import kz.qorgau.support.AccessMatrix;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every children and notice operation for every role and place: her children are for the case workers of the
 * agencies on her case (404 for any other agency or network); a notice for its addressee alone (404 for anyone else,
 * as if it did not exist); the overdue notices for the coordinators.
 */
@QuarkusTest
class ChildrenAccessMatrixTest {

    enum OnCase {
        LEAD,
        RECEIVER,
        OTHER_AGENCY,
        OTHER_TENANT
    }

    enum ToNotice {
        ADDRESSEE,
        OTHER_AGENCY,
        OTHER_TENANT
    }

    static final Set<Role> READ_NOTICES = AccessMatrix.with(AccessMatrix.CASE_WORKERS, Role.SAFEGUARDING_LEAD);

    Network almaty;
    Network astana;
    UUID childProtection;
    UUID unrelated;
    UUID caseId;
    UUID incident;
    UUID child;
    String notice;

    @BeforeEach
    void scene() {
        almaty = Network.of("almaty");
        astana = Network.of("astana");
        String district = "Alatau-" + UUID.randomUUID();
        childProtection = UUID.fromString(given().auth()
                .oauth2(almaty.coordinator())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name", almaty.uniqueName("Guardianship"), "kind", "CHILD_PROTECTION", "district", district))
                .post("/api/v1/agencies")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        unrelated = almaty.register("Unrelated centre", "NGO_CRISIS_CENTRE", "[\"SHELTER\"]");
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        incident = UUID.fromString(given().auth()
                .oauth2(almaty.token(Role.POLICE_DISPATCH, almaty.police))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "occurredAt",
                        Instant.now().minus(2, ChronoUnit.HOURS).toString(),
                        "district",
                        district,
                        "violenceKinds",
                        List.of("PHYSICAL"),
                        "childrenPresent",
                        true,
                        "weaponsInvolved",
                        false,
                        "injuries",
                        false))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        caseId = Flows.caseFile(inspector, incident);
        Flows.recordConsent(inspector, caseId, almaty.crisisCentre).then().statusCode(201);
        UUID referral = Flows.referral(inspector, caseId, almaty.crisisCentre);
        Flows.fire(almaty.token(Role.NGO_CASEWORKER, almaty.crisisCentre), referral, "ACCEPT")
                .then()
                .statusCode(200);
        child = UUID.fromString(given().auth()
                .oauth2(inspector)
                .contentType(ContentType.JSON)
                .body(Map.of("fullName", "Aruzhan Sultanova", "birthDate", "2016-05-12"))
                .post("/api/v1/cases/" + caseId + "/children")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        given().auth()
                .oauth2(inspector)
                .contentType(ContentType.JSON)
                .body(Map.of("present", true))
                .put("/api/v1/cases/" + caseId + "/children/" + child + "/incidents/" + incident)
                .then()
                .statusCode(200);
        notice = given().auth()
                .oauth2(almaty.token(Role.SOCIAL_WORKER, childProtection))
                .get("/api/v1/child-notices")
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].id");
    }

    @Test
    void recordAChild() {
        AccessMatrix.assertTable(
                OnCase.class,
                (role, relation) -> given().auth()
                        .oauth2(token(role, relation))
                        .contentType(ContentType.JSON)
                        .body(Map.of("fullName", "Timur Sultanov", "birthDate", "2019-09-30"))
                        .post("/api/v1/cases/" + caseId + "/children"),
                (role, relation) -> onCase(role, relation, 201));
    }

    @Test
    void listHerChildren() {
        AccessMatrix.assertTable(
                OnCase.class,
                (role, relation) ->
                        given().auth().oauth2(token(role, relation)).get("/api/v1/cases/" + caseId + "/children"),
                (role, relation) -> onCase(role, relation, 200));
    }

    @Test
    void recordPresence() {
        AccessMatrix.assertTable(
                OnCase.class,
                (role, relation) -> given().auth()
                        .oauth2(token(role, relation))
                        .contentType(ContentType.JSON)
                        .body(Map.of("present", true))
                        .put("/api/v1/cases/" + caseId + "/children/" + child + "/incidents/" + incident),
                (role, relation) -> onCase(role, relation, 200));
    }

    @Test
    void listNotices() {
        AccessMatrix.assertTable(
                ToNotice.class,
                (role, relation) -> given().auth().oauth2(token(role, relation)).get("/api/v1/child-notices"),
                (role, relation) -> READ_NOTICES.contains(role) ? 200 : 403);
    }

    @Test
    void readANotice() {
        AccessMatrix.assertTable(
                ToNotice.class,
                (role, relation) -> given().auth().oauth2(token(role, relation)).get("/api/v1/child-notices/" + notice),
                (role, relation) -> toNotice(role, relation));
    }

    @Test
    void acknowledgeANotice() {
        AccessMatrix.assertTable(
                ToNotice.class,
                (role, relation) -> given().auth()
                        .oauth2(token(role, relation))
                        .post("/api/v1/child-notices/" + notice + "/acknowledgement"),
                (role, relation) -> toNotice(role, relation));
    }

    @Test
    void listOverdueNotices() {
        AccessMatrix.assertTable(
                ToNotice.class,
                (role, relation) -> given().auth().oauth2(token(role, relation)).get("/api/v1/child-notices/overdue"),
                (role, relation) -> role == Role.COORDINATOR ? 200 : 403);
    }

    private static int onCase(Role role, OnCase relation, int success) {
        if (!AccessMatrix.CASE_WORKERS.contains(role)) {
            return 403;
        }
        return relation == OnCase.LEAD || relation == OnCase.RECEIVER ? success : 404;
    }

    private static int toNotice(Role role, ToNotice relation) {
        if (!READ_NOTICES.contains(role)) {
            return 403;
        }
        return relation == ToNotice.ADDRESSEE ? 200 : 404;
    }

    private String token(Role role, OnCase relation) {
        Network network = relation == OnCase.OTHER_TENANT ? astana : almaty;
        if (!role.actsForAnAgency()) {
            return network.tenantWide(role);
        }
        UUID agency = switch (relation) {
            case LEAD -> almaty.police;
            case RECEIVER -> almaty.crisisCentre;
            case OTHER_AGENCY -> unrelated;
            case OTHER_TENANT -> astana.police;
        };
        return network.token(role, agency);
    }

    private String token(Role role, ToNotice relation) {
        Network network = relation == ToNotice.OTHER_TENANT ? astana : almaty;
        if (!role.actsForAnAgency()) {
            return network.tenantWide(role);
        }
        UUID agency = switch (relation) {
            case ADDRESSEE -> childProtection;
            case OTHER_AGENCY -> almaty.police;
            case OTHER_TENANT -> astana.socialProtection;
        };
        return network.token(role, agency);
    }
}
