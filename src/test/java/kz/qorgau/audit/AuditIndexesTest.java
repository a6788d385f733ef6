package kz.qorgau.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kz.qorgau.support.MigrationScripts;
import kz.qorgau.support.OwnerDatabase;
import kz.qorgau.support.QueryPlans;
import org.junit.jupiter.api.Test;

/**
 * The audit trail's indexes as migration V35 leaves them: the auditor's filters, the chain's order and the list's
 * time bounds hold sealed entries only, so that a request's insert of its entry does not write them; the case index
 * holds every entry, for her data report. And the migration, which builds them concurrently outside a transaction,
 * may be run again after an interruption.
 */
@QuarkusTest
class AuditIndexesTest {

    private static final String MIGRATION = "db/migration/V35__audit_filters_index_sealed_entries.sql";
    private static final List<String> SEALED_ONLY = List.of(
            "audit_entry_seq_unique",
            "audit_entry_actor_idx",
            "audit_entry_agency_idx",
            "audit_entry_record_idx",
            "audit_entry_at_idx");

    @Test
    void theFiltersHoldSealedEntriesAndTheCaseIndexEveryEntry() throws SQLException {
        Map<String, String> indexes = indexes();
        for (String name : SEALED_ONLY) {
            assertTrue(indexes.get(name).endsWith(" WHERE (seq IS NOT NULL) valid"), name + ": " + indexes.get(name));
        }
        assertTrue(indexes.get("audit_entry_seq_unique").startsWith("CREATE UNIQUE INDEX"));
        assertEquals(
                "CREATE INDEX audit_entry_case_idx ON public.audit_entry USING btree (tenant_id, case_id, seq) valid",
                indexes.get("audit_entry_case_idx"));
        // Nothing of the rebuild is left beside them.
        assertTrue(indexes.keySet().stream().noneMatch(name -> name.endsWith("_sealed")), indexes.keySet()::toString);
    }

    @Test
    void theMigrationRunAgainAfterAnInterruptionLeavesTheSameIndexes() throws SQLException, IOException {
        Map<String, String> before = indexes();
        List<String> statements = MigrationScripts.statements(MIGRATION);
        try (Connection c = OwnerDatabase.connect();
                Statement s = c.createStatement()) {
            // Interrupted after its first build: the new index stands beside the old one under its own name.
            s.execute(statements.get(0));
            s.execute(statements.get(1));
            for (String statement : statements) {
                s.execute(statement);
            }
        }
        assertEquals(before, indexes());
    }

    @Test
    void theAuditorsFiltersAreReadThroughTheirIndexesWhateverTheCursor() throws SQLException {
        try (Connection c = OwnerDatabase.connect();
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                // The plan a prepared statement settles on is the generic one, which must prove from "seq > $n"
                // alone that the partial index holds every row it can return.
                s.execute("set local plan_cache_mode = force_generic_plan");
                s.execute("set local enable_seqscan = off");
                Map<String, String> filters = Map.of(
                        "actor", "audit_entry_actor_idx",
                        "actor_agency_id", "audit_entry_agency_idx",
                        "record_id", "audit_entry_record_idx");
                for (var filter : filters.entrySet()) {
                    String column = filter.getKey();
                    boolean text = column.equals("actor");
                    s.execute("prepare filtered_" + column + "(text, bigint, " + (text ? "text" : "uuid") + ") as"
                            + " select id from audit_entry where tenant_id = $1 and seq > $2 and " + column + " = $3"
                            + " order by seq limit 21");
                    String plan = QueryPlans.explain(
                            s,
                            "explain execute filtered_" + column + "('almaty', 0, "
                                    + (text ? "'someone'" : "gen_random_uuid()") + ")");
                    assertTrue(plan.contains(filter.getValue()), column + ": " + plan);
                }
            } finally {
                c.rollback();
            }
        }
    }

    /** Each index on the trail: its definition, and whether PostgreSQL uses it (an interrupted build leaves one it does not). */
    private static Map<String, String> indexes() throws SQLException {
        Map<String, String> indexes = new TreeMap<>();
        try (Connection c = OwnerDatabase.connect();
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("select i.relname, pg_get_indexdef(x.indexrelid), x.indisvalid"
                        + " from pg_index x join pg_class i on i.oid = x.indexrelid"
                        + " where x.indrelid = 'audit_entry'::regclass")) {
            while (rows.next()) {
                indexes.put(rows.getString(1), rows.getString(2) + (rows.getBoolean(3) ? " valid" : " invalid"));
            }
        }
        return indexes;
    }
}
