package kz.qorgau.privacy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import kz.qorgau.notification.OutboxRelay;
import kz.qorgau.notification.Receiver;
import kz.qorgau.notification.WebhookDispatcher;
import kz.qorgau.privacy.SealedColumns.SealedColumn;
import kz.qorgau.security.Role;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import kz.qorgau.support.OwnerDatabase;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A key rotation done as the README says: every sealed value of a full hand-off (incident account and
 * people, case summary, notes, risk answers and reasons, order conditions, violations, webhook secrets) is
 * first put under a retiring key, the rotation runs, and then everything opens with the active key alone:
 * the retiring key could be dropped, and the webhook still delivers, signed with the secret it was given.
 */
@QuarkusTest
class KeyRotationTest {

    private static final String RETIRED = "test-retired";

    @Inject
    SealedValueRotation rotation;

    @Inject
    FieldCipher cipher;

    @Inject
    OutboxRelay relay;

    @Inject
    WebhookDispatcher dispatcher;

    @ConfigProperty(name = "qorgau.encryption.keys.test-retired")
    String retiredKey;

    @ConfigProperty(name = "qorgau.encryption.active-key")
    String activeKeyId;

    @ConfigProperty(name = "qorgau.encryption.keys.demo-2026a")
    String activeKey;

    private static final byte[] COURT_DECISION = "%PDF-1.4\n% The court decision on her case\ntrailer << >>\n%%EOF\n"
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @Test
    void afterARotationNoValueNeedsTheOldKey() throws Exception {
        Network almaty = Network.of("almaty");
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        String admin = almaty.token(almaty.crisisCentre, Role.AGENCY_ADMIN, Role.NGO_CASEWORKER);
        try (var receiver = new Receiver()) {
            var subscribed = given().auth()
                    .oauth2(admin)
                    .contentType("application/json")
                    .body(Map.of("url", receiver.url(), "eventTypes", List.of("referral.submitted")))
                    .post("/api/v1/webhook-subscriptions")
                    .then()
                    .statusCode(201)
                    .extract();
            UUID subscription = UUID.fromString(subscribed.path("id"));
            String secret = subscribed.path("secret");
            String decision = aWholeHandOff(almaty, inspector);
            kz.qorgau.conference.Conferences.heardWithEverything(almaty);
            given().auth()
                    .oauth2(inspector)
                    .contentType("application/json")
                    .body(Map.of(
                            "fullName", "Erlan " + UUID.randomUUID(),
                            "birthDate", "1988-07-15",
                            "notes", "Owns a hunting rifle"))
                    .post("/api/v1/perpetrators")
                    .then()
                    .statusCode(201);
            UUID reachable = Flows.caseFile(inspector);
            Flows.recordContactRules(inspector, reachable).then().statusCode(200);
            given().auth()
                    .oauth2(inspector)
                    .contentType("application/json")
                    .body(Map.of("channel", "LETTER", "outcome", "REACHED", "note", "She wrote back"))
                    .post("/api/v1/cases/" + reachable + "/contact-attempts")
                    .then()
                    .statusCode(201);
            given().auth()
                    .oauth2(inspector)
                    .contentType("application/json")
                    .body(Map.of("fullName", "Timur Sultanov", "birthDate", "2019-09-30", "schoolName", "School No. 7"))
                    .post("/api/v1/cases/" + reachable + "/children")
                    .then()
                    .statusCode(201);
            String used = given().auth()
                    .oauth2(almaty.token(Role.SOCIAL_WORKER, almaty.socialProtection))
                    .contentType("application/json")
                    .body(Map.of("caseId", reachable, "reason", "MEDICAL_EMERGENCY", "note", "Brought in by ambulance"))
                    .post("/api/v1/emergency-access")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            given().auth()
                    .oauth2(almaty.coordinator())
                    .contentType("application/json")
                    .body(Map.of("justified", true, "note", "The emergency department needed whom to call"))
                    .post("/api/v1/emergency-access/" + used + "/review")
                    .then()
                    .statusCode(200);

            FieldCipher retiring = new FieldCipher(Map.of(RETIRED, key(retiredKey)), RETIRED);
            Map<String, Integer> resealed = new TreeMap<>();
            try (Connection owner = OwnerDatabase.connect()) {
                for (SealedColumn column : rotation.columns()) {
                    resealed.put(column.table() + "." + column.column(), reseal(owner, column, cipher, retiring));
                }
            }
            resealed.forEach((column, count) -> assertTrue(count > 0, column + " holds no value to rotate"));
            assertTrue(rotation.remainingByKey().getOrDefault(RETIRED, 0L) > 0);

            assertTrue(rotation.rotateAll()
                    >= resealed.values().stream().mapToInt(Integer::intValue).sum());

            assertEquals(Map.of(), rotation.remainingByKey());
            FieldCipher activeAlone = new FieldCipher(Map.of(activeKeyId, key(activeKey)), activeKeyId);
            try (Connection owner = OwnerDatabase.connect()) {
                for (SealedColumn column : rotation.columns()) {
                    // Opens, under the active key alone, in the context it was sealed in: nothing was lost.
                    reseal(owner, column, activeAlone, activeAlone);
                }
            }

            // A document's own key moved; the document itself was never re-sealed, and opens.
            byte[] downloaded = given().auth()
                    .oauth2(inspector)
                    .get(java.net.URI.create(decision).getPath())
                    .then()
                    .statusCode(200)
                    .extract()
                    .asByteArray();
            org.junit.jupiter.api.Assertions.assertArrayEquals(COURT_DECISION, downloaded);

            UUID caseId = Flows.caseFile(inspector);
            Flows.recordConsent(inspector, caseId, almaty.crisisCentre).then().statusCode(201);
            Flows.referral(inspector, caseId, almaty.crisisCentre);
            relay.relay();
            dispatcher.dispatchDue(Instant.now());
            // The hand-off's referral and this one, both signed with the secret given before the rotation.
            assertEquals(2, receiver.received().size());
            receiver.received().forEach(r -> assertTrue(Receiver.signedWith(secret, r)));
            given().auth()
                    .oauth2(admin)
                    .delete("/api/v1/webhook-subscriptions/" + subscription)
                    .then()
                    .statusCode(204);
        }
    }

    /** @return where the court decision attached to its referral is downloaded */
    private static String aWholeHandOff(Network almaty, String inspector) {
        UUID incident = Flows.incident(almaty.token(Role.POLICE_DISPATCH, almaty.police));
        UUID caseId = Flows.caseFile(inspector, incident);
        Flows.assess(
                        inspector,
                        caseId,
                        Map.of(
                                "answers", Flows.answersScoring(inspector, 2),
                                "judgementLevel", "EMERGENCY",
                                "judgementReason", "He said he would come back tonight"))
                .then()
                .statusCode(201);
        UUID order = UUID.fromString(Flows.recordOrder(inspector, caseId, Flows.orderBody("PO-" + UUID.randomUUID()))
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        given().auth()
                .oauth2(inspector)
                .contentType("application/json")
                .body(Map.of("occurredAt", Instant.now().minusSeconds(1).toString(), "description", "Seen at her door"))
                .post("/api/v1/protective-orders/" + order + "/violations")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(inspector)
                .contentType("application/json")
                .body(Map.of("reason", "An order was revoked by the court"))
                .post("/api/v1/protective-orders/" + order + "/revocation")
                .then()
                .statusCode(200);
        UUID referral = UUID.fromString(given().auth()
                .oauth2(inspector)
                .contentType("application/json")
                .body(Map.of(
                        "caseId",
                        caseId,
                        "receiverAgencyId",
                        almaty.crisisCentre,
                        "servicesRequested",
                        List.of("SHELTER"),
                        "note",
                        "Needs a place tonight",
                        "emergencyReason",
                        "He is outside",
                        "submit",
                        true))
                .post("/api/v1/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        given().auth()
                .oauth2(inspector)
                .contentType("application/json")
                .body(Map.of("text", "Is she still at her sister's?"))
                .post("/api/v1/referrals/" + referral + "/messages")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(inspector)
                .contentType("application/json")
                .header(
                        "If-Match",
                        given().auth()
                                .oauth2(inspector)
                                .get("/api/v1/cases/" + caseId)
                                .header("ETag"))
                .body(Map.of("assignee", "aigul", "reason", "She asked for a woman inspector"))
                .post("/api/v1/cases/" + caseId + "/assignment")
                .then()
                .statusCode(200);
        String decision = given().auth()
                .oauth2(inspector)
                .contentType("application/pdf")
                .body(COURT_DECISION)
                .queryParam("kind", "COURT_DECISION")
                .queryParam("category", "INCIDENT_DETAILS")
                .post("/api/v1/referrals/" + referral + "/documents")
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
        Flows.fire(inspector, referral, "CANCEL", Map.of("note", "She found a place with her sister"))
                .then()
                .statusCode(200);
        String etag = given().auth()
                .oauth2(inspector)
                .get("/api/v1/cases/" + caseId)
                .then()
                .extract()
                .header("ETag");
        given().auth()
                .oauth2(inspector)
                .contentType("application/json")
                .header("If-Match", etag)
                .body(Map.of("reason", "She moved away"))
                .post("/api/v1/cases/" + caseId + "/closure")
                .then()
                .statusCode(200);
        return decision;
    }

    /** Opens each value of the column with {@code from} and seals it again with {@code to}; how many. */
    private static int reseal(Connection owner, SealedColumn column, FieldCipher from, FieldCipher to)
            throws Exception {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement read = owner.prepareStatement("select id, tenant_id, " + column.column() + " from "
                        + column.table() + " where " + column.column() + " is not null");
                ResultSet row = read.executeQuery()) {
            while (row.next()) {
                rows.add(new Object[] {row.getObject(1), row.getString(2), row.getBytes(3)});
            }
        }
        try (PreparedStatement write =
                owner.prepareStatement("update " + column.table() + " set " + column.column() + " = ? where id = ?")) {
            for (Object[] row : rows) {
                String context = column.context().of((String) row[1], (UUID) row[0]);
                write.setBytes(1, to.sealBytes(from.openBytes((byte[]) row[2], context), context));
                write.setObject(2, row[0]);
                write.executeUpdate();
            }
        }
        return rows.size();
    }

    private static javax.crypto.SecretKey key(String base64) {
        return new SecretKeySpec(Base64.getDecoder().decode(base64), "AES");
    }
}
