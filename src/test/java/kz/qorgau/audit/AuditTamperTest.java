package kz.qorgau.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.security.Role;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import kz.qorgau.support.OwnerDatabase;
import kz.qorgau.support.TestTokens;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The attacks an outsider with a way into the database would try on the audit trail, each against the running
 * service, each shown detected, then undone so the other tests find the trail whole. Writes that the
 * application's own role may make go through that role (as someone holding its credentials would); those that
 * need the guard lifted go through the tables' owner.
 */
@QuarkusTest
class AuditTamperTest {

    private Network almaty;
    private String inspector;
    private String auditor;

    @org.junit.jupiter.api.BeforeEach
    void tokens() {
        almaty = Network.of("almaty");
        inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        auditor = TestTokens.tenant("almaty").roles(Role.AUDITOR).sign();
    }

    @Test
    void anEntryInsertedWithoutTheServicesKeyIsRefusedAndReported() throws SQLException {
        activity();
        UUID forged = UUID.randomUUID();
        try (Connection app = asTheService();
                PreparedStatement insert = app.prepareStatement("""
                        insert into audit_entry (id, tenant_id, at, actor, actor_roles, action, record_type, categories, mac)
                        values (?, 'almaty', now(), 'inspector-1', '{police-inspector}', 'READ', 'case', '{}', ?)""")) {
            insert.setObject(1, forged);
            insert.setBytes(2, new byte[32]);
            assertEquals(1, insert.executeUpdate());
        }
        try {
            verification()
                    .statusCode(200)
                    .body(
                            "intact", equalTo(false),
                            "refusedEntries", equalTo(1),
                            "problem", containsString("MAC does not match"),
                            "brokenAtSeq", nullValue());
            // Never chained, so the trail an auditor reads does not carry it.
            given().auth()
                    .oauth2(auditor)
                    .queryParam("limit", 200)
                    .queryParam("actor", "inspector-1")
                    .get("/api/v1/audit")
                    .then()
                    .statusCode(200)
                    .body("items.id", not(org.hamcrest.Matchers.hasItem(forged.toString())));
        } finally {
            asOwnerWithoutTheGuard("delete from audit_entry where id = '" + forged + "'");
        }
        verification().body("intact", equalTo(true));
    }

    @Test
    void theServicesRoleCanNeitherHideAnEntryBelowTheChainNorPassOffAGenuineOneAsRefused() throws SQLException {
        activity();
        try (Connection app = asTheService();
                Statement s = app.createStatement()) {
            SQLException hidden = org.junit.jupiter.api.Assertions.assertThrows(
                    SQLException.class,
                    () -> s.executeUpdate("update audit_entry set seq = -5, prev_hash = sha256('p'), hash = sha256('h')"
                            + " where id = (select id from audit_entry where tenant_id = 'almaty' and hash is null"
                            + " and refused_at is null limit 1)"));
            org.junit.jupiter.api.Assertions.assertTrue(
                    hidden.getMessage().contains("audit_entry_seq_from_one"), hidden.getMessage());
            assertEquals(
                    2,
                    s.executeUpdate("update audit_entry set refused_at = now() where tenant_id = 'almaty'"
                            + " and hash is null and refused_at is null"));
        }
        try {
            verification()
                    .body(
                            "intact", equalTo(false),
                            "problem", containsString("were marked refused outside the chainer"));
        } finally {
            asOwnerWithoutTheGuard("update audit_entry set refused_at = null where tenant_id = 'almaty'"
                    + " and refused_at is not null and hash is null");
        }
        verification().body("intact", equalTo(true));
    }

    @Test
    void aRewoundHeadIsReportedAndStopsChainingWithoutAnError() throws SQLException {
        activity();
        activity();
        JsonPath before = verification().body("intact", equalTo(true)).extract().jsonPath();
        long head = before.getLong("headSeq");
        try (Connection app = asTheService();
                Statement s = app.createStatement()) {
            assertEquals(
                    1,
                    s.executeUpdate("update audit_chain c set last_seq = c.last_seq - 2, last_hash = e.hash"
                            + " from audit_entry e where e.tenant_id = c.tenant_id and e.seq = c.last_seq - 2"
                            + " and c.tenant_id = 'almaty' and c.last_seq = " + head));
        }
        try {
            activity();
            verification()
                    .statusCode(200)
                    .body(
                            "intact", equalTo(false),
                            "headSeq", equalTo((int) head - 2),
                            "brokenAtSeq", equalTo((int) head - 1),
                            "problem", containsString("the head was rewound"));
            given().auth().oauth2(auditor).get("/api/v1/audit").then().statusCode(200);
            given().auth()
                    .oauth2(auditor)
                    .post("/api/v1/audit/checkpoints")
                    .then()
                    .statusCode(409)
                    .contentType("application/problem+json");
        } finally {
            asOwnerWithoutTheGuard("update audit_chain set last_seq = " + head + ", last_hash = (select hash from"
                    + " audit_entry where tenant_id = 'almaty' and seq = " + head + ") where tenant_id = 'almaty'");
        }
        verification().body("intact", equalTo(true), "overdueUnchainedEntries", equalTo(0));
    }

    @Test
    void aCheckpointFarIntoTheChainVerifies() {
        // Past the small numbers a boxed comparison would get right by accident.
        while (verification().extract().jsonPath().getLong("headSeq") < 300) {
            activity();
        }
        Map<String, Object> checkpoint = checkpoint();
        againstCheckpoint(checkpoint)
                .body("intact", equalTo(true), "checkpoint.extended", equalTo(true), "checkpoint.problem", nullValue());
        activity();
        againstCheckpoint(checkpoint)
                .body("intact", equalTo(true), "checkpoint.extended", equalTo(true), "checkpoint.problem", nullValue());
    }

    @Test
    void aTailDeletedWithTheHeadRewoundPassesAPlainCheckButNotTheAuditorsCheckpoint() throws SQLException {
        activity();
        Map<String, Object> checkpoint = checkpoint();
        long seq = ((Number) checkpoint.get("seq")).longValue();
        activity();
        long head = verification().extract().jsonPath().getLong("headSeq");
        asOwnerWithoutTheGuard(
                "drop table if exists audit_tail",
                "create table audit_tail as select * from audit_entry where tenant_id = 'almaty' and seq >= " + seq,
                "delete from audit_entry where tenant_id = 'almaty' and seq >= " + seq,
                "update audit_chain set last_seq = " + (seq - 1) + ", last_hash = (select hash from audit_entry"
                        + " where tenant_id = 'almaty' and seq = " + (seq - 1) + ") where tenant_id = 'almaty'");
        try {
            // Consistent as far as the database alone can tell ...
            verification().body("intact", equalTo(true), "headSeq", equalTo((int) seq - 1));
            // ... but not with what the auditor kept.
            againstCheckpoint(checkpoint)
                    .body(
                            "intact", equalTo(false),
                            "checkpoint.signatureValid", equalTo(true),
                            "checkpoint.extended", equalTo(false),
                            "checkpoint.problem", containsString("cut short"));
        } finally {
            asOwnerWithoutTheGuard(
                    "insert into audit_entry select * from audit_tail",
                    "drop table audit_tail",
                    "update audit_chain set last_seq = " + head + ", last_hash = (select hash from audit_entry"
                            + " where tenant_id = 'almaty' and seq = " + head + ") where tenant_id = 'almaty'");
        }
        againstCheckpoint(checkpoint)
                .body("intact", equalTo(true), "checkpoint.extended", equalTo(true), "checkpoint.problem", nullValue());
    }

    @Test
    void twoEntriesSwappedBreakTheChainWhereTheyStand() throws SQLException {
        activity();
        activity();
        long head = verification().extract().jsonPath().getLong("headSeq");
        Map<String, Object> checkpoint = checkpoint();
        long a = head - 2;
        long b = head - 1;
        String swap = "update audit_entry set seq = case seq when " + a + " then " + b + " else " + a
                + " end where tenant_id = 'almaty' and seq in (" + a + ", " + b + ")";
        asOwnerWithoutTheGuard(
                "drop index audit_entry_seq_unique",
                swap,
                "create unique index audit_entry_seq_unique on audit_entry (tenant_id, seq) where seq is not null");
        try {
            verification()
                    .body(
                            "intact", equalTo(false),
                            "brokenAtSeq", equalTo((int) a),
                            "problem", equalTo("does not link to the entry before it"));
            againstCheckpoint(checkpoint).body("checkpoint.extended", equalTo(false));
        } finally {
            asOwnerWithoutTheGuard(
                    "drop index audit_entry_seq_unique",
                    swap,
                    "create unique index audit_entry_seq_unique on audit_entry (tenant_id, seq) where seq is not null");
        }
        againstCheckpoint(checkpoint).body("intact", equalTo(true), "checkpoint.extended", equalTo(true));
    }

    @Test
    void aCheckpointIsSignedWithThePublishedKeyAndAnEditedOneFails() throws Exception {
        activity();
        Map<String, Object> checkpoint = checkpoint();
        JsonPath key = given().get("/.well-known/qorgau-audit-signing-key")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals("Ed25519", key.getString("algorithm"));
        assertEquals(key.getString("keyId"), checkpoint.get("keyId"));
        // Checked here with the JDK alone, as an auditor's own tool would.
        var publicKey = java.security.KeyFactory.getInstance("Ed25519")
                .generatePublic(new java.security.spec.X509EncodedKeySpec(
                        java.util.Base64.getDecoder().decode(key.getString("publicKey"))));
        var verifier = java.security.Signature.getInstance("Ed25519");
        verifier.initVerify(publicKey);
        verifier.update(("qorgau-audit-checkpoint v1\nalmaty\n" + checkpoint.get("seq") + "\n" + checkpoint.get("hash")
                        + "\n" + checkpoint.get("at") + "\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        org.junit.jupiter.api.Assertions.assertTrue(
                verifier.verify(java.util.Base64.getDecoder().decode((String) checkpoint.get("signature"))));

        Map<String, Object> edited = new java.util.HashMap<>(checkpoint);
        edited.put("seq", ((Number) checkpoint.get("seq")).longValue() - 1);
        againstCheckpoint(edited)
                .body(
                        "checkpoint.signatureValid", equalTo(false),
                        "checkpoint.extended", equalTo(false),
                        "checkpoint.problem", containsString("signature"));
        Map<String, Object> otherKey = new java.util.HashMap<>(checkpoint);
        otherKey.put("keyId", "0123456789abcdef");
        againstCheckpoint(otherKey)
                .body(
                        // A checkpoint the service did not sign says nothing about the chain, which is whole.
                        "intact", equalTo(true),
                        "checkpoint.signatureValid", equalTo(false),
                        "checkpoint.extended", equalTo(false),
                        "checkpoint.problem", containsString("0123456789abcdef"));
        // A checkpoint that cannot be one is refused as bad input, not reported as a failed check.
        for (var malformed : List.<Map.Entry<String, Object>>of(
                Map.entry("signature", "not base64 at all"),
                Map.entry("signature", java.util.Base64.getEncoder().encodeToString(new byte[63])),
                Map.entry("hash", "ABC"),
                Map.entry("seq", -1))) {
            Map<String, Object> bad = new java.util.HashMap<>(checkpoint);
            bad.put(malformed.getKey(), malformed.getValue());
            given().auth()
                    .oauth2(auditor)
                    .contentType("application/json")
                    .body(Map.of("checkpoint", bad))
                    .post("/api/v1/audit/verification")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", org.hamcrest.Matchers.hasItem(containsString(malformed.getKey())));
        }
        Map<String, Object> noSeq = new java.util.HashMap<>(checkpoint);
        noSeq.remove("seq");
        given().auth()
                .oauth2(auditor)
                .contentType("application/json")
                .body(Map.of("checkpoint", noSeq))
                .post("/api/v1/audit/verification")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem(containsString("seq")));
        Map<String, Object> otherNetwork = new java.util.HashMap<>(checkpoint);
        otherNetwork.put("tenantId", "astana");
        given().auth()
                .oauth2(auditor)
                .contentType("application/json")
                .body(Map.of("checkpoint", otherNetwork))
                .post("/api/v1/audit/verification")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        // Only auditors take checkpoints.
        given().auth()
                .oauth2(inspector)
                .post("/api/v1/audit/checkpoints")
                .then()
                .statusCode(403);
    }

    private void activity() {
        UUID caseId = Flows.caseFile(inspector);
        given().auth().oauth2(inspector).get("/api/v1/cases/" + caseId).then().statusCode(200);
    }

    private io.restassured.response.ValidatableResponse verification() {
        return given().auth()
                .oauth2(auditor)
                .get("/api/v1/audit/verification")
                .then()
                .statusCode(200);
    }

    private io.restassured.response.ValidatableResponse againstCheckpoint(Map<String, Object> checkpoint) {
        return given().auth()
                .oauth2(auditor)
                .contentType("application/json")
                .body(Map.of("checkpoint", checkpoint))
                .post("/api/v1/audit/verification")
                .then()
                .statusCode(200);
    }

    private Map<String, Object> checkpoint() {
        return given().auth()
                .oauth2(auditor)
                .post("/api/v1/audit/checkpoints")
                .then()
                .statusCode(200)
                .body("tenantId", equalTo("almaty"))
                .extract()
                .jsonPath()
                .getMap("");
    }

    /** The service's own database role, scoped to almaty as the service scopes each transaction. */
    private static Connection asTheService() throws SQLException {
        var config = ConfigProvider.getConfig();
        Connection connection = DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class)
                        .orElse(""));
        try (Statement s = connection.createStatement()) {
            s.execute("select set_config('qorgau.tenant', 'almaty', false)");
        }
        return connection;
    }

    private static void asOwnerWithoutTheGuard(String... statements) throws SQLException {
        try (Connection owner = OwnerDatabase.connect();
                Statement s = owner.createStatement()) {
            s.execute("alter table audit_entry disable trigger audit_entry_no_update_or_delete");
            try {
                for (String statement : statements) {
                    s.execute(statement);
                }
            } finally {
                s.execute("alter table audit_entry enable trigger audit_entry_no_update_or_delete");
            }
        }
    }
}
