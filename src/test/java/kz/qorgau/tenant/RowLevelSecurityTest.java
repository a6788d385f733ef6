package kz.qorgau.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kz.qorgau.security.Role;
import kz.qorgau.support.AsTenant;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import kz.qorgau.support.OwnerDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL's row-level security as the second line under the Java code: a query that forgets its tenant
 * still sees only the network its transaction acts for, and work that names no tenant sees nothing.
 */
@QuarkusTest
class RowLevelSecurityTest {

    @Inject
    EntityManager em;

    private UUID astanaCase;

    @BeforeEach
    void bothNetworksHoldACase() {
        Network almaty = Network.of("almaty");
        Flows.caseFile(almaty.token(Role.POLICE_INSPECTOR, almaty.police));
        Network astana = Network.of("astana");
        astanaCase = Flows.caseFile(astana.token(Role.POLICE_INSPECTOR, astana.police));
    }

    @Test
    void anUnfilteredNativeQueryOfOneNetworkFindsNothingOfAnother() {
        List<?> tenants = AsTenant.call(
                "almaty",
                () -> em.createNativeQuery("select distinct tenant_id from case_file")
                        .getResultList());
        assertEquals(List.of("almaty"), tenants);
        long astanaRows = AsTenant.call(
                "almaty",
                () -> ((Number) em.createNativeQuery("select count(*) from case_file where id = ?1")
                                .setParameter(1, astanaCase)
                                .getSingleResult())
                        .longValue());
        assertEquals(0, astanaRows);
        // Nor can it write into the other network: the policy checks new rows too.
        int updated = AsTenant.call(
                "almaty",
                () -> em.createNativeQuery("update case_file set status = 'CLOSED', closed_at = now() where id = ?1")
                        .setParameter(1, astanaCase)
                        .executeUpdate());
        assertEquals(0, updated, "almaty updated astana's case");
        assertThrows(
                RuntimeException.class,
                () -> AsTenant.call("almaty", () -> em.createNativeQuery("""
                insert into audit_chain (tenant_id, last_seq, last_hash) values ('astana', 0, '\\x00')""").executeUpdate()));
    }

    @Test
    void aJobThatForgetsToNameItsTenantSeesNoRowOfAnyNetwork() throws Exception {
        List<String> tables = tablesWithATenant();
        for (String table : tables) {
            long rows = AsTenant.call(
                    null,
                    () -> ((Number) em.createNativeQuery("select count(*) from " + table)
                                    .getSingleResult())
                            .longValue());
            assertEquals(0, rows, table + " showed rows to work with no tenant");
        }
        long owned = AsTenant.call(
                "almaty",
                () -> ((Number) em.createNativeQuery("select count(*) from case_file")
                                .getSingleResult())
                        .longValue());
        assertTrue(owned > 0, "almaty's own cases are there");
    }

    @Test
    void everyTableThatHoldsATenantsRowsHasItsPolicyAndTheServiceRoleBypassesNone() throws Exception {
        try (Connection owner = OwnerDatabase.connect();
                ResultSet rs = owner.createStatement().executeQuery("""
                select c.relname, c.relrowsecurity, exists (select 1 from pg_policy p where p.polrelid = c.oid)
                from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind = 'r'
                  and (exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id')
                       or c.relname = 'case_incident')""")) {
            int tables = 0;
            while (rs.next()) {
                tables++;
                assertTrue(rs.getBoolean(2) && rs.getBoolean(3), rs.getString(1) + " has no row-level security");
            }
            assertTrue(tables >= 18, "only " + tables + " tables found");
        }
        Object[] role =
                AsTenant.call(null, () -> (Object[]) em.createNativeQuery("""
                select r.rolsuper or r.rolbypassrls,
                       (select count(*) from pg_tables t where t.schemaname = 'public' and t.tableowner = current_user),
                       has_table_privilege(current_user, 'audit_entry', 'DELETE')
                from pg_roles r where r.rolname = current_user""").getSingleResult());
        assertFalse((Boolean) role[0]);
        assertEquals(0, ((Number) role[1]).longValue());
        assertFalse((Boolean) role[2], "the service may not delete audit entries");
    }

    private List<String> tablesWithATenant() throws Exception {
        List<String> tables = new ArrayList<>();
        try (Connection owner = OwnerDatabase.connect();
                ResultSet rs = owner.createStatement().executeQuery("""
                select distinct table_name from information_schema.columns
                where table_schema = 'public' and column_name = 'tenant_id' order by 1""")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        tables.add("case_incident");
        return tables;
    }
}
