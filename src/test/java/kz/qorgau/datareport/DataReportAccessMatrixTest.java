package kz.qorgau.datareport;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import kz.qorgau.security.Role;
import kz.qorgau.support.AccessMatrix;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Her report, asked for by every role from every relation to her case. */
@QuarkusTest
class DataReportAccessMatrixTest {

    enum Relation {
        LEAD,
        /** The receiver of a referral of her case that it accepted: on the case, not its lead. */
        ON_CASE,
        /** The receiver of a referral it has not accepted: not on the case. */
        PENDING_RECEIVER,
        OTHER_AGENCY,
        OTHER_TENANT
    }

    Network almaty;
    Network astana;
    UUID pending;
    UUID caseId;

    @BeforeEach
    void herCase() {
        almaty = Network.of("almaty");
        astana = Network.of("astana");
        pending = almaty.register("Legal aid office", "LEGAL_AID", "[\"PSYCHOLOGICAL_COUNSELLING\"]");
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        caseId = Flows.caseFile(inspector);
        Flows.recordConsent(inspector, caseId, almaty.crisisCentre, pending)
                .then()
                .statusCode(201);
        UUID accepted = Flows.referral(inspector, caseId, almaty.crisisCentre);
        Flows.fire(almaty.token(Role.NGO_CASEWORKER, almaty.crisisCentre), accepted, "ACCEPT")
                .then()
                .statusCode(200);
        Flows.referral(inspector, caseId, pending);
    }

    @Test
    void produceHerReport() {
        AccessMatrix.assertTable(
                Relation.class,
                (role, relation) ->
                        given().auth().oauth2(token(role, relation)).get("/api/v1/cases/" + caseId + "/data-report"),
                (role, relation) -> {
                    if (!AccessMatrix.CASE_WORKERS.contains(role)) {
                        return 403;
                    }
                    return switch (relation) {
                        case LEAD -> 200;
                        case ON_CASE -> 403;
                        case PENDING_RECEIVER, OTHER_AGENCY, OTHER_TENANT -> 404;
                    };
                });
    }

    private String token(Role role, Relation relation) {
        Network network = relation == Relation.OTHER_TENANT ? astana : almaty;
        if (!role.actsForAnAgency()) {
            return network.tenantWide(role);
        }
        UUID agency = switch (relation) {
            case LEAD -> almaty.police;
            case ON_CASE -> almaty.crisisCentre;
            case PENDING_RECEIVER -> pending;
            case OTHER_AGENCY -> almaty.socialProtection;
            case OTHER_TENANT -> astana.police;
        };
        return network.token(role, agency);
    }
}
