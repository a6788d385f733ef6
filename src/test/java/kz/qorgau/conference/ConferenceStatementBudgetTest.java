package kz.qorgau.conference;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import kz.qorgau.security.Role;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/**
 * The lists of risk conferences run the same few statements for a page of one as for a full page: no row of a
 * page costs a query of its own (as StatementBudgetTest holds for the other lists).
 */
@QuarkusTest
class ConferenceStatementBudgetTest {

    private static final int BUDGET = 8;
    private static final int ROWS = 12;

    @Inject
    SessionFactory sessions;

    @Inject
    OverdueActionJob overdue;

    @Test
    void aPageOfOneAndAFullPageRunTheSameStatements() {
        Network almaty = Network.of("almaty");
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        String dispatch = almaty.token(Role.POLICE_DISPATCH, almaty.police);
        String chair = almaty.token(Role.SOCIAL_WORKER, almaty.socialProtection);
        UUID series = null;
        for (int i = 0; i < ROWS; i++) {
            series = Conferences.series(almaty.coordinator(), "Almaly", almaty.socialProtection, almaty.police);
            Conferences.meeting(chair, series, Instant.now().plus(i, ChronoUnit.DAYS));
        }
        UUID meeting = Conferences.meeting(chair, series, Instant.now().minus(1, ChronoUnit.HOURS));
        List<UUID> listed = new java.util.ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            UUID item = Conferences.proposedAtHighRisk(
                    inspector, Flows.caseFile(inspector, Flows.incident(dispatch)), series, "Threats");
            if (i % 2 == 0) {
                Conferences.decide(chair, item, "LIST", meeting, "Agreed")
                        .then()
                        .statusCode(200);
                listed.add(item);
            }
        }
        Conferences.attendance(chair, meeting, almaty.police).then().statusCode(200);
        for (UUID item : listed) {
            Conferences.action(
                            chair, item, almaty.police, "Visit", Instant.now().plus(1, ChronoUnit.HOURS))
                    .then()
                    .statusCode(201);
        }
        overdue.escalateOverdue(Instant.now().plus(2, ChronoUnit.HOURS));

        for (String[] list : List.of(
                new String[] {"series", chair, "/api/v1/conference-series"},
                new String[] {"meetings", chair, "/api/v1/conference-series/" + series + "/meetings"},
                new String[] {"proposals", chair, "/api/v1/conference-series/" + series + "/cases"},
                new String[] {"listed", chair, "/api/v1/conference-series/" + series + "/cases?status=LISTED"},
                new String[] {
                    "overdue", almaty.coordinator(), "/api/v1/conference-series/" + series + "/overdue-actions"
                })) {
            long one = statements(list[1], list[2], 1);
            long full = statements(list[1], list[2], ROWS);
            assertEquals(one, full, list[0] + ": a page of " + ROWS + " ran more statements than a page of one");
            assertTrue(full <= BUDGET, list[0] + " ran " + full + " statements, more than " + BUDGET);
        }
    }

    private long statements(String token, String path, int limit) {
        long fewest = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 2; attempt++) {
            Statistics statistics = sessions.getStatistics();
            long before = statistics.getPrepareStatementCount();
            var answer = given().auth().oauth2(token).queryParam("limit", limit).get(path);
            assertEquals(200, answer.statusCode(), path + ": " + answer.asString());
            int shown = answer.path("items.size()");
            assertTrue(shown >= Math.min(limit, 2), path + " showed " + shown + " items for a limit of " + limit);
            fewest = Math.min(fewest, statistics.getPrepareStatementCount() - before);
        }
        return fewest;
    }
}
