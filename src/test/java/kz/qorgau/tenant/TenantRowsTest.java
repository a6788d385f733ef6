package kz.qorgau.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import kz.qorgau.casefile.CaseFile;
import kz.qorgau.security.Role;
import kz.qorgau.support.AsTenant;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import kz.qorgau.support.OwnerDatabase;
import org.hibernate.annotations.SQLRestriction;
import org.hibernate.annotations.TenantId;
import org.hibernate.engine.spi.SessionImplementor;
import org.junit.jupiter.api.Test;

/**
 * The Java line of tenant isolation: each entity of one tenant's rows restricts itself to the connection's
 * tenant, and Hibernate's own tenant filter stays off, since while it is on Hibernate caches no query plan.
 */
@QuarkusTest
class TenantRowsTest {

    @Inject
    EntityManager em;

    @Test
    void everyEntityThatHoldsATenantsRowsRestrictsItselfToTheConnectionsTenant() {
        List<String> scoped = new ArrayList<>();
        for (var entity : em.getMetamodel().getEntities()) {
            Class<?> type = entity.getJavaType();
            boolean tenantScoped = Arrays.stream(type.getDeclaredFields()).anyMatch(TenantRowsTest::isTenantId);
            if (tenantScoped) {
                scoped.add(type.getSimpleName());
                SQLRestriction restriction = type.getAnnotation(SQLRestriction.class);
                assertNotNull(restriction, type.getSimpleName() + " holds a tenant's rows but does not restrict them");
                assertEquals(TenantRows.OF_THE_CONNECTIONS_TENANT, restriction.value(), type.getSimpleName());
            }
        }
        assertTrue(
                scoped.containsAll(List.of("Referral", "CaseFile", "Incident", "AuditEntry", "OutboxEvent")),
                "found only " + scoped);
    }

    @Test
    void aTenantsSessionHasNoFilterOnAndFindsItsOwnRowsButNoneOfAnotherNetwork() {
        Network astana = Network.of("astana");
        UUID astanaCase = Flows.caseFile(astana.token(Role.POLICE_INSPECTOR, astana.police));

        assertFalse(
                AsTenant.call(
                        "almaty",
                        () -> em.unwrap(SessionImplementor.class)
                                .getLoadQueryInfluencers()
                                .hasEnabledFilters()),
                "a filter is on: Hibernate would translate every query again");
        assertNull(AsTenant.call("almaty", () -> em.find(CaseFile.class, astanaCase)));
        assertEquals(
                0L,
                AsTenant.call(
                        "almaty",
                        () -> em.createQuery("select count(c) from CaseFile c where c.id = :id", Long.class)
                                .setParameter("id", astanaCase)
                                .getSingleResult()));
        CaseFile own = AsTenant.call("astana", () -> em.find(CaseFile.class, astanaCase));
        assertNotNull(own, "astana does not see its own case");
        assertEquals("astana", own.tenantId);
        assertEquals(
                List.of("astana"),
                AsTenant.call(
                        "astana",
                        () -> em.createQuery("select distinct c.tenantId from CaseFile c", String.class)
                                .getResultList()));
    }

    @Test
    void theRestrictionAloneKeepsAnotherNetworksRowsOutWhenRowLevelSecurityIsOff() throws Exception {
        Network astana = Network.of("astana");
        UUID astanaCase = Flows.caseFile(astana.token(Role.POLICE_INSPECTOR, astana.police));
        try (Connection owner = OwnerDatabase.connect()) {
            owner.createStatement().execute("alter table case_file disable row level security");
            try {
                long seenByNativeSql = AsTenant.call(
                        "almaty",
                        () -> ((Number) em.createNativeQuery("select count(*) from case_file where id = ?1")
                                        .setParameter(1, astanaCase)
                                        .getSingleResult())
                                .longValue());
                assertEquals(1, seenByNativeSql, "row-level security is still on: the test proves nothing");
                assertNull(AsTenant.call("almaty", () -> em.find(CaseFile.class, astanaCase)));
                assertEquals(
                        List.of(),
                        AsTenant.call(
                                "almaty",
                                () -> em.createQuery("from CaseFile c where c.id = :id", CaseFile.class)
                                        .setParameter("id", astanaCase)
                                        .getResultList()));
            } finally {
                owner.createStatement().execute("alter table case_file enable row level security");
            }
        }
    }

    private static boolean isTenantId(Field field) {
        return field.isAnnotationPresent(TenantId.class);
    }
}
