package kz.qorgau.document;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.notification.OutboxRelay;
import kz.qorgau.security.Role;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import kz.qorgau.support.OwnerDatabase;
import kz.qorgau.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Documents on cases and referrals: only real PDFs and images are taken, they are sealed at rest, and her
 * consent to each document's category decides, at each download, who else may read it.
 */
@QuarkusTest
class DocumentsTest {

    private static final String DECISION = "Court decision on Aigerim Nurlanovna, Almaty district court";

    @Inject
    OutboxRelay relay;

    private Network almaty;
    private String inspector;
    private String aliya;
    private UUID caseId;
    private UUID referral;

    @BeforeEach
    void parties() {
        almaty = Network.of("almaty");
        inspector = almaty.person("marat", Role.POLICE_INSPECTOR, almaty.police);
        aliya = almaty.person("aliya", Role.NGO_CASEWORKER, almaty.crisisCentre);
        caseId = Flows.caseFile(inspector);
        // Her consent covers IDENTITY, CONTACT and INCIDENT_DETAILS for the crisis centre, not RISK.
        Flows.recordConsent(inspector, caseId, almaty.crisisCentre).then().statusCode(201);
        referral = Flows.referral(inspector, caseId, almaty.crisisCentre);
    }

    static Response attach(String token, String on, String contentType, byte[] body, String kind, String category) {
        var request = given().auth().oauth2(token).contentType(contentType).body(body);
        if (kind != null) {
            request.queryParam("kind", kind);
        }
        if (category != null) {
            request.queryParam("category", category);
        }
        return request.post(on + "/documents");
    }

    private String onReferral() {
        return "/api/v1/referrals/" + referral;
    }

    private String onCase() {
        return "/api/v1/cases/" + caseId;
    }

    private UUID attached(String token, String on, byte[] body, String kind, String category) {
        return UUID.fromString(attach(token, on, "application/octet-stream", body, kind, category)
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
    }

    private Response download(String token, String on, UUID document) {
        return given().auth().oauth2(token).get(on + "/documents/" + document + "/content");
    }

    @Test
    void theInspectorAttachesACourtDecisionThatTheCentreDownloadsWithHerConsent() throws Exception {
        byte[] decision = Samples.pdf(DECISION);
        Response created =
                attach(inspector, onReferral(), "application/pdf", decision, "COURT_DECISION", "INCIDENT_DETAILS");
        created.then()
                .statusCode(201)
                .header(
                        "Location",
                        endsWith("/api/v1/referrals/" + referral + "/documents/" + created.path("id") + "/content"))
                .body(
                        "mediaType", equalTo("application/pdf"),
                        "kind", equalTo("COURT_DECISION"),
                        "category", equalTo("INCIDENT_DETAILS"),
                        "sizeBytes", equalTo(decision.length),
                        "referralId", equalTo(referral.toString()),
                        "uploaderAgencyId", equalTo(almaty.police.toString()),
                        "uploadedBy", equalTo("marat"));
        UUID document = UUID.fromString(created.path("id"));
        given().auth()
                .oauth2(aliya)
                .get(onReferral() + "/documents")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(document.toString())));
        Response file = download(aliya, onReferral(), document);
        file.then()
                .statusCode(200)
                .contentType("application/pdf")
                .header("Content-Disposition", equalTo("attachment; filename=\"court-decision-" + document + ".pdf\""))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store");
        assertArrayEquals(decision, file.asByteArray());

        // At rest it is sealed: neither its text nor its header is in the database.
        try (Connection db = OwnerDatabase.connect();
                PreparedStatement read = db.prepareStatement(
                        "select c.sealed, d.data_key from document_content c join document d on d.id = c.document_id"
                                + " where d.id = ?")) {
            read.setObject(1, document);
            try (ResultSet row = read.executeQuery()) {
                assertTrue(row.next());
                String stored = new String(row.getBytes(1), StandardCharsets.ISO_8859_1);
                assertFalse(stored.contains("Aigerim") || stored.contains("%PDF"), "the bytes are sealed");
                assertTrue(row.getBytes(2).length > 32, "its own key is kept, sealed");
            }
        }

        relay.relay();
        for (String token : List.of(aliya, inspector)) {
            List<Map<String, Object>> events = given().auth()
                    .oauth2(token)
                    .queryParam("limit", 500)
                    .get("/api/v1/events")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("items.findAll { it.type == 'referral.document' && it.data.documentId == '" + document
                            + "' }");
            assertEquals(1, events.size(), "both sides hear of it");
            assertFalse(events.toString().contains("Aigerim"), "without its content: " + events);
        }
        List<Map<String, Object>> audited = given().auth()
                .oauth2(almaty.tenantWide(Role.AUDITOR))
                .queryParam("caseId", caseId)
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .extract()
                .path("items.findAll { it.recordType == 'document' }");
        assertTrue(
                audited.stream().anyMatch(e -> "CREATE".equals(e.get("action"))),
                "the attachment is audited: " + audited);
        assertTrue(
                audited.stream()
                        .anyMatch(e -> "READ".equals(e.get("action"))
                                && almaty.crisisCentre.toString().equals(e.get("actorAgencyId"))
                                && String.valueOf(e.get("categories")).contains("INCIDENT_DETAILS")),
                "the download is audited with what it showed: " + audited);
    }

    @Test
    void whatHerConsentDoesNotCoverIsNeitherListedNorDownloadedAndEndsWithTheReferral() {
        UUID incidentDetails =
                attached(inspector, onReferral(), Samples.pdf(DECISION), "COURT_DECISION", "INCIDENT_DETAILS");
        UUID risk = attached(inspector, onReferral(), Samples.png(), "MEDICAL_CERTIFICATE", "RISK");
        UUID ownRisk = attached(aliya, onReferral(), Samples.jpeg(), "OTHER", "RISK");
        given().auth()
                .oauth2(aliya)
                .get(onReferral() + "/documents")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(incidentDetails.toString(), ownRisk.toString())));
        download(aliya, onReferral(), risk).then().statusCode(404).contentType("application/problem+json");
        // Paged one at a time, the hidden one takes its place in the order but is not shown, and none is skipped.
        List<String> paged = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(aliya).queryParam("limit", 1);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get(onReferral() + "/documents")
                    .then()
                    .statusCode(200)
                    .extract();
            paged.addAll(page.<List<String>>path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertEquals(List.of(incidentDetails.toString(), ownRisk.toString()), paged);
        // Nor does an event tell her of it.
        relay.relay();
        List<String> heard = given().auth()
                .oauth2(aliya)
                .queryParam("limit", 500)
                .get("/api/v1/events")
                .then()
                .statusCode(200)
                .extract()
                .path("items.findAll { it.type == 'referral.document' }.data.documentId");
        assertTrue(heard.containsAll(List.of(incidentDetails.toString(), ownRisk.toString())), heard.toString());
        assertFalse(heard.contains(risk.toString()), "the RISK document is not announced to her: " + heard);
        download(aliya, onReferral(), ownRisk).then().statusCode(200).contentType("image/jpeg");
        // The sender sees on the case all there is, the receiver's own included.
        given().auth()
                .oauth2(inspector)
                .get(onReferral() + "/documents")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(3));
        download(inspector, onReferral(), ownRisk).then().statusCode(200);

        Flows.fire(aliya, referral, "DECLINE", Map.of("reasonCode", "NO_CAPACITY"))
                .then()
                .statusCode(200);
        download(aliya, onReferral(), incidentDetails).then().statusCode(404);
        download(aliya, onReferral(), ownRisk).then().statusCode(200);
        attach(aliya, onReferral(), "image/png", Samples.png(), "OTHER", "RISK")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:qorgau:problem:referral-ended"));
        // A referral's documents are its own: not reachable through the case, nor through another referral.
        download(inspector, onCase(), incidentDetails).then().statusCode(404);
        UUID other = Flows.referral(inspector, caseId, almaty.crisisCentre);
        download(inspector, "/api/v1/referrals/" + other, incidentDetails)
                .then()
                .statusCode(404);
    }

    @Test
    void onlyPdfJpegAndPngAreTakenTheirTypeReadFromTheContent() {
        // Labelled a PDF, it is a web page: refused, whatever the label.
        attach(inspector, onReferral(), "application/pdf", Samples.html(), "COURT_DECISION", "INCIDENT_DETAILS")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body(
                        "type",
                        equalTo("urn:qorgau:problem:unsupported-media-type"),
                        "detail",
                        containsString("text/html"));
        attach(inspector, onReferral(), "application/octet-stream", Samples.zip(), "OTHER", "INCIDENT_DETAILS")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
        // A signature alone does not make a file: cut short, preceded by anything, or glued to a web page.
        byte[] png = Samples.png();
        byte[] pdf = Samples.pdf(DECISION);
        List<byte[]> broken = List.of(
                java.util.Arrays.copyOf(png, 20),
                (" " + new String(pdf, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1),
                ("%PDF-1.4\n" + new String(Samples.html(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        for (byte[] body : broken) {
            attach(inspector, onReferral(), "application/octet-stream", body, "OTHER", "INCIDENT_DETAILS")
                    .then()
                    .statusCode(415)
                    .contentType("application/problem+json");
        }
        // A label of one of the three that the content contradicts: the wrong file was picked.
        attach(inspector, onReferral(), "image/jpeg", Samples.png(), "OTHER", "INCIDENT_DETAILS")
                .then()
                .statusCode(415)
                .body("detail", containsString("image/png"));
        attach(inspector, onReferral(), "text/plain", Samples.pdf(DECISION), "OTHER", "INCIDENT_DETAILS")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
        attach(inspector, onReferral(), "application/octet-stream", new byte[0], "OTHER", "INCIDENT_DETAILS")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        byte[] large = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(Samples.pdf(DECISION), 0, large, 0, Samples.pdf(DECISION).length);
        attach(inspector, onReferral(), "application/pdf", large, "OTHER", "INCIDENT_DETAILS")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("detail", containsString("5242880"));
        // Her identity document is of her IDENTITY, whatever its uploader says.
        attach(inspector, onReferral(), "image/png", Samples.png(), "IDENTITY_DOCUMENT", "INCIDENT_DETAILS")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        for (String[] bad :
                new String[][] {{null, "RISK"}, {"OTHER", null}, {"LOVE_LETTER", "RISK"}, {"OTHER", "EVERYTHING"}}) {
            attach(inspector, onReferral(), "image/png", Samples.png(), bad[0], bad[1])
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        // Unlabelled, each of the three is recognised.
        attach(inspector, onReferral(), "application/octet-stream", Samples.png(), "OTHER", "RISK")
                .then()
                .statusCode(201)
                .body("mediaType", equalTo("image/png"));
        attach(inspector, onReferral(), "application/octet-stream", Samples.jpeg(), "OTHER", "RISK")
                .then()
                .statusCode(201)
                .body("mediaType", equalTo("image/jpeg"));
        attach(inspector, onCase(), "application/octet-stream", Samples.pdf(DECISION), "OTHER", "RISK")
                .then()
                .statusCode(201)
                .body("mediaType", equalTo("application/pdf"), "referralId", equalTo(null));
    }

    @Test
    void theAgencyThatAttachedADocumentByMistakeErasesItsBytesAndItsRecordStays() throws Exception {
        UUID document = attached(inspector, onReferral(), Samples.pdf(DECISION), "COURT_DECISION", "INCIDENT_DETAILS");
        String erasure = onReferral() + "/documents/" + document + "/erasure";
        // The other side reads it but did not attach it; a colleague of the uploader may erase it.
        given().auth().oauth2(aliya).post(erasure).then().statusCode(403).contentType("application/problem+json");
        String colleague = almaty.person("dana", Role.POLICE_INSPECTOR, almaty.police);
        given().auth()
                .oauth2(colleague)
                .post(erasure)
                .then()
                .statusCode(200)
                .body("erasedAt", notNullValue(), "id", equalTo(document.toString()));
        given().auth().oauth2(colleague).post(erasure).then().statusCode(409);
        download(aliya, onReferral(), document)
                .then()
                .statusCode(410)
                .body("type", equalTo("urn:qorgau:problem:document-erased"));
        given().auth()
                .oauth2(aliya)
                .get(onReferral() + "/documents")
                .then()
                .statusCode(200)
                .body("items[0].erasedAt", notNullValue());
        try (Connection db = OwnerDatabase.connect();
                PreparedStatement read =
                        db.prepareStatement("select (select count(*) from document_content where document_id = ?),"
                                + " (select data_key is null and erased_by = 'dana' from document where id = ?)")) {
            read.setObject(1, document);
            read.setObject(2, document);
            try (ResultSet row = read.executeQuery()) {
                assertTrue(row.next());
                assertEquals(0, row.getInt(1), "its bytes are gone");
                assertTrue(row.getBoolean(2), "its key is gone, and who erased it is kept");
            }
        }
    }

    @Test
    void ofTwoErasuresAtOnceOneErasesAndTheOtherIsTold() throws Exception {
        UUID document = attached(inspector, onCase(), Samples.pdf(DECISION), "COURT_DECISION", "INCIDENT_DETAILS");
        String erasure = onCase() + "/documents/" + document + "/erasure";
        var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(pool.submit(
                        () -> given().auth().oauth2(inspector).post(erasure).statusCode()));
            }
            // A download racing them sees the bytes whole or the document erased, never a failure.
            answers.add(
                    pool.submit(() -> download(inspector, onCase(), document).statusCode()));
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
            assertEquals(
                    1, statuses.subList(0, 2).stream().filter(s -> s == 200).count(), statuses.toString());
            assertTrue(statuses.subList(0, 2).contains(409), statuses.toString());
            assertTrue(List.of(200, 410).contains(statuses.get(2)), statuses.toString());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void theCaseDocumentsAreTheAgenciesOnTheCaseAndNoOneElse() {
        UUID certificate = attached(inspector, onCase(), Samples.jpeg(), "MEDICAL_CERTIFICATE", "INCIDENT_DETAILS");
        Network astana = Network.of("astana");
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put(almaty.coordinator(), 403);
        expected.put(almaty.tenantWide(Role.AUDITOR), 403);
        expected.put(almaty.token(Role.AGENCY_ADMIN, almaty.police), 403);
        expected.put(almaty.token(Role.POLICE_DISPATCH, almaty.police), 403);
        expected.put(almaty.token(Role.SOCIAL_WORKER, almaty.socialProtection), 404);
        // The centre has a referral of the case but is on the case only once it accepts.
        expected.put(aliya, 404);
        expected.put(astana.token(Role.POLICE_INSPECTOR, astana.police), 404);
        expected.put(
                TestTokens.tenant("astana")
                        .agency(almaty.police)
                        .roles(Role.POLICE_INSPECTOR)
                        .sign(),
                404);
        expected.forEach((token, status) -> {
            given().auth()
                    .oauth2(token)
                    .get(onCase() + "/documents")
                    .then()
                    .statusCode(status)
                    .contentType("application/problem+json");
            download(token, onCase(), certificate).then().statusCode(status);
            attach(token, onCase(), "image/png", Samples.png(), "OTHER", "RISK")
                    .then()
                    .statusCode(status);
            given().auth()
                    .oauth2(token)
                    .post(onCase() + "/documents/" + certificate + "/erasure")
                    .then()
                    .statusCode(status);
        });
        download(inspector, onCase(), certificate).then().statusCode(200).contentType("image/jpeg");
        download(inspector, onCase(), UUID.randomUUID()).then().statusCode(404);
        given().auth()
                .oauth2(inspector)
                .get("/api/v1/cases/" + UUID.randomUUID() + "/documents")
                .then()
                .statusCode(404);
    }

    @Test
    void theReferralDocumentsAreItsTwoSidesAndNoOneElse() {
        UUID decision = attached(inspector, onReferral(), Samples.pdf(DECISION), "COURT_DECISION", "INCIDENT_DETAILS");
        Network astana = Network.of("astana");
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put(almaty.coordinator(), 403);
        expected.put(almaty.tenantWide(Role.AUDITOR), 403);
        expected.put(almaty.token(Role.AGENCY_ADMIN, almaty.crisisCentre), 403);
        expected.put(almaty.token(Role.POLICE_DISPATCH, almaty.police), 403);
        expected.put(almaty.token(Role.SOCIAL_WORKER, almaty.socialProtection), 404);
        expected.put(astana.token(Role.NGO_CASEWORKER, astana.crisisCentre), 404);
        expected.put(
                TestTokens.tenant("astana")
                        .agency(almaty.crisisCentre)
                        .roles(Role.NGO_CASEWORKER)
                        .sign(),
                404);
        expected.forEach((token, status) -> {
            given().auth()
                    .oauth2(token)
                    .get(onReferral() + "/documents")
                    .then()
                    .statusCode(status)
                    .contentType("application/problem+json");
            download(token, onReferral(), decision).then().statusCode(status);
            attach(token, onReferral(), "image/png", Samples.png(), "OTHER", "RISK")
                    .then()
                    .statusCode(status);
        });
    }
}
