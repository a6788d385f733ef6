package kz.qorgau.agency;

import static io.restassured.RestAssured.given;
import static kz.qorgau.security.Role.AGENCY_ADMIN;
import static kz.qorgau.security.Role.COORDINATOR;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import kz.qorgau.security.Role;
import kz.qorgau.support.Network;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every agency endpoint, called by every role, on the caller's own agency, on another agency of its
 * tenant and on an agency of another tenant. The expected status of each cell is written out here, so a
 * change of access rules shows up as a changed line of this table.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgencyAccessMatrixTest {

    enum Target {
        OWN_AGENCY,
        OTHER_AGENCY_SAME_TENANT,
        OTHER_TENANT
    }

    private Network almaty;
    private Network astana;

    // Quarkus points REST Assured at the test port only per test, so the networks are made in the first.
    @BeforeEach
    void networks() {
        if (almaty == null) {
            almaty = Network.of("almaty");
            astana = Network.of("astana");
        }
    }

    private UUID target(Target target) {
        return switch (target) {
            case OWN_AGENCY -> almaty.crisisCentre;
            case OTHER_AGENCY_SAME_TENANT -> almaty.police;
            case OTHER_TENANT -> astana.crisisCentre;
        };
    }

    /** The caller always belongs to almaty's crisis centre. */
    private String token(Role role) {
        return almaty.token(role, almaty.crisisCentre);
    }

    private static int readExpected(Role role, Target target) {
        if (role == Role.EXTERNAL_RECIPIENT) {
            // Only a link and its code make a recipient off the platform: a token naming the role has no role.
            return 403;
        }
        return target == Target.OTHER_TENANT ? 404 : 200;
    }

    private static int editExpected(Role role, Target target) {
        if (role != AGENCY_ADMIN && role != COORDINATOR) {
            return 403;
        }
        if (target == Target.OTHER_TENANT) {
            return 404;
        }
        return role == COORDINATOR || target == Target.OWN_AGENCY ? 200 : 403;
    }

    @Test
    void getOneAgency() {
        assertMatrix(
                (role, target) -> given().auth().oauth2(token(role)).get("/api/v1/agencies/" + target(target)),
                AgencyAccessMatrixTest::readExpected);
    }

    @Test
    void editAnAgency() {
        assertMatrix(
                (role, target) -> given().auth()
                        .oauth2(token(role))
                        .contentType("application/merge-patch+json")
                        .header("If-Match", currentEtag(target(target)))
                        .body("{\"district\":\"Medeu " + role.ordinal() + "\"}")
                        .patch("/api/v1/agencies/" + target(target)),
                AgencyAccessMatrixTest::editExpected);
    }

    @Test
    void registerAnAgency() {
        for (Role role : Role.values()) {
            int status = given().auth()
                    .oauth2(token(role))
                    .contentType("application/json")
                    .body("{\"name\":\"" + almaty.uniqueName("Registered by " + role) + "\",\"kind\":\"HEALTH\"}")
                    .post("/api/v1/agencies")
                    .statusCode();
            assertEquals(role == COORDINATOR ? 201 : 403, status, "POST /api/v1/agencies as " + role);
        }
    }

    @Test
    void listAgenciesShowsOnlyTheCallersTenant() {
        for (Role role : Role.values()) {
            if (role == Role.EXTERNAL_RECIPIENT) {
                assertEquals(
                        403,
                        given().auth()
                                .oauth2(token(role))
                                .get("/api/v1/agencies")
                                .statusCode());
                continue;
            }
            List<String> seen = new ArrayList<>();
            String cursor = null;
            do {
                var request = given().auth().oauth2(token(role)).queryParam("limit", 100);
                if (cursor != null) {
                    request.queryParam("cursor", cursor);
                }
                Response page = request.get("/api/v1/agencies");
                assertEquals(200, page.statusCode(), "GET /api/v1/agencies as " + role);
                seen.addAll(page.path("items.id"));
                cursor = page.path("nextCursor");
            } while (cursor != null);
            assertEquals(true, seen.contains(almaty.police.toString()), role + " sees its tenant's agencies");
            assertEquals(false, seen.contains(astana.crisisCentre.toString()), role + " never sees another tenant's");
        }
    }

    private void assertMatrix(BiFunction<Role, Target, Response> call, BiFunction<Role, Target, Integer> expected) {
        List<String> wrong = new ArrayList<>();
        for (Role role : Role.values()) {
            for (Target target : Target.values()) {
                Response response = call.apply(role, target);
                int want = expected.apply(role, target);
                if (response.statusCode() != want) {
                    wrong.add(role + " x " + target + ": expected " + want + " got " + response.statusCode());
                } else if (want >= 400 && !response.contentType().startsWith("application/problem+json")) {
                    wrong.add(role + " x " + target + ": " + want + " without a problem detail");
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** The agency's ETag as its network's coordinator reads it now; for another network's, any version. */
    private String currentEtag(Object agency) {
        String etag = given().auth()
                .oauth2(almaty.coordinator())
                .get("/api/v1/agencies/" + agency)
                .header("ETag");
        return etag == null ? "\"0\"" : etag;
    }
}
