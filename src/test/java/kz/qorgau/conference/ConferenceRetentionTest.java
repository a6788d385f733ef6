package kz.qorgau.conference;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.casefile.RetentionJob;
import kz.qorgau.security.Role;
import kz.qorgau.support.Network;
import kz.qorgau.support.OwnerDatabase;
import org.junit.jupiter.api.Test;

/** What conferences wrote of her goes with her case when retention anonymises it (astana keeps closed cases 0s). */
@QuarkusTest
class ConferenceRetentionTest {

    @Inject
    RetentionJob retention;

    @Test
    void anAnonymisedCaseLeavesNoConferenceText() throws Exception {
        Network astana = Network.of("astana");
        String inspector = astana.token(Role.POLICE_INSPECTOR, astana.police);
        UUID caseId = Conferences.heardWithEverything(astana);
        String etag = given().auth()
                .oauth2(inspector)
                .get("/api/v1/cases/" + caseId)
                .then()
                .statusCode(200)
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
        assertTrue(retention.anonymiseDue() >= 1);
        try (Connection owner = OwnerDatabase.connect()) {
            assertEquals(0, count(owner, """
                    select count(*) from conference_case where case_id = ? and (reason is not null
                    or decision_reason is not null or risks is not null or minutes is not null)""", caseId));
            assertEquals(0, count(owner, """
                    select count(*) from conference_research r join conference_case c on c.id = r.conference_case_id
                    where c.case_id = ?""", caseId));
            assertEquals(0, count(owner, """
                    select count(*) from conference_action where case_id = ?
                    and (description is not null or done_note is not null)""", caseId));
            assertEquals(
                    1,
                    count(owner, "select count(*) from conference_action where case_id = ?", caseId),
                    "the plan's facts stay for the data return");
        }
    }

    private static long count(Connection owner, String sql, UUID caseId) throws Exception {
        try (PreparedStatement query = owner.prepareStatement(sql)) {
            query.setObject(1, caseId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
