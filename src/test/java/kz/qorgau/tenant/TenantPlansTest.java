package kz.qorgau.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import kz.qorgau.security.Role;
import kz.qorgau.support.Flows;
import kz.qorgau.support.MigrationScripts;
import kz.qorgau.support.Network;
import kz.qorgau.support.OwnerDatabase;
import kz.qorgau.support.QueryPlans;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * A pooled connection acts for one network, then for another, and keeps its prepared statements' plans across
 * them. A plan made while it acted for a network the statistics do not know yet (one just onboarded) must still
 * serve the largest network well: the tenant condition may not be planned as if it matched one row.
 */
@QuarkusTest
class TenantPlansTest {

    private static final String MIGRATION = "db/migration/V36__tenant_condition_planned_for_any_network.sql";

    /** No row carries it, so the statistics know nothing of it, as of a network onboarded since the last analyze. */
    private static final String NEW_NETWORK = "a-network-onboarded-since-the-last-analyze";

    /** The largest tables a network holds, by the columns their copies must not repeat. */
    private static final Map<String, List<String>> LARGE = Map.of(
            "referral", List.of("id"),
            // The chain's number and hashes are unique to the entry: copies are entries not chained yet.
            "audit_entry", List.of("id", "seq", "prev_hash", "hash"));

    @Test
    void aGenericPlanMadeForANewNetworkFindsARowByItsKey() throws SQLException {
        Network almaty = Network.of("almaty");
        String police = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        UUID caseId = Flows.caseFile(police, Flows.incident(police));
        Flows.recordConsent(police, caseId, almaty.crisisCentre).then().statusCode(201);
        UUID referral = Flows.referral(police, caseId, almaty.crisisCentre);
        Map<String, String> plans = new TreeMap<>();
        try (Connection owner = OwnerDatabase.connect();
                Statement s = owner.createStatement()) {
            owner.setAutoCommit(false);
            try {
                // The network's rows by the thousand, in this transaction only: the planner's statistics then
                // know the network, and know nothing of a new one.
                copy(s, "referral", "id = '" + referral + "'");
                copy(s, "audit_entry", "tenant_id = 'almaty' and record_id = '" + referral + "'");
                for (String table : LARGE.keySet()) {
                    s.execute("analyze " + table);
                }
                s.execute("set local role "
                        + ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class));
                s.execute("set local plan_cache_mode = force_generic_plan");
                s.execute("select set_config('qorgau.tenant', '" + NEW_NETWORK + "', true)");
                for (String table : LARGE.keySet()) {
                    // What Hibernate sends for a find by id: the entity's own restriction; the policy adds its own.
                    s.execute("prepare by_key_" + table + "(uuid) as select id from " + table + " where id = $1 and "
                            + TenantRows.OF_THE_CONNECTIONS_TENANT);
                    plans.put(table, QueryPlans.explain(s, "explain execute by_key_" + table + "('" + referral + "')"));
                }
            } finally {
                owner.rollback();
                // Analyze wrote the copies' count into pg_class in place, where the rollback leaves it.
                owner.setAutoCommit(true);
                for (String table : LARGE.keySet()) {
                    s.execute("analyze " + table);
                }
            }
        }
        Map<String, String> readThroughAnotherIndex = new TreeMap<>(plans);
        readThroughAnotherIndex.entrySet().removeIf(e -> e.getValue().contains("using " + e.getKey() + "_pkey on "));
        assertEquals(Map.of(), readThroughAnotherIndex, "found by key through another index than their own");
    }

    /** Inserts 5,000 copies of the row the condition picks, each under a new id. */
    private static void copy(Statement s, String table, String which) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (ResultSet rows = s.executeQuery("select attname from pg_attribute where attrelid = '" + table
                + "'::regclass and attnum > 0 and not attisdropped order by attnum")) {
            while (rows.next()) {
                columns.add(rows.getString(1));
            }
        }
        columns.removeAll(LARGE.get(table));
        String kept = String.join(", ", columns);
        int copied = s.executeUpdate("insert into " + table + " (id, " + kept + ") select gen_random_uuid(), " + kept
                + " from (select * from " + table + " where " + which + " limit 1) one, generate_series(1, 5000)");
        assertEquals(5000, copied, table);
    }

    @Test
    void everyTenantPolicyReadsTheSettingInASubquery() throws SQLException {
        assertEveryTenantPolicyReadsTheSettingInASubquery();
    }

    @Test
    void theMigrationRunAgainOverAnInterruptedRunFinishesIt() throws Exception {
        try (Connection owner = OwnerDatabase.connect();
                Statement s = owner.createStatement()) {
            // Interrupted after some tables: the others' policies still read the setting as V8 wrote it.
            for (String table : List.of("referral", "audit_entry")) {
                s.execute("alter policy tenant_isolation on " + table
                        + " using (tenant_id = current_setting('qorgau.tenant', true))"
                        + " with check (tenant_id = current_setting('qorgau.tenant', true))");
            }
            // As Flyway runs it (V36's .sql.conf): outside a transaction, statement by statement.
            for (String statement : MigrationScripts.statements(MIGRATION)) {
                s.execute(statement);
            }
        }
        assertEveryTenantPolicyReadsTheSettingInASubquery();
    }

    private static void assertEveryTenantPolicyReadsTheSettingInASubquery() throws SQLException {
        Map<String, String> conditions = new TreeMap<>();
        try (Connection owner = OwnerDatabase.connect();
                ResultSet rows = owner.createStatement()
                        .executeQuery("select tablename, qual, with_check from pg_policies"
                                + " where schemaname = current_schema() order by 1")) {
            while (rows.next()) {
                conditions.put(rows.getString(1), rows.getString(2) + " | " + rows.getString(3));
            }
        }
        String subquery =
                "((tenant_id)::text = ( SELECT current_setting('qorgau.tenant'::text, true) AS current_setting))";
        // A case's incidents are the case's: their policy asks for the case, under its own policy.
        String ofTheCase = conditions.remove("case_incident");
        assertTrue(ofTheCase.startsWith("(EXISTS ( SELECT 1"), ofTheCase);
        conditions.values().removeIf((subquery + " | " + subquery)::equals);
        assertEquals(Map.of(), conditions, "policies that let the planner see the setting");
    }
}
