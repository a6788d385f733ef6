package kz.qorgau.external;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import kz.qorgau.security.Role;
import kz.qorgau.support.AccessMatrix;
import kz.qorgau.support.Network;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sender's link endpoints called by every role from every relation to a referral off the platform. */
@QuarkusTest
class ExternalLinkMatrixTest {

    enum Relation {
        SENDER,
        OTHER_AGENCY,
        OTHER_TENANT
    }

    Network almaty;
    Network astana;
    UUID referral;
    String link;

    @BeforeEach
    void aReferralOffThePlatform() {
        almaty = Network.of("almaty");
        astana = Network.of("astana");
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        referral = ExternalRecipientTest.sentToHospital(inspector, true)[1];
        link = ExternalRecipientTest.issue(inspector, referral)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void issueALink() {
        AccessMatrix.assertTable(
                Relation.class,
                (role, relation) -> ExternalRecipientTest.issue(token(role, relation), referral),
                (role, relation) -> expected(role, relation, 201));
    }

    @Test
    void listTheLinks() {
        AccessMatrix.assertTable(
                Relation.class,
                (role, relation) -> given().auth()
                        .oauth2(token(role, relation))
                        .get("/api/v1/referrals/" + referral + "/external-links"),
                (role, relation) -> expected(role, relation, 200));
    }

    @Test
    void revokeALink() {
        AccessMatrix.assertTable(
                Relation.class,
                (role, relation) -> given().auth()
                        .oauth2(token(role, relation))
                        .post("/api/v1/referrals/" + referral + "/external-links/" + link + "/revocation"),
                (role, relation) -> expected(role, relation, 200));
    }

    /** The sender's case workers; a coordinator sees the referral but gives no link; others do not see it. */
    private static int expected(Role role, Relation relation, int success) {
        if (!AccessMatrix.CASE_WORKERS.contains(role)) {
            return 403;
        }
        return relation == Relation.SENDER ? success : 404;
    }

    private String token(Role role, Relation relation) {
        Network network = relation == Relation.OTHER_TENANT ? astana : almaty;
        if (!role.actsForAnAgency()) {
            return network.tenantWide(role);
        }
        UUID agency = switch (relation) {
            case SENDER -> almaty.police;
            case OTHER_AGENCY -> almaty.crisisCentre;
            case OTHER_TENANT -> astana.police;
        };
        return network.token(role, agency);
    }
}
