package kz.qorgau.document;

import static io.restassured.RestAssured.given;
import static kz.qorgau.security.Role.POLICE_INSPECTOR;
import static kz.qorgau.security.Role.SOCIAL_WORKER;
import static kz.qorgau.support.AccessMatrix.CASE_WORKERS;
import static kz.qorgau.support.AccessMatrix.assertMatrix;
import static kz.qorgau.support.AccessMatrix.objectRule;

import io.quarkus.test.junit.QuarkusTest;
import java.util.EnumSet;
import java.util.List;
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
 * Every document operation, on a case and on a referral, called by every role from every relation to the
 * object: the police precinct leads the case and sends the referral; social protection receives it and, once
 * it accepts, is on the case, with her consent to the documents' category (INCIDENT_DETAILS).
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentAccessMatrixTest {

    private static final Set<Relation> RELATIONS =
            EnumSet.of(Relation.SENDER, Relation.RECEIVER, Relation.OTHER_AGENCY, Relation.OTHER_TENANT);

    private Parties parties;
    private Network almaty;
    private String inspector;
    private UUID caseId;
    private UUID referral;

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
        referral = Flows.referral(inspector, caseId, almaty.socialProtection);
        Flows.fire(almaty.token(SOCIAL_WORKER, almaty.socialProtection), referral, "ACCEPT")
                .then()
                .statusCode(200);
    }

    private String token(Role role, Relation relation) {
        return parties.token(role, relation);
    }

    private List<String> holders() {
        return List.of("/api/v1/cases/" + caseId, "/api/v1/referrals/" + referral);
    }

    private UUID attachedByTheInspector(String holder) {
        return UUID.fromString(DocumentsTest.attach(
                        inspector,
                        holder,
                        "application/pdf",
                        Samples.pdf("Her court decision"),
                        "COURT_DECISION",
                        "INCIDENT_DETAILS")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
    }

    @Test
    void listDocuments() {
        for (String holder : holders()) {
            attachedByTheInspector(holder);
            assertMatrix(
                    RELATIONS,
                    (role, relation) ->
                            given().auth().oauth2(token(role, relation)).get(holder + "/documents"),
                    (role, relation) -> objectRule(CASE_WORKERS, role, relation, 200),
                    (role, relation) -> true,
                    response -> !response.<List<String>>path("items.id").isEmpty());
        }
    }

    @Test
    void attachADocument() {
        for (String holder : holders()) {
            assertMatrix(
                    RELATIONS,
                    (role, relation) -> DocumentsTest.attach(
                            token(role, relation), holder, "image/png", Samples.png(), "OTHER", "RISK"),
                    (role, relation) -> objectRule(CASE_WORKERS, role, relation, 201));
        }
    }

    @Test
    void downloadADocument() {
        for (String holder : holders()) {
            UUID document = attachedByTheInspector(holder);
            assertMatrix(
                    RELATIONS,
                    (role, relation) -> given().auth()
                            .oauth2(token(role, relation))
                            .get(holder + "/documents/" + document + "/content"),
                    (role, relation) -> objectRule(CASE_WORKERS, role, relation, 200),
                    (role, relation) -> true,
                    response -> response.contentType().equals("application/pdf"));
        }
    }

    @Test
    void eraseADocument() {
        for (String holder : holders()) {
            assertMatrix(
                    RELATIONS,
                    (role, relation) -> {
                        UUID document = attachedByTheInspector(holder);
                        return given().auth()
                                .oauth2(token(role, relation))
                                .post(holder + "/documents/" + document + "/erasure");
                    },
                    // The receiver reads the document but did not attach it.
                    (role, relation) -> relation == Relation.RECEIVER && CASE_WORKERS.contains(role)
                            ? 403
                            : objectRule(CASE_WORKERS, role, relation, 200));
        }
    }
}
