package kz.qorgau.caseaccess;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.security.Role;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import kz.qorgau.support.OwnerDatabase;
import org.junit.jupiter.api.Test;

/**
 * The case's parties are a projection of its referrals that the case access keeps for itself: it must say,
 * at every step of a hand-off, what the referrals say, or an agency would see a case it left (or miss one
 * it took on).
 */
@QuarkusTest
class CasePartiesTest {

    @Test
    void eachStepOfAHandOffMovesTheReceiverOnAndOffTheCase() throws Exception {
        Network almaty = Network.of("almaty");
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        String social = almaty.token(Role.SOCIAL_WORKER, almaty.socialProtection);
        UUID caseId = Flows.caseFile(inspector);
        Flows.recordConsent(inspector, caseId, almaty.socialProtection).then().statusCode(201);

        UUID draft = UUID.fromString(Flows.refer(inspector, caseId, almaty.socialProtection, false)
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        assertEquals(List.of("SENDER live"), rowsOf(draft), "a draft has not reached its receiver");
        given().auth().oauth2(social).get("/api/v1/cases/" + caseId).then().statusCode(404);

        Flows.fire(inspector, draft, "SUBMIT").then().statusCode(200);
        assertEquals(List.of("RECEIVER live", "SENDER live"), rowsOf(draft));
        Flows.fire(social, draft, "ACCEPT").then().statusCode(200);
        assertEquals(List.of("RECEIVER live on-case", "SENDER live"), rowsOf(draft));
        given().auth().oauth2(social).get("/api/v1/cases/" + caseId).then().statusCode(200);

        Flows.fire(inspector, draft, "CANCEL", Map.of("note", "She moved to her sister's"))
                .then()
                .statusCode(200);
        assertEquals(List.of("RECEIVER ended", "SENDER ended"), rowsOf(draft));
        given().auth().oauth2(social).get("/api/v1/cases/" + caseId).then().statusCode(404);
    }

    @Test
    void theProjectionSaysWhatEveryReferralOfEveryNetworkSays() throws Exception {
        Network astana = Network.of("astana");
        String inspector = astana.token(Role.POLICE_INSPECTOR, astana.police);
        UUID caseId = Flows.caseFile(inspector);
        Flows.recordConsent(inspector, caseId, astana.socialProtection).then().statusCode(201);
        Flows.referral(inspector, caseId, astana.socialProtection);
        given().auth()
                .oauth2(inspector)
                .contentType("application/json")
                .body("""
                        {"caseId": "%s", "receiverAgencyId": "%s", "servicesRequested": ["PSYCHOLOGICAL_COUNSELLING"],
                         "emergencyReason": "He is outside her door", "submit": true}
                        """.formatted(caseId, astana.crisisCentre))
                .post("/api/v1/referrals")
                .then()
                .statusCode(201);

        // Whatever the other tests of this run did to their referrals, the two tables agree row by row.
        try (Connection owner = OwnerDatabase.connect();
                ResultSet disagreeing = owner.createStatement().executeQuery("""
                        with expected as (
                            select case_id, id as referral_id, 'SENDER' as side, sender_agency_id as agency_id,
                                   state not in ('COMPLETED', 'DECLINED', 'CANCELLED', 'WITHDRAWN') as live,
                                   false as on_case, false as emergency
                            from referral
                            union all
                            select case_id, id, 'RECEIVER', receiver_agency_id,
                                   state not in ('COMPLETED', 'DECLINED', 'CANCELLED', 'WITHDRAWN'),
                                   state in ('ACCEPTED', 'IN_PROGRESS', 'ON_HOLD'),
                                   consent_id is null and emergency_reason is not null
                            from referral where submitted_at is not null)
                        (select case_id, referral_id, side, agency_id, live, on_case, emergency from expected
                         except select case_id, referral_id, side, agency_id, live, on_case, emergency from case_party)
                        union all
                        (select case_id, referral_id, side, agency_id, live, on_case, emergency from case_party
                         except select case_id, referral_id, side, agency_id, live, on_case, emergency from expected)""")) {
            List<String> rows = new ArrayList<>();
            while (disagreeing.next()) {
                rows.add(disagreeing.getString("referral_id") + " " + disagreeing.getString("side"));
            }
            assertEquals(List.of(), rows);
        }
    }

    private static List<String> rowsOf(UUID referral) throws Exception {
        try (Connection owner = OwnerDatabase.connect();
                PreparedStatement query = owner.prepareStatement(
                        "select side, live, on_case from case_party where referral_id = ? order by side")) {
            query.setObject(1, referral);
            List<String> rows = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    rows.add(row.getString("side")
                            + (row.getBoolean("live") ? " live" : " ended")
                            + (row.getBoolean("on_case") ? " on-case" : ""));
                }
            }
            return rows;
        }
    }
}
