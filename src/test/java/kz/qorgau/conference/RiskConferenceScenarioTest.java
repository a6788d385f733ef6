package kz.qorgau.conference;

import static io.restassured.RestAssured.given;
import static kz.qorgau.conference.Conferences.get;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.notification.OutboxRelay;
import kz.qorgau.security.Role;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import kz.qorgau.support.OwnerDatabase;
import org.junit.jupiter.api.Test;

/**
 * Issue 21 end to end, as the people would walk it: two incidents and a high assessment put a case on the agenda, the
 * chair lists it, police, social protection and the crisis centre bring research, the meeting agrees three actions
 * (one a referral to the shelter, which the shelter accepts), one action runs late and escalates, the data return
 * counts it all, a new incident makes the case a repeat, and a member of another series and an agency of another
 * network see nothing of it.
 */
@QuarkusTest
class RiskConferenceScenarioTest {

    @Inject
    OverdueActionJob overdue;

    @Inject
    OutboxRelay relay;

    @Test
    void aHighRiskCaseIsHeardAndItsPlanKept() throws Exception {
        Network almaty = Network.of("almaty");
        String coordinator = almaty.coordinator();
        String dispatch = almaty.token(Role.POLICE_DISPATCH, almaty.police);
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        // The family support centre of the district chairs; the crisis centre runs the shelter.
        String chair = almaty.token(Role.SOCIAL_WORKER, almaty.socialProtection);
        String centre = almaty.token(Role.NGO_CASEWORKER, almaty.crisisCentre);
        UUID series =
                Conferences.series(coordinator, "Almaly", almaty.socialProtection, almaty.police, almaty.crisisCentre);

        // A hospital's social department sits in another district's conference; it sees nothing of this one.
        UUID hospital = almaty.register("City hospital social department", "HEALTH", "[\"MEDICAL_CARE\"]");
        UUID otherSeries = Conferences.series(coordinator, "Medeu", hospital);
        String outsider = almaty.token(Role.SOCIAL_WORKER, hospital);
        Network astana = Network.of("astana");
        String stranger = astana.token(Role.SOCIAL_WORKER, astana.socialProtection);

        // Two incidents: not yet an escalation (three in twelve months), so nothing is proposed.
        UUID caseId = Flows.caseFile(inspector, Flows.incident(dispatch), Flows.incident(dispatch));
        Conferences.queue(chair, series, "PROPOSED")
                .then()
                .statusCode(200)
                .body("items.caseId", not(hasItem(caseId.toString())));

        // A checklist with 14 ticks: DASH's threshold, so the case goes before its lead agency's conference.
        Flows.assess(inspector, caseId, Map.of("answers", Flows.answersScoring(inspector, 14)))
                .then()
                .statusCode(201);
        List<Map<String, Object>> proposed = Conferences.queue(chair, series, "PROPOSED")
                .then()
                .statusCode(200)
                .extract()
                .path("items.findAll { it.caseId == '" + caseId + "' }");
        assertEquals(1, proposed.size(), "proposed once: " + proposed);
        assertEquals("RISK_SCORE", proposed.get(0).get("criterion"));
        assertEquals(null, proposed.get(0).get("proposedByAgency"), "by the criterion, not an agency");
        UUID conferenceCase = UUID.fromString((String) proposed.get(0).get("id"));
        // A second high assessment while it waits proposes nothing new.
        Flows.assess(inspector, caseId, Map.of("answers", Flows.answersScoring(inspector, 15)))
                .then()
                .statusCode(201);
        Conferences.queue(chair, series, "PROPOSED")
                .then()
                .body("items.findAll { it.caseId == '" + caseId + "' }.size()", equalTo(1));
        // And an agency that asks again hears that it waits.
        Conferences.propose(inspector, caseId, series, "Threats to kill last week")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:qorgau:problem:already-proposed"))
                .body("conferenceCaseId", equalTo(conferenceCase.toString()));

        // She agreed to share with the crisis centre; not with social protection.
        Flows.recordConsent(inspector, caseId, almaty.crisisCentre).then().statusCode(201);

        // The chair lists it on this morning's meeting; only the chair's staff may.
        // It sat three hours ago; its attendance is recorded once the research is in.
        UUID meeting = Conferences.meeting(chair, series, Instant.now().minus(3, ChronoUnit.HOURS));
        Conferences.decide(centre, conferenceCase, "LIST", meeting, "High risk")
                .then()
                .statusCode(403);
        Conferences.decide(chair, conferenceCase, "LIST", meeting, "Score 14, two call-outs this month")
                .then()
                .statusCode(200)
                .body("status", equalTo("LISTED"))
                .body("meetingId", equalTo(meeting.toString()));
        Conferences.decide(chair, conferenceCase, "DECLINE", null, "Changed my mind")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:qorgau:problem:already-decided"))
                .body("status", equalTo(409))
                .body("conferenceCaseStatus", equalTo("LISTED"));
        get(inspector, "/api/v1/conference-meetings/" + meeting)
                .then()
                .statusCode(200)
                .body("agenda.conferenceCaseId", hasItem(conferenceCase.toString()));

        // What each member sees: the lead all, the crisis centre what her consent covers, social protection the
        // minimal summary on the high-risk basis.
        get(inspector, "/api/v1/conference-cases/" + conferenceCase + "/summary")
                .then()
                .statusCode(200)
                .body("basis", equalTo("LEAD_AGENCY"))
                .body("consented.fullName", equalTo("Aigerim Sultanova"));
        get(centre, "/api/v1/conference-cases/" + conferenceCase + "/summary")
                .then()
                .statusCode(200)
                .body("basis", equalTo("CONSENT"))
                .body("consented.fullName", equalTo("Aigerim Sultanova"))
                .body("consented.address", nullValue());
        String minimal = get(chair, "/api/v1/conference-cases/" + conferenceCase + "/summary")
                .then()
                .statusCode(200)
                .body("basis", equalTo("HIGH_RISK"))
                .body("consented", nullValue())
                .body("riskLevel", equalTo("EMERGENCY"))
                .body("riskScore", equalTo(15))
                .body("children", equalTo(true))
                .body("incidentCount", equalTo(2))
                .body("incidentDates.size()", equalTo(2))
                .body("agenciesInvolved", hasItem(almaty.police.toString()))
                .extract()
                .asString();
        assertFalse(minimal.contains("Aigerim") || minimal.contains("Abay"), "no personal data: " + minimal);

        // Research before the meeting, one record per member agency, sealed at rest.
        Conferences.research(
                        inspector, conferenceCase, "Two call-outs in March", "A boy of six", "Owns a hunting rifle")
                .then()
                .statusCode(200);
        Conferences.research(chair, conferenceCase, "Receives child benefit", "School reports absences", "")
                .then()
                .statusCode(200);
        Conferences.research(centre, conferenceCase, "Called the hotline twice", "", "Threatened her sister")
                .then()
                .statusCode(200)
                .body("agencyId", equalTo(almaty.crisisCentre.toString()));
        // Research that says nothing would blank what the agency recorded: refused.
        given().auth()
                .oauth2(centre)
                .contentType(ContentType.JSON)
                .body("{}")
                .put("/api/v1/conference-cases/" + conferenceCase + "/research")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("research"));
        get(centre, "/api/v1/conference-cases/" + conferenceCase + "/research")
                .then()
                .statusCode(200)
                .body("size()", equalTo(3))
                .body("perpetrator", hasItem("Owns a hunting rifle"));
        try (Connection owner = OwnerDatabase.connect();
                PreparedStatement read = owner.prepareStatement(
                        "select perpetrator from conference_research where conference_case_id = ?")) {
            read.setObject(1, conferenceCase);
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    byte[] sealed = rows.getBytes(1);
                    assertTrue(
                            sealed == null
                                    || !new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1)
                                            .contains("rifle"),
                            "research is sealed at rest");
                }
            }
        }

        // The plan is the meeting's: not before it sat.
        Conferences.action(
                        chair,
                        conferenceCase,
                        almaty.police,
                        "Visit",
                        Instant.now().plus(1, ChronoUnit.DAYS))
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:qorgau:problem:meeting-not-held"));
        // The meeting sits: attendance recorded, research closes.
        Conferences.attendance(chair, meeting, almaty.police, almaty.socialProtection, almaty.crisisCentre)
                .then()
                .statusCode(200)
                .body("heldAt", not(nullValue()))
                .body("attendedAgencyIds.size()", equalTo(3));
        Conferences.research(centre, conferenceCase, "Late", "", "")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:qorgau:problem:meeting-held"));
        Conferences.attendance(chair, meeting, almaty.police)
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:qorgau:problem:meeting-held"));
        // An agency seated after the meeting sat took no part in it: it reads nothing of the case heard.
        given().auth()
                .oauth2(coordinator)
                .put("/api/v1/conference-series/" + series + "/members/" + hospital)
                .then()
                .statusCode(200);
        get(outsider, "/api/v1/conference-cases/" + conferenceCase + "/research")
                .then()
                .statusCode(404);
        get(outsider, "/api/v1/conference-meetings/" + meeting)
                .then()
                .statusCode(200)
                .body("agenda", equalTo(List.of()));
        Conferences.action(
                        chair, conferenceCase, hospital, "Visit", Instant.now().plus(1, ChronoUnit.DAYS))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("ownerAgencyId"));
        given().auth()
                .oauth2(coordinator)
                .delete("/api/v1/conference-series/" + series + "/members/" + hospital)
                .then()
                .statusCode(200);

        // The plan: a shelter place through the ordinary referral, the children's needs, a safety plan.
        given().auth()
                .oauth2(chair)
                .contentType(ContentType.JSON)
                .body(Map.of("risks", "Firearm in the home; escalating threats", "minutes", "Agreed unanimously"))
                .put("/api/v1/conference-cases/" + conferenceCase + "/minutes")
                .then()
                .statusCode(200)
                .body("risks", equalTo("Firearm in the home; escalating threats"));
        // A part left out keeps what was recorded of it.
        given().auth()
                .oauth2(chair)
                .contentType(ContentType.JSON)
                .body(Map.of("minutes", "Agreed unanimously; police to check the firearm licence"))
                .put("/api/v1/conference-cases/" + conferenceCase + "/minutes")
                .then()
                .statusCode(200)
                .body("risks", equalTo("Firearm in the home; escalating threats"))
                .body("minutes", equalTo("Agreed unanimously; police to check the firearm licence"));
        Map<String, Object> shelterAction = Conferences.referralAction(
                        chair,
                        conferenceCase,
                        almaty.police,
                        "Refer her to the crisis centre's shelter",
                        Instant.now().plus(7, ChronoUnit.DAYS),
                        almaty.crisisCentre)
                .then()
                .statusCode(201)
                .extract()
                .path("");
        UUID shelterReferral = UUID.fromString((String) shelterAction.get("referralId"));
        Flows.fire(inspector, shelterReferral, "SUBMIT").then().statusCode(200);
        Flows.fire(centre, shelterReferral, "ACKNOWLEDGE").then().statusCode(200);
        Flows.fire(centre, shelterReferral, "ACCEPT").then().statusCode(200).body("state", equalTo("ACCEPTED"));
        // Now on the case, the centre still cannot take her case to a table the lead agency does not sit at.
        UUID centresOwn = Conferences.series(coordinator, "Almaly", almaty.crisisCentre);
        Conferences.propose(centre, caseId, centresOwn, "Seen at the shelter")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("seriesId"));
        UUID childrenAction = UUID.fromString(Conferences.action(
                        chair,
                        conferenceCase,
                        almaty.socialProtection,
                        "Assess the children's needs",
                        Instant.now().plus(1, ChronoUnit.HOURS))
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        UUID safetyAction = UUID.fromString(Conferences.action(
                        chair,
                        conferenceCase,
                        almaty.crisisCentre,
                        "Safety plan with her",
                        Instant.now().plus(2, ChronoUnit.DAYS))
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        Conferences.complete(chair, safetyAction, "Not ours").then().statusCode(403);
        Conferences.complete(centre, safetyAction, "Plan made, code word agreed")
                .then()
                .statusCode(200)
                .body("doneNote", equalTo("Plan made, code word agreed"));
        Conferences.complete(centre, safetyAction, "Again").then().statusCode(409);
        Conferences.complete(inspector, UUID.fromString((String) shelterAction.get("id")), "She is in the shelter")
                .then()
                .statusCode(200);

        // The children's assessment runs late: the chair hears, coordinators list it without its text.
        assertTrue(overdue.escalateOverdue(Instant.now().plus(2, ChronoUnit.HOURS)) >= 1);
        get(coordinator, "/api/v1/conference-series/" + series + "/overdue-actions")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(childrenAction.toString())))
                .body("items[0].description", nullValue());
        get(chair, "/api/v1/conference-series/" + series + "/overdue-actions")
                .then()
                .statusCode(200)
                .body("items[0].description", equalTo("Assess the children's needs"));
        assertEquals(0, overdue.escalateOverdue(Instant.now().plus(2, ChronoUnit.HOURS)), "escalated once");

        // A new call-out after the hearing: the case is a repeat, and the chair is told.
        UUID callOut = UUID.fromString(given().auth()
                .oauth2(dispatch)
                .contentType(ContentType.JSON)
                .body(Flows.incidentBody("CAD-" + UUID.randomUUID())
                        .replaceFirst("\"occurredAt\": \"[^\"]+\"", "\"occurredAt\": \"" + Instant.now() + "\""))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        given().auth()
                .oauth2(inspector)
                .contentType(ContentType.JSON)
                .body(Map.of("incidentId", callOut.toString()))
                .post("/api/v1/cases/" + caseId + "/incidents")
                .then()
                .statusCode(200)
                .body("incidentIds", hasItem(callOut.toString()));
        Conferences.queue(chair, series, "PROPOSED")
                .then()
                .body("items.findAll { it.caseId == '" + caseId + "' }.criterion", equalTo(List.of("REPEAT")))
                .body("items.findAll { it.caseId == '" + caseId + "' }.repeat", equalTo(List.of(true)));

        relay.relay();
        List<String> chairHeard = events(chair, caseId);
        for (String type : List.of(
                "conference.case-proposed", "conference.repeat", "action.assigned", "action.overdue", "action.done")) {
            assertTrue(chairHeard.contains(type), "the chair hears " + type + ": " + chairHeard);
        }
        assertTrue(events(inspector, caseId).contains("conference.case-listed"), "the lead agency hears it listed");
        assertEquals(List.of(), events(outsider, caseId), "another series' member hears nothing of it");

        // The auditor sees every member that saw her case without her consent.
        List<Map<String, Object>> traces = given().auth()
                .oauth2(almaty.tenantWide(Role.AUDITOR))
                .queryParam("caseId", caseId)
                .queryParam("action", "HIGH_RISK_BASIS")
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        assertEquals(2, traces.size(), "one when listed, one when read: " + traces);
        assertTrue(
                traces.stream().allMatch(t -> ((String) t.get("detail")).contains(almaty.socialProtection.toString())));

        // A routine case an agency proposes is not listed until her risk is assessed high: its members would see it
        // without her consent on a high risk nobody found.
        UUID routine = Flows.caseFileAtRisk(inspector, "ROUTINE");
        UUID routineItem = UUID.fromString(Conferences.propose(inspector, routine, series, "He follows her")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        UUID thirdMeeting = Conferences.meeting(chair, series, Instant.now().plus(7, ChronoUnit.DAYS));
        Conferences.decide(chair, routineItem, "LIST", thirdMeeting, "Agreed")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:qorgau:problem:not-high-risk"));
        // Nor is a case whose level was typed as EMERGENCY when it was opened but whose risk nobody assessed.
        UUID unassessed = Flows.caseFileAtRisk(inspector, "EMERGENCY");
        UUID unassessedItem = UUID.fromString(Conferences.propose(inspector, unassessed, series, "Says he has a gun")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        Conferences.decide(chair, unassessedItem, "LIST", thirdMeeting, "Agreed")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:qorgau:problem:not-high-risk"))
                .body("detail", not(containsString("EMERGENCY")));
        Conferences.decide(chair, routineItem, "DECLINE", null, "Not high risk on what we know")
                .then()
                .statusCode(200)
                .body("status", equalTo("DECLINED"));

        // Four more cases heard at the same meeting, each with an action done, so that the return can publish.
        List<UUID> others = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            UUID other = Flows.caseFile(inspector, Flows.incident(dispatch));
            others.add(Conferences.proposedAtHighRisk(inspector, other, series, "Stalking"));
        }
        UUID secondMeeting = Conferences.meeting(chair, series, Instant.now().minus(1, ChronoUnit.MINUTES));
        for (UUID item : others) {
            Conferences.decide(chair, item, "LIST", secondMeeting, "Agreed")
                    .then()
                    .statusCode(200);
        }
        Conferences.attendance(chair, secondMeeting, almaty.socialProtection)
                .then()
                .statusCode(200);
        for (UUID item : others) {
            UUID action = UUID.fromString(Conferences.action(
                            chair, item, almaty.police, "Visit", Instant.now().plus(1, ChronoUnit.DAYS))
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id"));
            Conferences.complete(inspector, action, "Visited").then().statusCode(200);
        }
        // The return counts months that have ended: the meetings are moved to last month.
        try (Connection owner = OwnerDatabase.connect();
                PreparedStatement move =
                        owner.prepareStatement("update conference_meeting set held_at = held_at - interval '1 month'"
                                + " where series_id = ? and held_at is not null")) {
            move.setObject(1, series);
            assertEquals(2, move.executeUpdate());
        }
        YearMonth last = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
        Map<String, Object> month = given().auth()
                .oauth2(coordinator)
                .queryParam("from", last.toString())
                .queryParam("to", last.plusMonths(1).toString())
                .get("/api/v1/conference-series/" + series + "/data-return")
                .then()
                .statusCode(200)
                .extract()
                .path("months[0]");
        assertEquals(last.toString(), month.get("month"));
        assertEquals(
                List.of(
                        Map.of("key", "casesHeard", "count", 5, "suppressed", false),
                        Map.of("key", "repeats", "count", 0, "suppressed", false),
                        Map.of("key", "casesWithChildren", "count", 5, "suppressed", false),
                        Map.of("key", "actionsAgreed", "count", 7, "suppressed", false),
                        Map.of("key", "actionsDoneOnTime", "count", 6, "suppressed", false),
                        // One referral: withheld, as every count from 1 to 4 is (absent, not zero).
                        Map.of("key", "referralsFromActions", "suppressed", true)),
                month.get("figures"));

        // Neither a member of another series nor an agency of another network sees anything of it.
        for (String nobody : List.of(outsider, stranger)) {
            for (String path : List.of(
                    "/api/v1/conference-series/" + series,
                    "/api/v1/conference-series/" + series + "/meetings",
                    "/api/v1/conference-meetings/" + meeting,
                    "/api/v1/conference-cases/" + conferenceCase,
                    "/api/v1/conference-cases/" + conferenceCase + "/summary",
                    "/api/v1/conference-cases/" + conferenceCase + "/research",
                    "/api/v1/conference-cases/" + conferenceCase + "/actions")) {
                get(nobody, path).then().statusCode(404).contentType("application/problem+json");
            }
            Conferences.complete(nobody, childrenAction, "Mine?").then().statusCode(404);
        }
        get(outsider, "/api/v1/conference-series")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(otherSeries.toString())));
    }

    /** The types of the events about this case (or its conference) in the caller's feed. */
    private static List<String> events(String token, UUID caseId) {
        return given().auth()
                .oauth2(token)
                .queryParam("limit", 500)
                .get("/api/v1/events")
                .then()
                .statusCode(200)
                .extract()
                .path("items.findAll { it.data.caseId == '" + caseId + "' && (it.type.startsWith('conference.')"
                        + " || it.type.startsWith('action.')) }.type");
    }
}
