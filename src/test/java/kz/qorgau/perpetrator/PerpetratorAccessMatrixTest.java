package kz.qorgau.perpetrator;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import kz.qorgau.security.Role;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every perpetrator operation for every role, from the police agency that recorded him, another police agency of
 * the network, an agency of another kind, and another network: the network's police read him, inspectors record and
 * link him, other roles are refused (403), and another network hears 404.
 */
@QuarkusTest
class PerpetratorAccessMatrixTest {

    enum Relation {
        RECORDING_POLICE,
        OTHER_POLICE,
        OTHER_AGENCY,
        OTHER_TENANT
    }

    Network almaty;
    Network astana;
    UUID otherPolice;
    UUID perpetrator;
    UUID incident;

    @BeforeEach
    void network() {
        almaty = Network.of("almaty");
        astana = Network.of("astana");
        otherPolice = almaty.register(almaty.uniqueName("Medeu district police"), "POLICE", "[]");
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        incident = Flows.incident(almaty.token(Role.POLICE_DISPATCH, almaty.police));
        perpetrator = UUID.fromString(record(inspector, Map.of("fullName", "Bolat " + UUID.randomUUID()))
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
    }

    @Test
    void readHim() {
        assertMatrix(
                (role, relation) ->
                        given().auth().oauth2(token(role, relation)).get("/api/v1/perpetrators/" + perpetrator),
                (role, relation) -> !isPolice(role) ? 403 : relation == Relation.OTHER_TENANT ? 404 : 200);
    }

    @Test
    void recordHim() {
        assertMatrix(
                (role, relation) -> record(token(role, relation), Map.of("fullName", "Bolat " + UUID.randomUUID())),
                (role, relation) -> role == Role.POLICE_INSPECTOR ? 201 : 403);
    }

    @Test
    void linkHimToAnIncident() {
        // Only the agency that reported the incident links it; another police agency names none of its own.
        assertMatrix(
                (role, relation) -> given().auth()
                        .oauth2(token(role, relation))
                        .contentType(ContentType.JSON)
                        .body(Map.of("incidentId", incident.toString()))
                        .post("/api/v1/perpetrators/" + perpetrator + "/links"),
                (role, relation) -> role != Role.POLICE_INSPECTOR
                        ? 403
                        : switch (relation) {
                            case RECORDING_POLICE -> 200;
                            case OTHER_TENANT -> 404;
                            default -> 400;
                        });
    }

    private static boolean isPolice(Role role) {
        return role == Role.POLICE_DISPATCH || role == Role.POLICE_INSPECTOR;
    }

    private static Response record(String token, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/perpetrators");
    }

    private String token(Role role, Relation relation) {
        Network network = relation == Relation.OTHER_TENANT ? astana : almaty;
        if (!role.actsForAnAgency()) {
            return network.tenantWide(role);
        }
        UUID agency = switch (relation) {
            case RECORDING_POLICE -> almaty.police;
            case OTHER_POLICE -> otherPolice;
            case OTHER_AGENCY -> almaty.crisisCentre;
            case OTHER_TENANT -> astana.police;
        };
        return network.token(role, agency);
    }

    private static void assertMatrix(
            BiFunction<Role, Relation, Response> call, BiFunction<Role, Relation, Integer> expected) {
        List<String> wrong = new ArrayList<>();
        for (Role role : Role.values()) {
            for (Relation relation : Relation.values()) {
                Response response = call.apply(role, relation);
                int want = expected.apply(role, relation);
                if (response.statusCode() != want) {
                    wrong.add(role + " x " + relation + ": expected " + want + " got " + response.statusCode() + " "
                            + response.asString());
                } else if (want >= 400 && !response.contentType().startsWith("application/problem+json")) {
                    wrong.add(role + " x " + relation + ": " + want + " without a problem detail");
                }
            }
        }
        assertEquals(List.of(), wrong, wrong.size() + " cells differ");
    }
}
