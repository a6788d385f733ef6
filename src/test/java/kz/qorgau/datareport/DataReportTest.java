package kz.qorgau.datareport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.security.Role;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Her own view: the police who lead her case produce her report. It names exactly the agencies that hold or read her
 * data (the centre her consent covers, the hospital that opened an emergency view), on their grounds, with her
 * consent; as a PDF in Kazakh with its letters embedded.
 */
@QuarkusTest
class DataReportTest {

    Network almaty;
    String inspector;
    String centre;
    UUID hospital;
    UUID caseId;
    UUID referral;

    @BeforeEach
    void herCase() {
        almaty = Network.of("almaty");
        inspector = almaty.person("i.report", Role.POLICE_INSPECTOR, almaty.police);
        centre = almaty.token(Role.NGO_CASEWORKER, almaty.crisisCentre);
        hospital = almaty.register("District hospital", "HEALTH", "[]");
        caseId = Flows.caseFile(inspector);
        Flows.recordConsent(inspector, caseId, almaty.crisisCentre).then().statusCode(201);
        referral = Flows.referral(inspector, caseId, almaty.crisisCentre);
        given().auth()
                .oauth2(centre)
                .get("/api/v1/referrals/" + referral + "/shared-data")
                .then()
                .statusCode(200);
        String accessId = given().auth()
                .oauth2(almaty.token(Role.SOCIAL_WORKER, hospital))
                .contentType("application/json")
                .body(Map.of("caseId", caseId, "reason", "MEDICAL_EMERGENCY", "note", "Brought in by ambulance"))
                .post("/api/v1/emergency-access")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(almaty.token(Role.SOCIAL_WORKER, hospital))
                .get("/api/v1/emergency-access/" + accessId + "/case")
                .then()
                .statusCode(200);
    }

    @Test
    void theReportNamesExactlyTheAgenciesThatHoldOrReadHerData() {
        JsonPath report = given().auth()
                .oauth2(inspector)
                .get("/api/v1/cases/" + caseId + "/data-report")
                .then()
                .statusCode(200)
                .body("survivorName", equalTo("Aigerim Sultanova"), "producedBy", equalTo("i.report"))
                .extract()
                .jsonPath();
        assertEquals(
                List.of(almaty.police.toString(), almaty.crisisCentre.toString(), hospital.toString()),
                sorted(report.getList("agencies.agencyId"), almaty),
                "the agencies of her report");
        Map<String, Object> centreEntry =
                report.getMap("agencies.find { it.agencyId == '" + almaty.crisisCentre + "' }");
        assertEquals(
                List.of("CONSENT"),
                ((List<?>) centreEntry.get("grounds"))
                        .stream().map(g -> ((Map<?, ?>) g).get("basis")).toList());
        assertEquals(List.of("IDENTITY", "CONTACT", "INCIDENT_DETAILS"), centreEntry.get("holdsNow"));
        assertTrue(((Number) centreEntry.get("reads")).intValue() >= 1);
        assertTrue(((List<?>) centreEntry.get("categoriesRead")).contains("IDENTITY"), centreEntry.toString());
        Map<String, Object> hospitalEntry = report.getMap("agencies.find { it.agencyId == '" + hospital + "' }");
        assertEquals("EMERGENCY_ACCESS", ((Map<?, ?>) ((List<?>) hospitalEntry.get("grounds")).get(0)).get("basis"));
        assertEquals(List.of(), hospitalEntry.get("holdsNow"));
        assertEquals(List.of(), hospitalEntry.get("categoriesRead"), "the emergency view shows no category of hers");
        assertEquals(1, report.getList("consents").size());
        assertEquals("WRITTEN", report.getString("consents[0].method"));
        assertEquals(1, report.getList("consents[0].recipientAgencies").size());
        // The first agency is the lead.
        assertEquals(almaty.police.toString(), report.getString("agencies[0].agencyId"));
        assertEquals("LEAD_AGENCY", report.getString("agencies[0].grounds[0].basis"));
    }

    /** She withdraws the consent the referral to the centre was sent under; the consent as it stands after. */
    private Response withdrawTheReferralsConsent() {
        String consent = given().auth()
                .oauth2(inspector)
                .get("/api/v1/referrals/" + referral)
                .then()
                .statusCode(200)
                .extract()
                .path("consentId");
        return given().auth()
                .oauth2(inspector)
                .post("/api/v1/cases/" + caseId + "/consents/" + consent + "/withdrawal")
                .then()
                .statusCode(200)
                .extract()
                .response();
    }

    private Map<String, Object> centreInHerReport() {
        return given().auth()
                .oauth2(inspector)
                .get("/api/v1/cases/" + caseId + "/data-report")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("agencies.find { it.agencyId == '" + almaty.crisisCentre + "' }");
    }

    @Test
    void aGroundOfConsentEndsWhenSheWithdrawsItThoughTheReferralGoesOn() {
        Response withdrawal = withdrawTheReferralsConsent();
        String consent = withdrawal.path("id");
        String withdrawnAt = withdrawal.path("withdrawnAt");
        given().auth()
                .oauth2(inspector)
                .get("/api/v1/referrals/" + referral)
                .then()
                .statusCode(200)
                .body("closedAt", org.hamcrest.Matchers.nullValue());
        Map<String, Object> centreEntry = centreInHerReport();
        Map<?, ?> ground = (Map<?, ?>) ((List<?>) centreEntry.get("grounds")).get(0);
        assertEquals("CONSENT", ground.get("basis"));
        assertEquals(consent, ground.get("consentId"));
        assertEquals(
                java.time.Instant.parse(withdrawnAt),
                java.time.Instant.parse((String) ground.get("until")),
                "her consent's ground ends when she withdrew it");
        assertEquals(List.of(), centreEntry.get("holdsNow"));
    }

    /** The outside probe of issue 26: a consent given after the referral's own was withdrawn was in no ground. */
    @Test
    void aConsentSheGivesLaterIsTheGroundTheCentreHoldsHerDataOn() {
        String first = withdrawTheReferralsConsent().path("id");
        String later = Flows.recordConsent(inspector, caseId, almaty.crisisCentre)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String givenAt = given().auth()
                .oauth2(inspector)
                .get("/api/v1/cases/" + caseId)
                .then()
                .statusCode(200)
                .extract()
                .path("consents.find { it.id == '" + later + "' }.givenAt");
        Map<String, Object> centreEntry = centreInHerReport();
        List<?> grounds = (List<?>) centreEntry.get("grounds");
        assertEquals(2, grounds.size(), grounds.toString());
        Map<?, ?> ended = (Map<?, ?>) grounds.get(0);
        assertEquals(first, ended.get("consentId"));
        assertTrue(ended.get("until") != null, "the first consent's ground ended when she withdrew it");
        Map<?, ?> standing = (Map<?, ?>) grounds.get(1);
        assertEquals("CONSENT", standing.get("basis"));
        assertEquals(later, standing.get("consentId"));
        assertEquals(java.time.Instant.parse(givenAt), java.time.Instant.parse((String) standing.get("since")));
        assertEquals(null, standing.get("until"), "her later consent stands");
        assertEquals(List.of("IDENTITY", "CONTACT", "INCIDENT_DETAILS"), centreEntry.get("holdsNow"));
    }

    /**
     * The second outside probe of issue 26: a declined referral ended the ground of a consent that stood, and a
     * second referral under the same consent made it two grounds.
     */
    @Test
    void aConsentIsOneGroundThatNoDeclinedReferralEnds() {
        Flows.fire(centre, referral, "DECLINE", Map.of("reasonCode", "NO_CAPACITY"))
                .then()
                .statusCode(200);
        Flows.referral(inspector, caseId, almaty.crisisCentre);
        List<?> grounds = (List<?>) centreInHerReport().get("grounds");
        assertEquals(1, grounds.size(), grounds.toString());
        Map<?, ?> ground = (Map<?, ?>) grounds.get(0);
        assertEquals("CONSENT", ground.get("basis"));
        assertEquals(null, ground.get("until"), "her consent stands: " + ground);
    }

    @Test
    void thePdfIsInHerLanguageWithItsLettersEmbedded() throws Exception {
        byte[] pdf = given().auth()
                .oauth2(inspector)
                .accept("application/pdf")
                .queryParam("lang", "kk")
                .get("/api/v1/cases/" + caseId + "/data-report")
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .header("Content-Language", "kk")
                .extract()
                .asByteArray();
        // Left for a person to read: target/data-report-kk.pdf.
        java.nio.file.Files.write(java.nio.file.Path.of("target", "data-report-kk.pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            for (String expected : List.of(
                    "Сіздің деректеріңіз кімде",
                    "Aigerim Sultanova",
                    "Сіздің келісімдеріңіз",
                    "жазбаша",
                    "District hospital")) {
                assertTrue(text.contains(expected), expected + " is not in the PDF: " + text);
            }
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertTrue(font.isEmbedded(), font.getName() + " is not embedded");
                    assertTrue(font.getName().contains("DejaVu"), font.getName());
                }
            }
        }
        byte[] russian = given().auth()
                .oauth2(inspector)
                .accept("application/pdf")
                .header("Accept-Language", "ru-RU,ru;q=0.9")
                .get("/api/v1/cases/" + caseId + "/data-report")
                .then()
                .statusCode(200)
                .header("Content-Language", "ru")
                .extract()
                .asByteArray();
        try (PDDocument document = Loader.loadPDF(russian)) {
            assertTrue(new PDFTextStripper().getText(document).contains("У кого есть ваши данные"));
        }
        // Producing it is audited.
        List<String> details = given().auth()
                .oauth2(almaty.tenantWide(Role.AUDITOR))
                .queryParam("caseId", caseId)
                .queryParam("limit", 200)
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .extract()
                .path("items.detail");
        assertTrue(details.contains("her data report produced (kk)"), details.toString());
        assertTrue(details.contains("her data report produced (ru)"), details.toString());
    }

    @Test
    void onlyHerLeadAgencyProducesIt() {
        // A receiver that has not accepted does not see her case; one that has is on it, and still not her lead.
        given().auth()
                .oauth2(centre)
                .get("/api/v1/cases/" + caseId + "/data-report")
                .then()
                .statusCode(404);
        Flows.fire(centre, referral, "ACCEPT").then().statusCode(200);
        given().auth()
                .oauth2(centre)
                .get("/api/v1/cases/" + caseId + "/data-report")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(almaty.coordinator())
                .get("/api/v1/cases/" + caseId + "/data-report")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(almaty.token(Role.SOCIAL_WORKER, almaty.socialProtection))
                .get("/api/v1/cases/" + caseId + "/data-report")
                .then()
                .statusCode(404);
        Network astana = Network.of("astana");
        given().auth()
                .oauth2(astana.token(Role.POLICE_INSPECTOR, astana.police))
                .get("/api/v1/cases/" + caseId + "/data-report")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(inspector)
                .queryParam("lang", "de")
                .get("/api/v1/cases/" + caseId + "/data-report")
                .then()
                .statusCode(400);
    }

    private static List<String> sorted(List<String> ids, Network almaty) {
        return ids.stream()
                .sorted(java.util.Comparator.comparing((String id) -> !id.equals(almaty.police.toString()))
                        .thenComparing(id -> !id.equals(almaty.crisisCentre.toString())))
                .toList();
    }
}
