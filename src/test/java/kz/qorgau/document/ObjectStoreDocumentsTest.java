package kz.qorgau.document;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import kz.qorgau.security.Role;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import kz.qorgau.support.OwnerDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** A deployment that keeps documents in an S3-compatible store: the store holds sealed bytes alone. */
@QuarkusTest
@TestProfile(ObjectStorage.class)
class ObjectStoreDocumentsTest {

    private static final String DECISION = "Court decision on Aigerim Nurlanovna";

    private Network almaty;
    private String inspector;
    private String aliya;
    private UUID referral;

    @BeforeEach
    void parties() {
        almaty = Network.of("almaty");
        inspector = almaty.person("marat", Role.POLICE_INSPECTOR, almaty.police);
        aliya = almaty.person("aliya", Role.NGO_CASEWORKER, almaty.crisisCentre);
        UUID caseId = Flows.caseFile(inspector);
        Flows.recordConsent(inspector, caseId, almaty.crisisCentre).then().statusCode(201);
        referral = Flows.referral(inspector, caseId, almaty.crisisCentre);
    }

    private String documents() {
        return "/api/v1/referrals/" + referral + "/documents";
    }

    private UUID attach() {
        return UUID.fromString(DocumentsTest.attach(
                        inspector,
                        "/api/v1/referrals/" + referral,
                        "application/pdf",
                        Samples.pdf(DECISION),
                        "COURT_DECISION",
                        "INCIDENT_DETAILS")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
    }

    private static String key(UUID document) {
        return "qorgau/almaty/" + document;
    }

    @Test
    void theStoreHoldsTheSealedBytesAndErasureRemovesThem() throws Exception {
        UUID document = attach();
        try (S3Client s3 = ObjectStorage.store.client()) {
            byte[] stored = s3.getObjectAsBytes(
                            r -> r.bucket(EmbeddedObjectStore.BUCKET).key(key(document)))
                    .asByteArray();
            String text = new String(stored, StandardCharsets.ISO_8859_1);
            assertFalse(text.contains("Aigerim") || text.contains("%PDF"), "the store sees sealed bytes alone");
            try (Connection db = OwnerDatabase.connect();
                    PreparedStatement read = db.prepareStatement("select d.store,"
                            + " (select count(*) from document_content c where c.document_id = d.id)"
                            + " from document d where d.id = ?")) {
                read.setObject(1, document);
                try (ResultSet row = read.executeQuery()) {
                    assertTrue(row.next());
                    assertEquals("OBJECT_STORE", row.getString(1));
                    assertEquals(0, row.getInt(2), "nothing of its bytes in PostgreSQL");
                }
            }
            byte[] downloaded = given().auth()
                    .oauth2(aliya)
                    .get(documents() + "/" + document + "/content")
                    .then()
                    .statusCode(200)
                    .contentType("application/pdf")
                    .extract()
                    .asByteArray();
            assertArrayEquals(Samples.pdf(DECISION), downloaded);

            given().auth()
                    .oauth2(inspector)
                    .post(documents() + "/" + document + "/erasure")
                    .then()
                    .statusCode(200);
            assertThrows(
                    NoSuchKeyException.class,
                    () -> s3.headObject(
                            r -> r.bucket(EmbeddedObjectStore.BUCKET).key(key(document))),
                    "the object is removed once the erasure commits");
            given().auth()
                    .oauth2(aliya)
                    .get(documents() + "/" + document + "/content")
                    .then()
                    .statusCode(410);
        }
    }

    @Test
    void whileTheStoreIsDownNothingIsRecordedAndTheCallerIsToldToRetry() {
        UUID stored = attach();
        int before = given().auth()
                .oauth2(inspector)
                .get(documents())
                .then()
                .extract()
                .path("items.size()");
        ObjectStorage.store.close();
        try {
            DocumentsTest.attach(
                            inspector,
                            "/api/v1/referrals/" + referral,
                            "image/png",
                            Samples.png(),
                            "OTHER",
                            "INCIDENT_DETAILS")
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", equalTo("30"));
            given().auth()
                    .oauth2(inspector)
                    .get(documents())
                    .then()
                    .statusCode(200)
                    .body("items.size()", equalTo(before));
            given().auth()
                    .oauth2(aliya)
                    .get(documents() + "/" + stored + "/content")
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json");
        } finally {
            ObjectStorage.store.launch();
        }
    }
}
