package kz.qorgau.external;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URI;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.qorgau.security.Role;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import kz.qorgau.support.OwnerDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A referral to a district hospital's social worker who is not on the platform: a link and a code, the page, and
 * everything that must stop it: wrong codes, a withdrawn link, an expired one, another's session.
 */
@QuarkusTest
class ExternalRecipientTest {

    static final Pattern SESSION = Pattern.compile("name=\"session\" value=\"([^\"]+)\"");
    static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"([^\"]+)\"");

    Network almaty;
    String inspector;

    @BeforeEach
    void network() {
        almaty = Network.of("almaty");
        inspector = almaty.person("i.external", Role.POLICE_INSPECTOR, almaty.police);
    }

    /** A referral to a recipient off the platform, sent under a consent that names it. */
    static UUID[] sentToHospital(String inspector, boolean withConsent) {
        UUID caseId = Flows.caseFile(inspector);
        Response created = given().auth()
                .oauth2(inspector)
                .contentType("application/json")
                .body(Map.of(
                        "caseId",
                        caseId,
                        "externalRecipient",
                        Map.of(
                                "organisation", "Talgar district hospital",
                                "person", "Gulnara Akhmetova, social worker",
                                "phone", "+7 727 742 11 22"),
                        "servicesRequested",
                        List.of("MEDICAL_CARE", "PSYCHOLOGICAL_COUNSELLING"),
                        "note",
                        "Needs follow-up after the emergency room"))
                .post("/api/v1/referrals");
        created.then().statusCode(201).body("state", equalTo("DRAFT"));
        UUID referral = UUID.fromString(created.path("id"));
        UUID standIn = UUID.fromString(created.path("receiverAgencyId"));
        if (withConsent) {
            Flows.recordConsent(inspector, caseId, standIn).then().statusCode(201);
        }
        Flows.fire(inspector, referral, "SUBMIT", withConsent ? Map.of() : Map.of())
                .then()
                .statusCode(withConsent ? 200 : 409);
        return new UUID[] {caseId, referral, standIn};
    }

    static Response issue(String token, UUID referral) {
        return given().auth().oauth2(token).post("/api/v1/referrals/" + referral + "/external-links");
    }

    static String path(Response issued) {
        return URI.create(issued.path("url")).getPath();
    }

    static Response code(String path, String code) {
        return given().contentType("application/x-www-form-urlencoded")
                .formParam("code", code)
                .formParam("lang", "en")
                .post(path);
    }

    static String found(Pattern pattern, String html) {
        Matcher m = pattern.matcher(html);
        assertTrue(m.find(), "no " + pattern + " in " + html);
        return m.group(1);
    }

    @Test
    void theWorkerOpensTheLinkGivesTheCodeAndAccepts() {
        UUID[] sent = sentToHospital(inspector, true);
        UUID referral = sent[1];
        // The stand-in is in no list of agencies.
        given().auth()
                .oauth2(inspector)
                .queryParam("limit", 100)
                .get("/api/v1/agencies")
                .then()
                .statusCode(200)
                .body("items.id", not(org.hamcrest.Matchers.hasItem(sent[2].toString())));
        Response issued = issue(inspector, referral);
        issued.then()
                .statusCode(201)
                .body("code", org.hamcrest.Matchers.matchesPattern("[0-9]{4}-[0-9]{4}"))
                .body("link.state", equalTo("AWAITING_CODE"));
        String page = path(issued);

        given().get(page)
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Content-Security-Policy", containsString("form-action 'self'"))
                .header("Referrer-Policy", equalTo("same-origin"))
                .header("X-Frame-Options", equalTo("DENY"))
                .body(containsString("name=\"code\""), not(containsString("Aigerim")));

        code(page, "0000-0000").then().statusCode(400).body(containsString("Attempts left: 4"));
        Response opened = code(page, issued.path("code"));
        opened.then()
                .statusCode(200)
                .body(containsString("Aigerim Sultanova"), containsString("Needs follow-up after the emergency room"));
        String session = found(SESSION, opened.asString());

        // The code is spent: a second person with the link and the code gets nothing.
        code(page, issued.path("code")).then().statusCode(410).body(containsString("already been used"));
        given().get(page).then().statusCode(410);
        // Another's session, or none, acts for no one.
        act(page, "forged-session", "ACCEPT", found(VERSION, opened.asString()))
                .then()
                .statusCode(410);

        act(page, session, "ACCEPT", found(VERSION, opened.asString()))
                .then()
                .statusCode(200)
                .body(containsString("You accepted the referral"));
        given().auth()
                .oauth2(inspector)
                .get("/api/v1/referrals/" + referral)
                .then()
                .statusCode(200)
                .body("state", equalTo("ACCEPTED"));
        List<String> actors = given().auth()
                .oauth2(inspector)
                .get("/api/v1/referrals/" + referral + "/history")
                .then()
                .statusCode(200)
                .extract()
                .path("actor");
        assertTrue(actors.get(actors.size() - 1).startsWith("external-link:"), actors.toString());
        // Spent: the page says so, and the session does nothing more.
        act(page, session, "DECLINE", "0").then().statusCode(410);
        given().auth()
                .oauth2(inspector)
                .get("/api/v1/referrals/" + referral + "/external-links")
                .then()
                .statusCode(200)
                .body(
                        "[0].state",
                        equalTo("SPENT"),
                        "[0].wrongCodes",
                        equalTo(1),
                        "[0].issuedBy",
                        equalTo("i.external"));

        // Every opening, wrong code and action is in the audit trail.
        List<String> details = given().auth()
                .oauth2(almaty.tenantWide(Role.AUDITOR))
                .queryParam("caseId", sent[0])
                .queryParam("limit", 200)
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .extract()
                .path("items.detail");
        for (String expected :
                List.of("link opened (AWAITING_CODE)", "wrong code (1 of 5)", "code accepted", "ACCEPT")) {
            assertTrue(details.contains(expected), expected + " not in " + details);
        }
    }

    /**
     * The recipient answers while the referral is held by another operation past the lock timeout: the page says to
     * send it again (503, Retry-After), not "Internal Server Error", nothing is changed, and the answer sent again is
     * taken.
     */
    @Test
    void anAnswerThatMeetsAHeldReferralIsAskedForAgainAndTakenOnce() throws Exception {
        UUID referral = sentToHospital(inspector, true)[1];
        Response issued = issue(inspector, referral);
        issued.then().statusCode(201);
        String page = path(issued);
        Response opened = code(page, issued.path("code"));
        opened.then().statusCode(200);
        String session = found(SESSION, opened.asString());
        String version = found(VERSION, opened.asString());
        try (Connection holder = OwnerDatabase.connect()) {
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.execute("select id from referral where id = '" + referral + "' for update");
            }
            // Bounded here too: without a lock timeout the answer would wait for the holder, which lets go after it.
            CompletableFuture.supplyAsync(() -> act(page, session, "ACCEPT", version))
                    .get(20, TimeUnit.SECONDS)
                    .then()
                    .statusCode(503)
                    .contentType(containsString("text/html"))
                    .header("Retry-After", "5")
                    .body(containsString("nothing was changed"));
            holder.rollback();
        }
        act(page, session, "ACCEPT", version).then().statusCode(200).body(containsString("You accepted the referral"));
        List<String> actions = given().auth()
                .oauth2(inspector)
                .get("/api/v1/referrals/" + referral + "/history")
                .then()
                .statusCode(200)
                .extract()
                .path("action");
        assertEquals(1, actions.stream().filter("ACCEPT"::equals).count(), actions.toString());
    }

    @Test
    void fiveWrongCodesLockTheLinkAndTellTheSender() {
        UUID referral = sentToHospital(inspector, true)[1];
        Response issued = issue(inspector, referral);
        String page = path(issued);
        for (int wrong = 1; wrong <= 4; wrong++) {
            code(page, "1111 111" + wrong).then().statusCode(400).body(containsString("Attempts left: " + (5 - wrong)));
        }
        code(page, "22222222").then().statusCode(410).body(containsString("locked after five wrong codes"));
        // Locked for good: even the right code now opens nothing.
        code(page, issued.path("code")).then().statusCode(410).body(containsString("locked"));
        given().auth()
                .oauth2(inspector)
                .get("/api/v1/referrals/" + referral + "/external-links")
                .then()
                .body("[0].state", equalTo("LOCKED"), "[0].wrongCodes", equalTo(5));
        // Her report does not count the code page, nor the wrong codes, as reads of her data.
        UUID caseId = UUID.fromString(given().auth()
                .oauth2(inspector)
                .get("/api/v1/referrals/" + referral)
                .path("caseId"));
        given().auth()
                .oauth2(inspector)
                .get("/api/v1/cases/" + caseId + "/data-report")
                .then()
                .statusCode(200)
                .body("agencies.find { it.kind == 'EXTERNAL' }.reads", equalTo(0));
        // A new link works again.
        Response second = issue(inspector, referral);
        code(path(second), second.path("code")).then().statusCode(200);
    }

    @Test
    void thePageAnswersEveryMalformedRequestWithAPageNeverAFault() {
        UUID referral = sentToHospital(inspector, true)[1];
        Response issued = issue(inspector, referral);
        String page = path(issued);
        // No language, no session, no body: the page, in English, saying the link does nothing more.
        given().post(page + "/actions").then().statusCode(410).contentType(containsString("text/html"));
        given().post("/r/almaty/xyz/actions").then().statusCode(404).contentType(containsString("text/html"));
        given().contentType("application/x-www-form-urlencoded")
                .body("code=%ZZ")
                .post(page)
                .then()
                .statusCode(400)
                .contentType(containsString("text/html"))
                .body(containsString("could not be read"));
        Response opened = code(page, issued.path("code"));
        String session = found(SESSION, opened.asString());
        for (String action : List.of("START", "COMPLETE", "CANCEL", "WITHDRAW", "SUBMIT", "NOTHING")) {
            act(page, session, action, found(VERSION, opened.asString()))
                    .then()
                    .statusCode(400)
                    .body(containsString("That answer cannot be given here"));
        }
        act(page, session, "ACCEPT", "abc").then().statusCode(400).body(containsString("cannot be given here"));
        given().auth()
                .oauth2(inspector)
                .get("/api/v1/referrals/" + referral)
                .then()
                .body("state", equalTo("SUBMITTED"));
        // More fields than any form has, a note too long or with a control character: a page, never a fault.
        StringBuilder many = new StringBuilder("lang=en");
        for (int i = 0; i < 1001; i++) {
            many.append("&f").append(i).append("=1");
        }
        given().contentType("application/x-www-form-urlencoded")
                .body(many.toString())
                .post("/r/nowhere/x")
                .then()
                .statusCode(400)
                .contentType(containsString("text/html"));
        for (String note : List.of("x".repeat(2001), "bad\u0000note", "see \u202Ehere")) {
            given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                    .formParam("session", session)
                    .formParam("action", "DECLINE")
                    .formParam("reasonCode", "OTHER")
                    .formParam("note", note)
                    .formParam("version", found(VERSION, opened.asString()))
                    .post(page + "/actions")
                    .then()
                    .statusCode(400)
                    .contentType(containsString("text/html"));
        }
        // A DECLINE without its reason is refused and the page says what is missing.
        act(page, session, "DECLINE", found(VERSION, opened.asString()))
                .then()
                .statusCode(400)
                .body(containsString("Please give a reason"));
        // A note of 2,000 Russian letters (12,000 bytes url-encoded) is an answer like any other.
        given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("session", session)
                .formParam("action", "DECLINE")
                .formParam("reasonCode", "OTHER")
                .formParam("note", "Ж".repeat(2000))
                .formParam("version", found(VERSION, opened.asString()))
                .formParam("lang", "ru")
                .post(page + "/actions")
                .then()
                .statusCode(200)
                .body(containsString("Вы отказали в направлении"));
    }

    @Test
    void theRecipientIsNamedPlainlyAndItsContactStaysWithTheSender() {
        UUID caseId = Flows.caseFile(inspector);
        for (String organisation : List.of("Talgar \u202Elatipsoh", "Talgar\nCity hospital", "Talgar\u2028")) {
            given().auth()
                    .oauth2(inspector)
                    .contentType("application/json")
                    .body(Map.of(
                            "caseId", caseId,
                            "externalRecipient", Map.of("organisation", organisation, "phone", "+7 727 742 11 22"),
                            "servicesRequested", List.of("MEDICAL_CARE")))
                    .post("/api/v1/referrals")
                    .then()
                    .statusCode(400)
                    .body("errors.field", org.hamcrest.Matchers.hasItem("externalRecipient"));
        }
        UUID standIn = sentToHospital(inspector, true)[2];
        given().auth()
                .oauth2(almaty.token(Role.NGO_CASEWORKER, almaty.crisisCentre))
                .get("/api/v1/agencies/" + standIn)
                .then()
                .statusCode(200)
                .body("kind", equalTo("EXTERNAL"), "phone", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aWithdrawnAnExpiredAndAnUnknownLinkSayNothingElse() throws Exception {
        UUID referral = sentToHospital(inspector, true)[1];
        Response first = issue(inspector, referral);
        Response second = issue(inspector, referral);
        // Issuing a new link withdrew the first.
        given().get(path(first)).then().statusCode(410).body(containsString("withdrawn"), not(containsString("form")));
        given().auth()
                .oauth2(inspector)
                .post("/api/v1/referrals/" + referral + "/external-links/" + second.path("id") + "/revocation")
                .then()
                .statusCode(200)
                .body("state", equalTo("REVOKED"));
        given().get(path(second)).then().statusCode(410).body(containsString("withdrawn"));
        Response third = issue(inspector, referral);
        try (var db = OwnerDatabase.connect();
                var update = db.prepareStatement("update external_link set issued_at = issued_at - interval '73 hours',"
                        + " expires_at = expires_at - interval '73 hours' where id = ?")) {
            update.setObject(1, UUID.fromString(third.path("id")));
            assertEquals(1, update.executeUpdate());
        }
        given().get(path(third)).then().statusCode(410).body(containsString("expired"));
        code(path(third), third.path("code")).then().statusCode(410).body(containsString("expired"));
        // Unknown tokens, other tenants' names and nonsense: the same not-valid page.
        String token = path(third).substring(path(third).lastIndexOf('/') + 1);
        for (String unknown : List.of(
                "/r/almaty/" + "A".repeat(43), "/r/astana/" + token, "/r/nowhere/" + token, "/r/almaty/short")) {
            given().get(unknown).then().statusCode(404).body(containsString("not valid"));
        }
        // The page speaks Kazakh and Russian too.
        given().header("Accept-Language", "kk-KZ,ru;q=0.8")
                .get("/r/almaty/" + "A".repeat(43))
                .then()
                .body(containsString("Бұл сілтеме жарамсыз"), containsString("lang=\"kk\""));
        given().queryParam("lang", "ru")
                .get("/r/almaty/" + "A".repeat(43))
                .then()
                .body(containsString("Эта ссылка недействительна"));
    }

    @Test
    void onlyTheSenderIssuesLinksAndOnlyForARecipientOffThePlatform() {
        UUID[] sent = sentToHospital(inspector, true);
        UUID referral = sent[1];
        // The receiver's stand-in is named only by its consent: a referral to it needs the consent, or the exception.
        UUID[] unconsented = sentToHospital(inspector, false);
        Flows.fire(inspector, unconsented[1], "SUBMIT")
                .then()
                .statusCode(409)
                .body("type", endsWith("consent-required"));
        issue(inspector, unconsented[1]).then().statusCode(409).body("type", endsWith("nothing-to-answer"));
        // Another agency of the network does not see the referral; another network neither.
        issue(almaty.token(Role.SOCIAL_WORKER, almaty.socialProtection), referral)
                .then()
                .statusCode(404);
        Network astana = Network.of("astana");
        issue(astana.token(Role.POLICE_INSPECTOR, astana.police), referral)
                .then()
                .statusCode(404);
        // A referral to an agency of the network is worked in Qorgau.
        UUID caseId = Flows.caseFile(inspector);
        Flows.recordConsent(inspector, caseId, almaty.crisisCentre).then().statusCode(201);
        UUID inNetwork = Flows.referral(inspector, caseId, almaty.crisisCentre);
        issue(inspector, inNetwork).then().statusCode(409).body("type", endsWith("not-off-platform"));
        issue(almaty.token(Role.NGO_CASEWORKER, almaty.crisisCentre), inNetwork)
                .then()
                .statusCode(403);
        // A stand-in is the receiver of its own referral only.
        Flows.refer(inspector, caseId, sent[2], false)
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("receiverAgencyId"));
        // Both receivers, or none: 400.
        given().auth()
                .oauth2(inspector)
                .contentType("application/json")
                .body(Map.of("caseId", caseId, "servicesRequested", List.of("MEDICAL_CARE")))
                .post("/api/v1/referrals")
                .then()
                .statusCode(400);
    }

    static Response act(String page, String session, String action, String version) {
        return given().contentType("application/x-www-form-urlencoded")
                .formParam("session", session)
                .formParam("action", action)
                .formParam("version", version)
                .formParam("lang", "en")
                .post(page + "/actions");
    }
}
