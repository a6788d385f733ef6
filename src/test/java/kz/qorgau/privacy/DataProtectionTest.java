package kz.qorgau.privacy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.security.Role;
import kz.qorgau.support.Contract;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import kz.qorgau.support.OwnerDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The survivor's data through the API: each agency sees the categories its consent covers and no more,
 * withdrawal and the emergency exception leave the minimal view, nothing personal sits in the clear in
 * the database, and every read and write lands in a tamper-evident audit trail.
 */
@QuarkusTest
class DataProtectionTest {

    private Network almaty;
    private String inspector;
    private String socialWorker;

    @BeforeEach
    void network() {
        Contract.install();
        almaty = Network.of("almaty");
        inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        socialWorker = almaty.token(Role.SOCIAL_WORKER, almaty.socialProtection);
    }

    @AfterEach
    void release() {
        Contract.uninstall();
    }

    private Response consent(UUID caseId, UUID agency, String... categories) {
        return given().auth()
                .oauth2(inspector)
                .contentType("application/json")
                .body(Map.of(
                        "recipientAgencyIds", List.of(agency), "categories", List.of(categories), "method", "WRITTEN"))
                .post("/api/v1/cases/" + caseId + "/consents");
    }

    private Response shared(String token, UUID referral) {
        return given().auth().oauth2(token).get("/api/v1/referrals/" + referral + "/shared-data");
    }

    @Test
    void aReceiverSeesExactlyTheCategoriesItsConsentCovers() {
        UUID incident = Flows.incident(almaty.token(Role.POLICE_DISPATCH, almaty.police));
        UUID caseId = Flows.caseFile(inspector, incident);
        consent(caseId, almaty.socialProtection, "IDENTITY", "CONTACT").then().statusCode(201);
        UUID referral = Flows.referral(inspector, caseId, almaty.socialProtection);
        Flows.recordContactRules(inspector, caseId).then().statusCode(200);
        Flows.acknowledgeContactRules(socialWorker, caseId).then().statusCode(200);

        // Before accepting, the receiver sees what consent lets it see, and nothing else.
        shared(socialWorker, referral)
                .then()
                .statusCode(200)
                .body(
                        "basis",
                        equalTo("CONSENT"),
                        "categories",
                        containsInAnyOrder("IDENTITY", "CONTACT"),
                        "fullName",
                        equalTo("Aigerim Sultanova"),
                        "birthDate",
                        equalTo("1991-04-02"),
                        "phone",
                        equalTo("+7 701 555 12 12"),
                        "address",
                        nullValue(),
                        "incidents",
                        nullValue(),
                        "risk",
                        nullValue(),
                        "riskLevel",
                        equalTo("HIGH"));
        // Once it accepts, the case shows it the same categories: no address.
        Flows.fire(socialWorker, referral, "ACCEPT").then().statusCode(200);
        given().auth()
                .oauth2(socialWorker)
                .get("/api/v1/cases/" + caseId)
                .then()
                .statusCode(200)
                .body(
                        "sharing.basis",
                        equalTo("CONSENT"),
                        "survivor.fullName",
                        equalTo("Aigerim Sultanova"),
                        "survivor.phone",
                        equalTo("+7 701 555 12 12"),
                        "survivor.address",
                        nullValue(),
                        "summary",
                        nullValue());
        // Its search finds her by phone, which it may see; the places of an order against him are her address.
        given().auth()
                .oauth2(socialWorker)
                .queryParam("survivorPhone", "+7 701 555 12 12")
                .get("/api/v1/cases")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(caseId.toString()));
        Flows.recordOrder(
                        inspector,
                        caseId,
                        Flows.orderBody("PO-" + UUID.randomUUID().toString().substring(0, 8)))
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(socialWorker)
                .get("/api/v1/cases/" + caseId + "/protective-orders")
                .then()
                .statusCode(200)
                .body(
                        "[0].conditions[1].type",
                        equalTo("STAY_AWAY_FROM_PLACES"),
                        "[0].conditions[1].text",
                        nullValue());
        // A second consent adds categories; the lead agency always sees everything it collected.
        consent(caseId, almaty.socialProtection, "ADDRESS", "INCIDENT_DETAILS")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(socialWorker)
                .get("/api/v1/cases/" + caseId + "/protective-orders")
                .then()
                .statusCode(200)
                .body("[0].conditions[1].text", equalTo("Her home and her work"));
        given().auth()
                .oauth2(socialWorker)
                .get("/api/v1/cases/" + caseId)
                .then()
                .statusCode(200)
                .body("summary", equalTo("Repeated assaults by partner"));
        shared(socialWorker, referral)
                .then()
                .statusCode(200)
                .body(
                        "address",
                        equalTo("Almaty, Abay ave 10, apt 5"),
                        "incidents[0].id",
                        equalTo(incident.toString()),
                        "incidents[0].description",
                        equalTo("Neighbours called about screaming"));
        given().auth()
                .oauth2(inspector)
                .get("/api/v1/cases/" + caseId)
                .then()
                .statusCode(200)
                .body(
                        "sharing.basis",
                        equalTo("LEAD_AGENCY"),
                        "survivor.address",
                        equalTo("Almaty, Abay ave 10, apt 5"));
        // Consent for one agency is not consent for another: an agency of the same kind sees nothing.
        UUID otherDepartment =
                almaty.register("Second department", "SOCIAL_PROTECTION", "[\"PSYCHOLOGICAL_COUNSELLING\"]");
        UUID second = UUID.fromString(given().auth()
                .oauth2(inspector)
                .contentType("application/json")
                .body(Map.of(
                        "caseId",
                        caseId,
                        "receiverAgencyId",
                        otherDepartment,
                        "servicesRequested",
                        List.of("PSYCHOLOGICAL_COUNSELLING"),
                        "submit",
                        true,
                        "emergencyReason",
                        "Threatened with a knife tonight"))
                .post("/api/v1/referrals")
                .then()
                .statusCode(201)
                .extract()
                .<String>path("id"));
        shared(almaty.token(Role.SOCIAL_WORKER, otherDepartment), second)
                .then()
                .statusCode(200)
                .body(
                        "basis",
                        equalTo("EMERGENCY_EXCEPTION"),
                        "categories",
                        org.hamcrest.Matchers.empty(),
                        "fullName",
                        nullValue(),
                        "phone",
                        nullValue(),
                        "riskLevel",
                        equalTo("HIGH"));
    }

    @Test
    void afterWithdrawalTheReceiverSeesTheMinimalViewAndMayWithdrawTheReferral() {
        UUID caseId = Flows.caseFile(inspector);
        UUID consentId = UUID.fromString(consent(caseId, almaty.socialProtection, "IDENTITY", "CONTACT", "ADDRESS")
                .then()
                .statusCode(201)
                .extract()
                .<String>path("id"));
        UUID referral = Flows.referral(inspector, caseId, almaty.socialProtection);
        Flows.fire(socialWorker, referral, "ACCEPT").then().statusCode(200);

        given().auth()
                .oauth2(inspector)
                .post("/api/v1/cases/" + caseId + "/consents/" + consentId + "/withdrawal")
                .then()
                .statusCode(200)
                .body("withdrawnAt", notNullValue(), "withdrawnByAgency", equalTo(almaty.police.toString()));
        given().auth()
                .oauth2(inspector)
                .post("/api/v1/cases/" + caseId + "/consents/" + consentId + "/withdrawal")
                .then()
                .statusCode(409);

        shared(socialWorker, referral)
                .then()
                .statusCode(200)
                .body(
                        "basis",
                        equalTo("NO_CONSENT"),
                        "fullName",
                        nullValue(),
                        "phone",
                        nullValue(),
                        "address",
                        nullValue());
        given().auth()
                .oauth2(socialWorker)
                .get("/api/v1/cases/" + caseId)
                .then()
                .statusCode(200)
                .body("survivor", nullValue(), "sharing.basis", equalTo("NO_CONSENT"));
        given().auth()
                .oauth2(socialWorker)
                .get("/api/v1/referrals/" + referral + "/actions")
                .then()
                .body("actions", hasItem("WITHDRAW"));
        Flows.fire(socialWorker, referral, "WITHDRAW").then().statusCode(200).body("state", equalTo("WITHDRAWN"));
        // A withdrawn consent cannot carry a new referral.
        Flows.refer(inspector, caseId, almaty.socialProtection, true)
                .then()
                .statusCode(409)
                .body("type", org.hamcrest.Matchers.endsWith("consent-required"));
    }

    @Test
    void theEmergencyExceptionIsLoggedAndShownToCoordinators() {
        UUID caseId = Flows.caseFile(inspector);
        String reason = "Partner released from custody today " + UUID.randomUUID();
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
                        "submit",
                        true,
                        "emergencyReason",
                        reason))
                .post("/api/v1/referrals")
                .then()
                .statusCode(201)
                .body("consentId", nullValue())
                .extract()
                .<String>path("id"));

        List<Map<String, Object>> flagged = given().auth()
                .oauth2(almaty.coordinator())
                .queryParam("emergencyException", true)
                .queryParam("limit", 100)
                .get("/api/v1/referrals")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        assertTrue(flagged.stream()
                .anyMatch(r -> referral.toString().equals(r.get("id")) && reason.equals(r.get("emergencyReason"))));
        assertTrue(flagged.stream().allMatch(r -> r.get("emergencyReason") != null && r.get("consentId") == null));

        given().auth()
                .oauth2(auditor())
                .queryParam("recordId", referral)
                .queryParam("action", "EMERGENCY_EXCEPTION")
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .body(
                        "items.size()",
                        equalTo(1),
                        "items[0].actorAgencyId",
                        equalTo(almaty.police.toString()),
                        "items[0].caseId",
                        equalTo(caseId.toString()));
    }

    @Test
    void everyReadAndWriteOfCaseDataIsAuditedWithoutItsContent() {
        String requestId = "audit-test-" + UUID.randomUUID();
        UUID caseId = UUID.fromString(given().auth()
                .oauth2(inspector)
                .header("X-Request-Id", requestId)
                .contentType("application/json")
                .body(Flows.openCaseBody())
                .post("/api/v1/cases")
                .then()
                .statusCode(201)
                .header("X-Request-Id", requestId)
                .extract()
                .<String>path("id"));
        consent(caseId, almaty.socialProtection, "IDENTITY").then().statusCode(201);
        UUID referral = Flows.referral(inspector, caseId, almaty.socialProtection);
        shared(socialWorker, referral).then().statusCode(200);
        given().auth().oauth2(inspector).get("/api/v1/cases/" + caseId).then().statusCode(200);

        Response trail = given().auth()
                .oauth2(auditor())
                .queryParam("caseId", caseId)
                .queryParam("limit", 200)
                .get("/api/v1/audit");
        trail.then().statusCode(200);
        List<Map<String, Object>> entries = trail.path("items");
        assertEquals(
                List.of("CREATE case", "CREATE consent", "CREATE referral", "READ shared-data", "READ case"),
                entries.stream()
                        .map(e -> e.get("action") + " " + e.get("recordType"))
                        .toList());
        Map<String, Object> opened = entries.get(0);
        assertEquals(requestId, opened.get("requestId"));
        assertEquals(almaty.police.toString(), opened.get("actorAgencyId"));
        assertEquals(List.of("police-inspector"), opened.get("actorRoles"));
        assertEquals(List.of("ADDRESS", "CONTACT", "IDENTITY"), opened.get("categories"));
        Map<String, Object> sharedRead = entries.get(3);
        assertEquals(almaty.socialProtection.toString(), sharedRead.get("actorAgencyId"));
        assertEquals(List.of("IDENTITY"), sharedRead.get("categories"));
        assertEquals(List.of("ADDRESS", "CONTACT", "IDENTITY"), entries.get(4).get("categories"));
        // The auditor reads who did what, never what the case says.
        assertFalse(trail.asString().contains("Sultanova"));
        assertFalse(trail.asString().contains("701 555"));
        assertFalse(trail.asString().contains("Abay"));
        // Auditors read the trail of their own network only, and read nothing of the case itself.
        given().auth()
                .oauth2(TestTokensFor.auditor("astana"))
                .queryParam("caseId", caseId)
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0));
        given().auth().oauth2(auditor()).get("/api/v1/cases/" + caseId).then().statusCode(403);
    }

    @Test
    void theChainVerifiesAndATamperedDeletedOrAddedEntryBreaksIt() throws SQLException {
        UUID caseId = Flows.caseFile(inspector);
        given().auth().oauth2(inspector).get("/api/v1/cases/" + caseId).then().statusCode(200);
        given().auth()
                .oauth2(auditor())
                .get("/api/v1/audit/verification")
                .then()
                .statusCode(200)
                .body("intact", equalTo(true), "brokenAtSeq", nullValue());
        long seq = seqOfRead(caseId);
        // Entries after it, so that removing it leaves a gap rather than a shorter chain.
        given().auth().oauth2(inspector).get("/api/v1/cases/" + caseId).then().statusCode(200);

        // The database refuses to change an entry.
        try (Connection c = OwnerDatabase.connect();
                PreparedStatement update = c.prepareStatement(
                        "update audit_entry set actor = 'someone-else' where tenant_id = 'almaty' and seq = ?")) {
            update.setLong(1, seq);
            SQLException refused =
                    org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, update::executeUpdate);
            assertTrue(refused.getMessage().contains("append-only"));
        }
        // Someone who lifts that guard is still caught: changed, deleted, or added behind the head.
        tamper(
                "update audit_entry set actor = 'someone-else' where tenant_id = 'almaty' and seq = " + seq,
                "update audit_entry set actor = (select actor from audit_backup) where tenant_id = 'almaty' and seq = "
                        + seq,
                seq,
                "its content does not match its hash");
        tamper(
                "delete from audit_entry where tenant_id = 'almaty' and seq = " + seq,
                "insert into audit_entry select * from audit_backup",
                seq,
                // The last chained entry: the chainer stops at the gap, so the trail ends one entry short of its head.
                "entries after " + (seq - 1) + " are missing: the head names entry " + seq);
        given().auth()
                .oauth2(auditor())
                .get("/api/v1/audit/verification")
                .then()
                .statusCode(200)
                .body("intact", equalTo(true));
    }

    /** Copies the entry, lifts the guard to run the tampering, checks where verification breaks, then restores. */
    private void tamper(String tampering, String restoring, long seq, String problem) throws SQLException {
        try (Connection c = OwnerDatabase.connect();
                var s = c.createStatement()) {
            s.execute("drop table if exists audit_backup");
            s.execute("create table audit_backup as select * from audit_entry where tenant_id = 'almaty' and seq = "
                    + seq);
            s.execute("alter table audit_entry disable trigger audit_entry_no_update_or_delete");
            try {
                s.execute(tampering);
                given().auth()
                        .oauth2(auditor())
                        .get("/api/v1/audit/verification")
                        .then()
                        .statusCode(200)
                        .body("intact", equalTo(false), "brokenAtSeq", equalTo((int) seq), "problem", equalTo(problem));
            } finally {
                s.execute(restoring);
                s.execute("alter table audit_entry enable trigger audit_entry_no_update_or_delete");
                s.execute("drop table audit_backup");
            }
        }
    }

    private long seqOfRead(UUID caseId) {
        List<Map<String, Object>> reads = given().auth()
                .oauth2(auditor())
                .queryParam("recordId", caseId)
                .queryParam("action", "READ")
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        return ((Number) reads.get(0).get("seq")).longValue();
    }

    @Test
    void theTableHoldsNoPlaintextAndSearchFindsHerByKeyedHash() throws SQLException {
        UUID caseId = Flows.caseFile(inspector);
        String row;
        try (Connection c = OwnerDatabase.connect();
                PreparedStatement select = c.prepareStatement(
                        "select row_to_json(s)::text from survivor s join case_file f on f.survivor_id = s.id where f.id = ?")) {
            select.setObject(1, caseId);
            try (ResultSet rs = select.executeQuery()) {
                assertTrue(rs.next());
                row = rs.getString(1);
            }
        }
        assertNotNull(row);
        for (String secret : List.of("Aigerim", "Sultanova", "701 555", "7015551212", "Abay", "1991-04-02")) {
            assertFalse(row.contains(secret), "plaintext " + secret + " in " + row);
            assertFalse(
                    row.contains(HexFormat.of().formatHex(secret.getBytes(StandardCharsets.UTF_8))),
                    "hex of " + secret);
        }
        assertTrue(row.contains("\"key_id\":\"demo-2026a\""), row);

        // Exact phone in any spelling, or exact name in any case and spacing, finds the case; nothing else does.
        List<String> byPhone = given().auth()
                .oauth2(inspector)
                .queryParam("survivorPhone", "+77015551212")
                .get("/api/v1/cases")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        assertTrue(byPhone.contains(caseId.toString()));
        List<String> byName = given().auth()
                .oauth2(inspector)
                .queryParam("survivorName", "  aigerim   SULTANOVA ")
                .get("/api/v1/cases")
                .then()
                .statusCode(200)
                .body("items[0].survivor", nullValue())
                .extract()
                .path("items.id");
        assertTrue(byName.contains(caseId.toString()));
        given().auth()
                .oauth2(inspector)
                .queryParam("survivorName", "Aigerim")
                .get("/api/v1/cases")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(caseId.toString())));
        // Coordinators do not search: a hit would tell them who is a survivor. Another agency does not find a
        // case it is not on.
        given().auth()
                .oauth2(almaty.coordinator())
                .queryParam("survivorPhone", "+77015551212")
                .get("/api/v1/cases")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(almaty.token(Role.NGO_CASEWORKER, almaty.crisisCentre))
                .queryParam("survivorPhone", "+77015551212")
                .get("/api/v1/cases")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(caseId.toString())));
        // Bad searches are refused; they are outside the published contract, so the check is lifted for them.
        Contract.uninstall();
        given().auth()
                .oauth2(inspector)
                .queryParam("survivorName", "Aigerim Sultanova")
                .queryParam("status", "OPEN")
                .get("/api/v1/cases")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(inspector)
                .queryParam("survivorPhone", "1")
                .queryParam("survivorName", "x")
                .get("/api/v1/cases")
                .then()
                .statusCode(400);
    }

    private String auditor() {
        return TestTokensFor.auditor("almaty");
    }

    /** Auditors act for no agency. */
    static final class TestTokensFor {
        static String auditor(String tenant) {
            return kz.qorgau.support.TestTokens.tenant(tenant)
                    .roles(Role.AUDITOR)
                    .sign();
        }
    }
}
