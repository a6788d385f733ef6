package kz.qorgau.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kz.qorgau.notification.OutboxRelay;
import kz.qorgau.security.Role;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import kz.qorgau.support.OwnerDatabase;
import kz.qorgau.support.TestTokens;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/**
 * Every list runs the same, small number of SQL statements whatever its page size: a page of one and a page
 * of {@value #ROWS} cost alike, so no row of a page costs a query of its own (no N+1). Counted with
 * Hibernate's statistics, which the test profile switches on. Plain JDBC on the session's connection is not
 * counted there: the audit entry (written so since issue 26) is counted in the table instead, at most one per
 * call whatever the page, and the audit chainer, which the audit list runs first, runs four statements per
 * batch of entries, whatever the page.
 */
@QuarkusTest
class StatementBudgetTest {

    /** The most statements any list may run: the caller's agency, the page, what the page needs. */
    private static final int BUDGET = 8;

    private static final int ROWS = 25;

    @Inject
    SessionFactory sessions;

    @Inject
    OutboxRelay relay;

    /**
     * Paused while statements are counted: the count is the session factory's, every thread's, so a scheduled job
     * running beside a request adds its statements to the request's. One run counted three more for the case search's
     * page of one, in both attempts, than for its full page.
     */
    @Inject
    Scheduler scheduler;

    @Test
    void aPageOfOneAndAFullPageRunTheSameStatements() {
        Network almaty = Network.of("almaty");
        String dispatch = almaty.token(Role.POLICE_DISPATCH, almaty.police);
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        String caseworker = almaty.token(Role.NGO_CASEWORKER, almaty.crisisCentre);
        String coordinator = almaty.coordinator();
        String auditor = TestTokens.tenant("almaty").roles(Role.AUDITOR).sign();
        List<UUID> incidents = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            incidents.add(Flows.incident(dispatch));
        }
        UUID caseId = Flows.caseFile(inspector, incidents.get(0));
        Flows.caseFile(inspector, incidents.get(1));
        Flows.caseFile(inspector, incidents.get(2));
        Flows.recordConsent(inspector, caseId, almaty.crisisCentre).then().statusCode(201);
        UUID referral = null;
        for (int i = 0; i < ROWS; i++) {
            referral = Flows.referral(inspector, caseId, almaty.crisisCentre);
        }
        Flows.fire(caseworker, referral, "ACKNOWLEDGE").then().statusCode(200);
        Flows.fire(caseworker, referral, "ACCEPT").then().statusCode(200);
        Flows.recordContactRules(inspector, caseId).then().statusCode(200);
        for (int i = 0; i < ROWS; i++) {
            given().auth()
                    .oauth2(inspector)
                    .contentType("application/json")
                    .body(java.util.Map.of("channel", "LETTER", "outcome", "NO_ANSWER"))
                    .post("/api/v1/cases/" + caseId + "/contact-attempts")
                    .then()
                    .statusCode(201);
        }
        // Children at two incidents of one case: one served by a child-protection office, one that no office serves.
        String served = "Budget-" + UUID.randomUUID();
        UUID office = UUID.fromString(given().auth()
                .oauth2(coordinator)
                .contentType("application/json")
                .body(java.util.Map.of(
                        "name", almaty.uniqueName("Guardianship"), "kind", "CHILD_PROTECTION", "district", served))
                .post("/api/v1/agencies")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        UUID there = incidentIn(dispatch, served);
        UUID nowhere = incidentIn(dispatch, "Unserved-" + UUID.randomUUID());
        UUID household = Flows.caseFile(inspector, there, nowhere);
        for (int i = 0; i < ROWS; i++) {
            String child = given().auth()
                    .oauth2(inspector)
                    .contentType("application/json")
                    .body(java.util.Map.of(
                            "fullName", "Child " + i + " Sultanov", "birthDate", "2015-01-0" + (1 + i % 9)))
                    .post("/api/v1/cases/" + household + "/children")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            for (UUID incident : List.of(there, nowhere)) {
                given().auth()
                        .oauth2(inspector)
                        .contentType("application/json")
                        .body(java.util.Map.of("present", true))
                        .put("/api/v1/cases/" + household + "/children/" + child + "/incidents/" + incident)
                        .then()
                        .statusCode(200);
            }
        }
        relay.relay();

        List<Listing> lists = List.of(
                new Listing("contact attempts", inspector, "/api/v1/cases/" + caseId + "/contact-attempts"),
                new Listing("child notices", almaty.token(Role.SOCIAL_WORKER, office), "/api/v1/child-notices"),
                new Listing("overdue child notices", coordinator, "/api/v1/child-notices/overdue"),
                new Listing("incoming referrals", caseworker, "/api/v1/referrals?direction=incoming"),
                new Listing("outgoing referrals", inspector, "/api/v1/referrals?direction=outgoing"),
                new Listing("network referrals", coordinator, "/api/v1/referrals?state=SUBMITTED"),
                new Listing("change feed", caseworker, "/api/v1/events"),
                new Listing("incidents", dispatch, "/api/v1/incidents"),
                new Listing("case search", inspector, "/api/v1/cases?survivorName=Aigerim Sultanova"),
                new Listing("case timeline", inspector, "/api/v1/cases/" + caseId + "/timeline"),
                new Listing("agencies", coordinator, "/api/v1/agencies"),
                new Listing("audit trail", auditor, "/api/v1/audit"));

        scheduler.pause();
        try {
            for (Listing list : lists) {
                Cost one = cost(list.token(), list.path(), 1);
                Cost full = cost(list.token(), list.path(), ROWS);
                assertEquals(
                        one.statements(),
                        full.statements(),
                        list.name() + ": a page of " + ROWS + " ran more statements than a page of one");
                assertTrue(
                        full.statements() <= BUDGET,
                        list.name() + " ran " + full.statements() + " statements, more than " + BUDGET);
                assertEquals(
                        one.auditEntries(),
                        full.auditEntries(),
                        list.name() + ": a page of " + ROWS + " wrote more audit entries than a page of one");
                assertTrue(
                        full.auditEntries() <= 1,
                        list.name() + " wrote " + full.auditEntries() + " audit entries for one call");
            }
        } finally {
            scheduler.resume();
        }
    }

    private record Listing(String name, String token, String path) {}

    private static UUID incidentIn(String dispatch, String district) {
        return UUID.fromString(given().auth()
                .oauth2(dispatch)
                .contentType("application/json")
                .body(java.util.Map.of(
                        "occurredAt",
                        java.time.Instant.now().minusSeconds(7200).toString(),
                        "district",
                        district,
                        "violenceKinds",
                        List.of("PHYSICAL"),
                        "childrenPresent",
                        true,
                        "weaponsInvolved",
                        false,
                        "injuries",
                        false))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
    }

    private record Cost(long statements, long auditEntries) {}

    /**
     * Statements one call runs and audit entries it writes; the fewest of two calls, in case a background job ran
     * alongside.
     */
    private Cost cost(String token, String path, int limit) {
        long fewest = Long.MAX_VALUE;
        long fewestEntries = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 2; attempt++) {
            Statistics statistics = sessions.getStatistics();
            long entriesBefore = auditEntries();
            long before = statistics.getPrepareStatementCount();
            var answer = given().auth().oauth2(token).queryParam("limit", limit).get(path);
            assertEquals(200, answer.statusCode(), path + ": " + answer.asString());
            int shown = answer.path("items.size()");
            assertTrue(shown >= Math.min(limit, 2), path + " showed " + shown + " items for a limit of " + limit);
            fewest = Math.min(fewest, statistics.getPrepareStatementCount() - before);
            fewestEntries = Math.min(fewestEntries, auditEntries() - entriesBefore);
        }
        return new Cost(fewest, fewestEntries);
    }

    /** Every network's entries, as the table's owner counts them. */
    private static long auditEntries() {
        try (Connection owner = OwnerDatabase.connect();
                ResultSet count = owner.createStatement().executeQuery("select count(*) from audit_entry")) {
            count.next();
            return count.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
