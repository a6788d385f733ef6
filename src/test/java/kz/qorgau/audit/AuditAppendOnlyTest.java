package kz.qorgau.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.UUID;
import kz.qorgau.support.OwnerDatabase;
import org.junit.jupiter.api.Test;

/**
 * The database's own guard on the audit trail (migrations V4, V6, V12, V34): an entry is never changed, but for the
 * two steps the chainer takes on an entry not yet chained, sealing it (its number and hashes) or refusing it (when
 * it was refused), and each of those may touch nothing else. Run as the tables' owner, whom row-level security does
 * not restrict, in one transaction that is rolled back, so the chainer never sees these entries.
 */
@QuarkusTest
class AuditAppendOnlyTest {

    private static final String SEAL = "seq = 999999999, prev_hash = '\\x00', hash = '\\x01'";

    @Test
    void anEntryNotYetChainedMayBeSealedOrRefusedAndNothingElse() throws SQLException {
        try (Connection c = OwnerDatabase.connect();
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                UUID sealed = entry(s);
                UUID refused = entry(s);

                // Sealing or refusing it while changing anything else of it is refused, whichever column.
                refusedAsAppendOnly(
                        c,
                        s,
                        "update audit_entry set " + SEAL + ", actor = 'someone-else' where id = '" + sealed + "'");
                refusedAsAppendOnly(
                        c, s, "update audit_entry set " + SEAL + ", detail = null where id = '" + sealed + "'");
                refusedAsAppendOnly(
                        c,
                        s,
                        "update audit_entry set " + SEAL + ", actor_roles = '{AUDITOR}' where id = '" + sealed + "'");
                refusedAsAppendOnly(
                        c, s, "update audit_entry set refused_at = now(), mac = '\\x00' where id = '" + refused + "'");
                // So is changing it without sealing or refusing it.
                refusedAsAppendOnly(c, s, "update audit_entry set request_id = 'other' where id = '" + sealed + "'");

                // The chainer's two steps pass.
                assertEquals(1, s.executeUpdate("update audit_entry set " + SEAL + " where id = '" + sealed + "'"));
                assertEquals(
                        1, s.executeUpdate("update audit_entry set refused_at = now() where id = '" + refused + "'"));

                // And once taken, neither entry changes again, nor goes.
                refusedAsAppendOnly(c, s, "update audit_entry set hash = '\\x02' where id = '" + sealed + "'");
                refusedAsAppendOnly(
                        c,
                        s,
                        "update audit_entry set " + SEAL.replace("999999999", "999999998")
                                + ", refused_at = null where id = '" + refused + "'");
                refusedAsAppendOnly(c, s, "update audit_entry set refused_at = now() where id = '" + refused + "'");
                refusedAsAppendOnly(c, s, "delete from audit_entry where id = '" + sealed + "'");
            } finally {
                c.rollback();
            }
        }
    }

    private static UUID entry(Statement s) throws SQLException {
        UUID id = UUID.randomUUID();
        s.executeUpdate("""
                insert into audit_entry (id, tenant_id, at, actor, actor_roles, action, record_type, record_id,
                                         categories, detail, request_id, mac)
                values ('%s', 'almaty', now(), 'append-only-test', '{CASE_WORKER}', 'READ', 'referral', '%s',
                        '{IDENTITY}', 'read', 'append-only-test', '\\x0102')""".formatted(id, UUID.randomUUID()));
        return id;
    }

    private static void refusedAsAppendOnly(Connection c, Statement s, String sql) throws SQLException {
        Savepoint before = c.setSavepoint();
        SQLException refused = assertThrows(SQLException.class, () -> s.executeUpdate(sql), sql);
        assertTrue(refused.getMessage().contains("audit_entry is append-only"), refused.getMessage());
        c.rollback(before);
    }
}
