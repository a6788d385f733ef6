package kz.qorgau.agency;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
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
 * An agency's premises for its own staff alone (403 for the rest of the network, coordinators included; 404 for
 * another network); a receiver's shared address for the referral's two sides, shared and taken back by the receiver.
 */
@QuarkusTest
class PlacesAccessMatrixTest {

    enum ToAgency {
        OWN,
        OTHER_AGENCY,
        OTHER_TENANT
    }

    enum ToReferral {
        SENDER,
        RECEIVER,
        OTHER_AGENCY,
        OTHER_TENANT
    }

    static final Set<Role> AGENCY_STAFF = AccessMatrix.with(AccessMatrix.CASE_WORKERS, Role.AGENCY_ADMIN);

    Network almaty;
    Network astana;
    UUID unrelated;
    UUID referral;

    @BeforeEach
    void scene() {
        almaty = Network.of("almaty");
        astana = Network.of("astana");
        unrelated = almaty.register("Unrelated centre", "NGO_CRISIS_CENTRE", "[\"SHELTER\"]");
        premises(almaty.token(Role.AGENCY_ADMIN, almaty.crisisCentre));
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        UUID caseId = Flows.caseFile(inspector);
        Flows.recordConsent(inspector, caseId, almaty.crisisCentre).then().statusCode(201);
        referral = Flows.referral(inspector, caseId, almaty.crisisCentre);
        String centre = almaty.token(Role.NGO_CASEWORKER, almaty.crisisCentre);
        Flows.fire(centre, referral, "ACCEPT").then().statusCode(200);
        given().auth()
                .oauth2(centre)
                .put("/api/v1/referrals/" + referral + "/receiver-address")
                .then()
                .statusCode(200);
    }

    @Test
    void readPremises() {
        AccessMatrix.assertTable(
                ToAgency.class,
                (role, relation) -> given().auth()
                        .oauth2(token(role, relation))
                        .get("/api/v1/agencies/" + almaty.crisisCentre + "/premises"),
                (role, relation) -> premisesRule(role, relation));
    }

    @Test
    void replacePremises() {
        AccessMatrix.assertTable(
                ToAgency.class,
                (role, relation) -> given().auth()
                        .oauth2(token(role, relation))
                        .header("If-Match", etag())
                        .contentType(ContentType.JSON)
                        .body(Map.of("streetAddress", "Almaty, Zheltoksan st 117", "addressConfidential", true))
                        .put("/api/v1/agencies/" + almaty.crisisCentre + "/premises"),
                (role, relation) -> premisesRule(role, relation));
    }

    @Test
    void readTheSharedAddress() {
        AccessMatrix.assertTable(
                ToReferral.class,
                (role, relation) -> given().auth()
                        .oauth2(token(role, relation))
                        .get("/api/v1/referrals/" + referral + "/receiver-address"),
                (role, relation) -> referralRule(role, relation, true));
    }

    @Test
    void shareAndStopSharing() {
        for (String method : List.of("PUT", "DELETE")) {
            AccessMatrix.assertTable(
                    ToReferral.class,
                    (role, relation) -> given().auth()
                            .oauth2(token(role, relation))
                            .request(method, "/api/v1/referrals/" + referral + "/receiver-address"),
                    (role, relation) -> referralRule(role, relation, false));
        }
    }

    private static int premisesRule(Role role, ToAgency relation) {
        if (relation == ToAgency.OTHER_TENANT && (AGENCY_STAFF.contains(role) || role == Role.COORDINATOR)) {
            return 404;
        }
        return AGENCY_STAFF.contains(role) && relation == ToAgency.OWN ? 200 : 403;
    }

    private static int referralRule(Role role, ToReferral relation, boolean senderToo) {
        if (!AccessMatrix.CASE_WORKERS.contains(role)) {
            return 403;
        }
        return switch (relation) {
            case RECEIVER -> 200;
            case SENDER -> senderToo ? 200 : 403;
            case OTHER_AGENCY, OTHER_TENANT -> 404;
        };
    }

    private void premises(String admin) {
        given().auth()
                .oauth2(admin)
                .header("If-Match", etag())
                .contentType(ContentType.JSON)
                .body(Map.of("streetAddress", "Almaty, Zheltoksan st 117", "addressConfidential", true))
                .put("/api/v1/agencies/" + almaty.crisisCentre + "/premises")
                .then()
                .statusCode(200);
    }

    private String etag() {
        return given().auth()
                .oauth2(almaty.coordinator())
                .get("/api/v1/agencies/" + almaty.crisisCentre)
                .header("ETag");
    }

    private String token(Role role, ToAgency relation) {
        Network network = relation == ToAgency.OTHER_TENANT ? astana : almaty;
        if (!role.actsForAnAgency()) {
            return network.tenantWide(role);
        }
        UUID agency = switch (relation) {
            case OWN -> almaty.crisisCentre;
            case OTHER_AGENCY -> almaty.police;
            case OTHER_TENANT -> astana.crisisCentre;
        };
        return network.token(role, agency);
    }

    private String token(Role role, ToReferral relation) {
        Network network = relation == ToReferral.OTHER_TENANT ? astana : almaty;
        if (!role.actsForAnAgency()) {
            return network.tenantWide(role);
        }
        UUID agency = switch (relation) {
            case SENDER -> almaty.police;
            case RECEIVER -> almaty.crisisCentre;
            case OTHER_AGENCY -> unrelated;
            case OTHER_TENANT -> astana.police;
        };
        return network.token(role, agency);
    }
}
