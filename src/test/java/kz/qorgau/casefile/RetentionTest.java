package kz.qorgau.casefile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import kz.qorgau.security.Role;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import kz.qorgau.support.OwnerDatabase;
import kz.qorgau.support.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Closing a case and, once its network's retention period has passed (zero for astana in the test
 * profile), anonymising it: exactly once, whichever of two concurrent runs gets to it.
 */
@QuarkusTest
class RetentionTest {

    @Inject
    RetentionJob retention;

    @Test
    void aClosedCaseIsAnonymisedOnceAfterItsRetentionPeriod() throws Exception {
        Network astana = Network.of("astana");
        String inspector = astana.token(Role.POLICE_INSPECTOR, astana.police);
        String socialWorker = astana.token(Role.SOCIAL_WORKER, astana.socialProtection);
        UUID caseId = Flows.caseFile(inspector, Flows.incident(astana.token(Role.POLICE_DISPATCH, astana.police)));
        Flows.recordConsent(inspector, caseId, astana.socialProtection).then().statusCode(201);
        Flows.assess(
                        inspector,
                        caseId,
                        Map.of(
                                "answers", Flows.answersScoring(inspector, 2),
                                "judgementLevel", "EMERGENCY",
                                "judgementReason", "He said he would come back"))
                .then()
                .statusCode(201);
        UUID referral = Flows.referral(inspector, caseId, astana.socialProtection);
        String certificate = attach(inspector, "/api/v1/cases/" + caseId);
        attach(inspector, "/api/v1/referrals/" + referral);

        // Not while a referral is under way, not without If-Match, not by another agency than the lead.
        String etag = given().auth()
                .oauth2(inspector)
                .get("/api/v1/cases/" + caseId)
                .then()
                .extract()
                .header("ETag");
        close(inspector, caseId, etag).then().statusCode(409).body("openReferrals", equalTo(1));
        given().auth()
                .oauth2(inspector)
                .contentType("application/json")
                .body(Map.of("reason", "x"))
                .post("/api/v1/cases/" + caseId + "/closure")
                .then()
                .statusCode(428);
        Flows.fire(socialWorker, referral, "ACCEPT").then().statusCode(200);
        close(socialWorker, caseId, etag).then().statusCode(403);
        Flows.fire(inspector, referral, "CANCEL", Map.of("note", "She moved to her sister's in another city"))
                .then()
                .statusCode(200);
        close(inspector, caseId, "\"999\"").then().statusCode(412);
        etag = given().auth()
                .oauth2(inspector)
                .get("/api/v1/cases/" + caseId)
                .then()
                .extract()
                .header("ETag");
        close(inspector, caseId, etag)
                .then()
                .statusCode(200)
                .body("status", equalTo("CLOSED"), "closedAt", notNullValue());
        Flows.refer(inspector, caseId, astana.crisisCentre, false).then().statusCode(409);

        // Two replicas run the job at once: the case is anonymised by exactly one of them.
        var pool = Executors.newFixedThreadPool(2);
        try {
            var first = CompletableFuture.supplyAsync(retention::anonymiseDue, pool);
            var second = CompletableFuture.supplyAsync(retention::anonymiseDue, pool);
            assertTrue(first.get() + second.get() >= 1);
        } finally {
            pool.shutdown();
        }
        given().auth()
                .oauth2(inspector)
                .get("/api/v1/cases/" + caseId)
                .then()
                .statusCode(200)
                .body("survivor", nullValue(), "summary", nullValue(), "status", equalTo("CLOSED"));
        // Her answers to the risk checklist went with the rest; the level stays.
        given().auth()
                .oauth2(inspector)
                .get("/api/v1/cases/" + caseId + "/risk-assessments")
                .then()
                .statusCode(200)
                .body(
                        "[0].answers",
                        nullValue(),
                        "[0].judgementReason",
                        nullValue(),
                        "[0].level",
                        equalTo("EMERGENCY"));
        given().auth()
                .oauth2(inspector)
                .queryParam("survivorPhone", "+7 701 555 12 12")
                .get("/api/v1/cases")
                .then()
                .statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(caseId.toString())));
        try (Connection c = OwnerDatabase.connect();
                PreparedStatement select = c.prepareStatement("""
                select s.full_name_sealed is null and s.phone_sealed is null and s.name_hash is null
                       and s.anonymised_at is not null,
                       (select count(*) from referral r where r.case_id = f.id and r.note is not null),
                       (select count(*) from incident i join case_incident ci on ci.incident_id = i.id
                         where ci.case_id = f.id and (i.description is not null or i.persons is not null)),
                       (select count(*) from document d where d.case_id = f.id and d.erased_at is not null
                         and d.data_key is null and d.erased_by = 'retention'),
                       (select count(*) from document_content c join document d on d.id = c.document_id
                         where d.case_id = f.id)
                from case_file f join survivor s on s.id = f.survivor_id where f.id = ?""")) {
            select.setObject(1, caseId);
            try (ResultSet rs = select.executeQuery()) {
                assertTrue(rs.next());
                assertTrue(rs.getBoolean(1));
                assertEquals(0, rs.getLong(2));
                assertEquals(0, rs.getLong(3));
                assertEquals(2, rs.getLong(4), "her documents' keys are destroyed");
                assertEquals(0, rs.getLong(5), "and their bytes");
            }
        }
        given().auth()
                .oauth2(inspector)
                .get(java.net.URI.create(certificate).getPath())
                .then()
                .statusCode(410)
                .body("type", equalTo("urn:qorgau:problem:document-erased"));
        List<Map<String, Object>> anonymised = given().auth()
                .oauth2(TestTokens.tenant("astana").roles(Role.AUDITOR).sign())
                .queryParam("caseId", caseId)
                .queryParam("action", "ANONYMISE")
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        assertEquals(1, anonymised.size());
        assertEquals("system:retention", anonymised.get(0).get("actor"));
        // A later run finds nothing more to do for it.
        retention.anonymiseDue();
        given().auth()
                .oauth2(TestTokens.tenant("astana").roles(Role.AUDITOR).sign())
                .queryParam("caseId", caseId)
                .queryParam("action", "ANONYMISE")
                .get("/api/v1/audit")
                .then()
                .body("items.size()", equalTo(1));
    }

    /** @return where the document is downloaded */
    private static String attach(String token, String on) {
        return given().auth()
                .oauth2(token)
                .contentType("application/pdf")
                .body("%PDF-1.4\n% Her medical certificate\n%%EOF\n"
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .queryParam("kind", "MEDICAL_CERTIFICATE")
                .queryParam("category", "INCIDENT_DETAILS")
                .post(on + "/documents")
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
    }

    private static io.restassured.response.Response close(String token, UUID caseId, String etag) {
        return given().auth()
                .oauth2(token)
                .header("If-Match", etag)
                .contentType("application/json")
                .body(Map.of("reason", "Services delivered; she is safe"))
                .post("/api/v1/cases/" + caseId + "/closure");
    }

    @Test
    void anIncidentNoCaseNeedsIsAnonymisedAfterTheRetentionPeriodToo() throws Exception {
        Network astana = Network.of("astana");
        String dispatch = astana.token(Role.POLICE_DISPATCH, astana.police);
        UUID incident = Flows.incident(dispatch);
        given().auth()
                .oauth2(dispatch)
                .get("/api/v1/incidents/" + incident)
                .then()
                .statusCode(200)
                .body("description", equalTo("Neighbours called about screaming"));

        retention.anonymiseDue();
        given().auth()
                .oauth2(dispatch)
                .get("/api/v1/incidents/" + incident)
                .then()
                .statusCode(200)
                .body(
                        "description",
                        nullValue(),
                        "persons",
                        org.hamcrest.Matchers.empty(),
                        "district",
                        equalTo("Almaly"));
        try (Connection c = OwnerDatabase.connect();
                PreparedStatement select = c.prepareStatement(
                        "select description is null and persons is null and anonymised_at is not null from incident where id = ?")) {
            select.setObject(1, incident);
            try (var row = select.executeQuery()) {
                assertTrue(row.next() && row.getBoolean(1));
            }
        }
    }
}
