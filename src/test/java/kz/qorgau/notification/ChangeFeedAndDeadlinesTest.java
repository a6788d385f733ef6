package kz.qorgau.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.referral.DeadlineJob;
import kz.qorgau.security.Role;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import org.junit.jupiter.api.Test;

/** The change feed, limited to what each caller may hear of, and deadlines driven by the time given to the job. */
@QuarkusTest
class ChangeFeedAndDeadlinesTest {

    @Inject
    org.hibernate.SessionFactory sessions;

    @Inject
    OutboxRelay relay;

    @Inject
    FeedRetention retention;

    @Inject
    DeadlineJob deadlines;

    /** Reads the whole feed from the start for a token, following nextCursor. */
    private static List<Map<String, Object>> feed(String token) {
        List<Map<String, Object>> all = new java.util.ArrayList<>();
        String cursor = null;
        while (true) {
            var request = given().auth().oauth2(token).queryParam("limit", 500);
            if (cursor != null) {
                request.queryParam("after", cursor);
            }
            var page = request.get("/api/v1/events")
                    .then()
                    .statusCode(200)
                    .body("nextCursor", notNullValue())
                    .extract();
            List<Map<String, Object>> items = page.path("items");
            all.addAll(items);
            cursor = page.path("nextCursor");
            if (items.isEmpty()) {
                return all;
            }
        }
    }

    private static List<Object> typesOf(List<Map<String, Object>> events, UUID referral) {
        return events.stream()
                .filter(e -> referral.toString().equals(e.get("aggregateId")))
                .map(e -> e.get("type"))
                .toList();
    }

    @Test
    void theFeedShowsEachAgencyItsOwnEventsInOrderAndNothingElse() {
        Network almaty = Network.of("almaty");
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        String socialWorker = almaty.token(Role.SOCIAL_WORKER, almaty.socialProtection);
        UUID caseId = Flows.caseFile(inspector);
        Flows.recordConsent(inspector, caseId, almaty.socialProtection).then().statusCode(201);
        UUID referral = Flows.referral(inspector, caseId, almaty.socialProtection);
        Flows.fire(socialWorker, referral, "ACCEPT").then().statusCode(200);
        relay.relay();

        List<Map<String, Object>> receiver = feed(socialWorker);
        assertEquals(List.of("referral.submitted", "referral.accepted"), typesOf(receiver, referral));
        List<Long> positions = receiver.stream()
                .map(e -> ((Number) e.get("position")).longValue())
                .toList();
        assertEquals(positions.stream().sorted().toList(), positions);
        // The sender heard of its draft too; an unrelated agency and another network hear nothing of it.
        assertEquals(
                List.of("referral.created", "referral.submitted", "referral.accepted"),
                typesOf(feed(inspector), referral));
        assertTrue(typesOf(feed(almaty.token(Role.NGO_CASEWORKER, almaty.crisisCentre)), referral)
                .isEmpty());
        assertTrue(typesOf(feed(Network.coordinatorToken("astana")), referral).isEmpty());
        assertFalse(typesOf(feed(almaty.coordinator()), referral).isEmpty());
        // A poller that reached the end gets the next change, and only it, with the cursor it kept.
        String cursor = given().auth()
                .oauth2(socialWorker)
                .queryParam("limit", 500)
                .get("/api/v1/events")
                .then()
                .extract()
                .path("nextCursor");
        while (true) {
            var page = given().auth()
                    .oauth2(socialWorker)
                    .queryParam("after", cursor)
                    .queryParam("limit", 500)
                    .get("/api/v1/events")
                    .then()
                    .extract();
            cursor = page.path("nextCursor");
            if (page.<List<?>>path("items").isEmpty()) {
                break;
            }
        }
        Flows.fire(socialWorker, referral, "START").then().statusCode(200);
        relay.relay();
        given().auth()
                .oauth2(socialWorker)
                .queryParam("after", cursor)
                .get("/api/v1/events")
                .then()
                .statusCode(200)
                .body(
                        "items.size()",
                        equalTo(1),
                        "items[0].type",
                        equalTo("referral.started"),
                        "items[0].data.referralId",
                        equalTo(referral.toString()));
        given().auth()
                .oauth2(almaty.token(Role.AUDITOR, almaty.police))
                .get("/api/v1/events")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(socialWorker)
                .queryParam("after", "not-a-cursor")
                .get("/api/v1/events")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("after"));
    }

    @Test
    void aReferralPastItsDeadlinesIsEscalatedOnceForEach() {
        Network almaty = Network.of("almaty");
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        String socialWorker = almaty.token(Role.SOCIAL_WORKER, almaty.socialProtection);
        UUID caseId = emergencyCase(inspector, almaty);
        UUID referral = Flows.referral(inspector, caseId, almaty.socialProtection);
        Instant sent = Instant.now();

        // EMERGENCY: acknowledge within 1 hour, respond within 4.
        deadlines.escalateOverdue(sent.plus(Duration.ofMinutes(59)));
        given().auth()
                .oauth2(inspector)
                .get("/api/v1/referrals/" + referral)
                .then()
                .body("acknowledgeOverdueAt", nullValue(), "priority", equalTo("EMERGENCY"));
        // The claim returns what the event needs: however many referrals a run escalates, it loads none of them.
        long loaded = referralLoads();
        deadlines.escalateOverdue(sent.plus(Duration.ofMinutes(61)));
        assertEquals(loaded, referralLoads(), "the escalation loaded referrals one by one");
        given().auth()
                .oauth2(inspector)
                .get("/api/v1/referrals/" + referral)
                .then()
                .body("acknowledgeOverdueAt", notNullValue(), "respondOverdueAt", nullValue());
        List<String> escalated = given().auth()
                .oauth2(almaty.coordinator())
                .queryParam("escalated", true)
                .queryParam("limit", 100)
                .get("/api/v1/referrals")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        assertTrue(escalated.contains(referral.toString()));
        given().auth()
                .oauth2(inspector)
                .queryParam("escalated", true)
                .get("/api/v1/referrals")
                .then()
                .statusCode(403);

        // Once per deadline: a later run does not escalate it again; acknowledging does not stop the second clock.
        deadlines.escalateOverdue(sent.plus(Duration.ofMinutes(90)));
        Flows.fire(socialWorker, referral, "ACKNOWLEDGE").then().statusCode(200);
        deadlines.escalateOverdue(sent.plus(Duration.ofHours(4).plusMinutes(1)));
        given().auth()
                .oauth2(inspector)
                .get("/api/v1/referrals/" + referral)
                .then()
                .body("respondOverdueAt", notNullValue());
        relay.relay();
        List<Map<String, Object>> heard = feed(socialWorker).stream()
                .filter(e ->
                        referral.toString().equals(e.get("aggregateId")) && "referral.escalated".equals(e.get("type")))
                .toList();
        assertEquals(
                List.of("ACKNOWLEDGE", "RESPOND"),
                heard.stream()
                        .map(e -> ((Map<?, ?>) e.get("data")).get("missed"))
                        .toList());
        List<Map<?, ?>> data =
                heard.stream().<Map<?, ?>>map(e -> (Map<?, ?>) e.get("data")).toList();
        assertEquals(
                List.of("SUBMITTED", "ACKNOWLEDGED"),
                data.stream().map(d -> d.get("state")).toList());
        for (Map<?, ?> event : data) {
            assertEquals(caseId.toString(), event.get("caseId"));
            assertEquals(almaty.police.toString(), event.get("senderAgencyId"));
            assertEquals(almaty.socialProtection.toString(), event.get("receiverAgencyId"));
            assertEquals("EMERGENCY", event.get("priority"));
            // Both clocks run from the submission.
            assertEquals(event.get("submittedAt"), event.get("deadlineRanFrom"));
            assertTrue(Instant.parse((String) event.get("submittedAt")).isBefore(sent.plusSeconds(1)));
        }
        List<Map<String, Object>> history = given().auth()
                .oauth2(inspector)
                .get("/api/v1/referrals/" + referral + "/history")
                .then()
                .statusCode(200)
                .extract()
                .path("");
        assertEquals(
                2,
                history.stream().filter(h -> "ESCALATE".equals(h.get("action"))).count());
    }

    @Test
    void aRunWorksThroughMoreOverdueReferralsThanOneClaimTakes() {
        // The test profile lets one claim take two referrals; five overdue ones take three passes of one run.
        Network almaty = Network.of("almaty");
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        List<UUID> referrals = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            referrals.add(Flows.referral(inspector, emergencyCase(inspector, almaty), almaty.socialProtection));
        }
        Instant sent = Instant.now();

        int escalated = deadlines.escalateOverdue(sent.plus(Duration.ofMinutes(61)));

        assertTrue(escalated >= 5, "one run escalated " + escalated + " of at least five overdue referrals");
        for (UUID referral : referrals) {
            given().auth()
                    .oauth2(inspector)
                    .get("/api/v1/referrals/" + referral)
                    .then()
                    .statusCode(200)
                    .body("acknowledgeOverdueAt", notNullValue(), "respondOverdueAt", nullValue());
        }
    }

    @Test
    void eachNetworkNumbersItsFeedOnItsOwnSoNoGapTellsOfAnother() throws Exception {
        for (String tenant : List.of("almaty", "astana", "almaty")) {
            Network network = Network.of(tenant);
            Flows.incident(network.token(Role.POLICE_DISPATCH, network.police));
            relay.relay();
        }
        try (var owner = kz.qorgau.support.OwnerDatabase.connect();
                var rows = owner.createStatement()
                        .executeQuery("select tenant_id, count(*), count(distinct position), min(position),"
                                + " max(position) from outbox_event where position is not null group by tenant_id")) {
            int networks = 0;
            while (rows.next()) {
                networks++;
                String tenant = rows.getString(1);
                long count = rows.getLong(2);
                assertEquals(count, rows.getLong(3), tenant + ": a position given twice");
                assertEquals(1, rows.getLong(4), tenant + ": the first position");
                assertEquals(count, rows.getLong(5), tenant + ": positions 1.." + count + " without a gap");
            }
            assertEquals(2, networks);
        }
    }

    @Test
    void eventsPastTheRetentionAreRemovedAndAnOlderCursorHearsItMustResync() throws Exception {
        Network astana = Network.of("astana");
        String dispatch = astana.token(Role.POLICE_DISPATCH, astana.police);
        Flows.incident(dispatch);
        Flows.incident(dispatch);
        relay.relay();
        var first = given().auth()
                .oauth2(dispatch)
                .queryParam("limit", 1)
                .get("/api/v1/events")
                .then()
                .statusCode(200)
                .extract();
        String afterFirst = first.path("nextCursor");

        int removed = retention.prune("astana", Instant.now().plusSeconds(1));
        assertTrue(removed >= 2, "the two incidents' events and their feed rows, at least: " + removed);
        try (var owner = kz.qorgau.support.OwnerDatabase.connect();
                var left = owner.createStatement()
                        .executeQuery("select count(*) from outbox_event o where o.tenant_id = 'astana'"
                                + " and o.position is not null and not exists"
                                + " (select 1 from webhook_delivery d where d.event_seq = o.seq)")) {
            left.next();
            assertEquals(0, left.getLong(1), "relayed events past the retention left behind");
        }
        // A cursor from before says so, rather than skipping what was removed without a word ...
        given().auth()
                .oauth2(dispatch)
                .queryParam("after", afterFirst)
                .get("/api/v1/events")
                .then()
                .statusCode(410)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:qorgau:problem:cursor-expired"));
        // ... and reading again from the start works, and goes on with what comes next.
        Flows.incident(dispatch);
        relay.relay();
        given().auth()
                .oauth2(dispatch)
                .get("/api/v1/events")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1), "items[0].type", equalTo("incident.reported"));
    }

    @Test
    void aCursorBeyondTheFeedsHeadHearsItMustResyncRatherThanSkipTheEventsToCome() {
        Network astana = Network.of("astana");
        String dispatch = astana.token(Role.POLICE_DISPATCH, astana.police);
        Flows.incident(dispatch);
        relay.relay();
        // As a cursor kept from before the database was restored from an older backup would be.
        given().auth()
                .oauth2(dispatch)
                .queryParam("after", kz.qorgau.common.Cursor.ofPosition(1_000_000_000L))
                .get("/api/v1/events")
                .then()
                .statusCode(410)
                .contentType("application/problem+json")
                .body(
                        "type", equalTo("urn:qorgau:problem:cursor-expired"),
                        "detail", org.hamcrest.Matchers.containsString("beyond the last"));
    }

    /** An EMERGENCY case (acknowledge within an hour) with the survivor's consent to refer to social protection. */
    private static UUID emergencyCase(String inspector, Network network) {
        UUID caseId = UUID.fromString(given().auth()
                .oauth2(inspector)
                .contentType("application/json")
                .body(Flows.openCaseBody().replace("\"HIGH\"", "\"EMERGENCY\""))
                .post("/api/v1/cases")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        Flows.recordConsent(inspector, caseId, network.socialProtection).then().statusCode(201);
        return caseId;
    }

    private long referralLoads() {
        return sessions.getStatistics()
                .getEntityStatistics(kz.qorgau.referral.Referral.class.getName())
                .getLoadCount();
    }
}
