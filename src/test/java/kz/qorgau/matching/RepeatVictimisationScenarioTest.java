package kz.qorgau.matching;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import kz.qorgau.notification.OutboxRelay;
import kz.qorgau.security.Role;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import org.junit.jupiter.api.Test;

/**
 * Three incidents about one woman, from two dispatch systems, with her name written three ways and her IIN on one of
 * them, are recognised as hers: the second tells her lead agency, the third raises her case's risk and its open
 * referral's priority, a second case for her is refused, and another network posting about a woman of the same name
 * and birth date learns nothing.
 */
@QuarkusTest
class RepeatVictimisationScenarioTest {

    @Inject
    OutboxRelay relay;

    @Test
    void herThirdCallOutIsKnownAsHersAndRaisesHerRisk() {
        Network almaty = Network.of("almaty");
        String dispatch = almaty.token(Role.POLICE_DISPATCH, almaty.police);
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        UUID otherPolice = almaty.register(almaty.uniqueName("Medeu district police"), "POLICE", "[]");
        String otherDispatch = almaty.token(Role.POLICE_DISPATCH, otherPolice);
        // A birth date of her own, so that no other test's survivor is taken for her.
        LocalDate born =
                LocalDate.of(1970, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(11_000));
        String iin = Flows.iinFor(born);

        // The first call-out: a woman nobody knows yet, written in Russian with her patronymic.
        Response first = report(dispatch, victim("Ахметова Гульнара Сериковна", null, born), 90);
        first.then().statusCode(201).body("knownVictims", hasSize(0));
        UUID firstIncident = UUID.fromString(first.path("id"));

        // The inspector opens her case in Latin letters, with her IIN: the first incident is recognised as hers.
        UUID caseId = UUID.fromString(openCase(inspector, "Gulnara Akhmetova", born, iin, firstIncident)
                .then()
                .statusCode(201)
                .body("knownSurvivor.incidentsLast12Months", equalTo(1))
                .body("knownSurvivor.openCaseId", nullValue())
                .extract()
                .path("id"));
        Flows.recordConsent(inspector, caseId, almaty.crisisCentre).then().statusCode(201);
        UUID referral = Flows.referral(inspector, caseId, almaty.crisisCentre);
        given().auth()
                .oauth2(inspector)
                .get("/api/v1/referrals/" + referral)
                .then()
                .body("priority", equalTo("ROUTINE"));

        // The second, from another district's dispatch, by her IIN alone: it is hers (her lead agency hears of it,
        // and it counts), but the caller, who did not give her name and birth date, is told nothing: an IIN can be
        // guessed from a birth date, and must not point anyone to her case.
        report(otherDispatch, victim("Гульнара", iin, null), 30)
                .then()
                .statusCode(201)
                .body("knownVictims", hasSize(0))
                .body("persons[0].iin", nullValue());
        assertEquals("ROUTINE", riskLevel(inspector, caseId), "two incidents are not yet an escalation");

        // The third, in Kazakh without the patronymic: three in twelve months raise her case and her referral.
        report(dispatch, victim("Ахметова Гүлнара", null, born), 0)
                .then()
                .statusCode(201)
                .body("knownVictims[0].openCaseId", equalTo(caseId.toString()))
                .body("knownVictims[0].incidentsLast12Months", equalTo(2));
        assertEquals("HIGH", riskLevel(inspector, caseId));
        given().auth()
                .oauth2(inspector)
                .get("/api/v1/referrals/" + referral + "/history")
                .then()
                .statusCode(200)
                .body("action", hasItem("REPRIORITISE"));
        given().auth()
                .oauth2(inspector)
                .get("/api/v1/referrals/" + referral)
                .then()
                .body("priority", equalTo("HIGH"));

        // Her lead agency heard of both later incidents; the reporting district's dispatch hears nothing of her case.
        relay.relay();
        assertEquals(2, caseEvents(inspector, caseId).size(), "the lead agency hears of each new incident about her");
        assertTrue(caseEvents(otherDispatch, caseId).isEmpty());

        // A second case for her, even with her name written otherwise, is refused, naming the case to work with.
        openCase(inspector, "Gulnara Serikovna Akhmetova", born, null)
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:qorgau:problem:survivor-has-open-case"))
                .body("caseId", equalTo(caseId.toString()))
                .body("leadAgencyId", equalTo(almaty.police.toString()));
        // Another agency that names her hears whom to call, not the case: naming her is no way round emergency access.
        openCase(almaty.token(Role.SOCIAL_WORKER, almaty.socialProtection), "Gulnara Akhmetova", born, null)
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:qorgau:problem:survivor-has-open-case"))
                .body("caseId", nullValue())
                .body("leadAgencyId", equalTo(almaty.police.toString()));
        // Her IIN under another name is refused too, without naming her case to a caller that did not name her.
        openCase(inspector, "Zhuldyz Omarova", born, iin)
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:qorgau:problem:survivor-has-open-case"))
                .body("caseId", nullValue());
        // Another woman of the same name and birth date, told apart by her IIN, has a case of her own.
        openCase(inspector, "Gulnara Akhmetova", born, Flows.iinFor(born))
                .then()
                .statusCode(201);

        // Her IIN with the birth date it carries, under another name, is still her IIN alone: the caller is told
        // nothing of her.
        report(otherDispatch, victim("Zhuldyz Omarova", iin, born), 0)
                .then()
                .statusCode(201)
                .body("knownVictims", hasSize(0));

        // Another network learns nothing of her.
        Network astana = Network.of("astana");
        report(astana.token(Role.POLICE_DISPATCH, astana.police), victim("Gulnara Akhmetova", iin, born), 0)
                .then()
                .statusCode(201)
                .body("knownVictims", hasSize(0));
        Response elsewhere =
                openCase(astana.token(Role.POLICE_INSPECTOR, astana.police), "Gulnara Akhmetova", born, iin);
        // It knows only the incident its own dispatch just posted.
        elsewhere
                .then()
                .statusCode(201)
                .body("knownSurvivor.incidentsLast12Months", equalTo(1))
                .body("knownSurvivor.openCaseId", nullValue());
        assertFalse(elsewhere.asString().contains(caseId.toString()));
    }

    @Test
    void anIncidentNamingHimWithHerBreaksHisOrder() {
        Network almaty = Network.of("almaty");
        String dispatch = almaty.token(Role.POLICE_DISPATCH, almaty.police);
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        String centre = almaty.token(Role.NGO_CASEWORKER, almaty.crisisCentre);
        UUID otherPolice = almaty.register(almaty.uniqueName("Medeu district police"), "POLICE", "[]");
        String otherDispatch = almaty.token(Role.POLICE_DISPATCH, otherPolice);
        LocalDate herBirth =
                LocalDate.of(1970, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(11_000));
        LocalDate hisBirth =
                LocalDate.of(1965, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(11_000));
        Map<String, Object> her = victim("Жанар Серикова", null, herBirth);
        Map<String, Object> him = suspect("Ерлан Ахметов", hisBirth);

        UUID first = UUID.fromString(report(dispatch, List.of(her, him), 10)
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        UUID caseId = UUID.fromString(openCase(inspector, "Zhanar Serikova", herBirth, null, first)
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        Flows.recordConsent(inspector, caseId, almaty.crisisCentre).then().statusCode(201);
        UUID referral = Flows.referral(inspector, caseId, almaty.crisisCentre);
        Flows.fire(centre, referral, "ACKNOWLEDGE").then().statusCode(200);
        Flows.fire(centre, referral, "ACCEPT").then().statusCode(200);

        // Police record him once, from the incident and the case; a second record of him is refused.
        UUID perpetrator = UUID.fromString(given().auth()
                .oauth2(inspector)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "fullName", "Yerlan Akhmetov",
                        "birthDate", hisBirth.toString(),
                        "notes", "Owns a hunting rifle",
                        "incidentIds", List.of(first.toString()),
                        "caseIds", List.of(caseId.toString())))
                .post("/api/v1/perpetrators")
                .then()
                .statusCode(201)
                .body("incidentIds", equalTo(List.of(first.toString())))
                .extract()
                .path("id"));
        given().auth()
                .oauth2(inspector)
                .contentType(ContentType.JSON)
                .body(Map.of("fullName", "Ахметов Ерлан Болатович", "birthDate", hisBirth.toString()))
                .post("/api/v1/perpetrators")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:qorgau:problem:perpetrator-known"))
                .body("perpetratorId", equalTo(perpetrator.toString()));
        // The network's police read him, notes and all; no other agency, nor another network, does.
        given().auth()
                .oauth2(otherDispatch)
                .get("/api/v1/perpetrators/" + perpetrator)
                .then()
                .statusCode(200)
                .body("notes", equalTo("Owns a hunting rifle"));
        given().auth()
                .oauth2(centre)
                .get("/api/v1/perpetrators/" + perpetrator)
                .then()
                .statusCode(403);
        Network astana = Network.of("astana");
        given().auth()
                .oauth2(astana.token(Role.POLICE_INSPECTOR, astana.police))
                .get("/api/v1/perpetrators/" + perpetrator)
                .then()
                .statusCode(404);

        // The order restrains him and protects her.
        UUID order = UUID.fromString(Flows.recordOrder(
                        inspector,
                        caseId,
                        Flows.orderBody("PO-" + UUID.randomUUID())
                                .replaceFirst("\\{", "{\"perpetratorId\": \"" + perpetrator + "\", "))
                .then()
                .statusCode(201)
                .body("perpetratorId", equalTo(perpetrator.toString()))
                .extract()
                .path("id"));

        // The crisis centre, under her consent to share incident details, sees whom the order restrains; never the
        // police's notes.
        String seen = given().auth()
                .oauth2(centre)
                .get("/api/v1/cases/" + caseId + "/protective-orders")
                .then()
                .statusCode(200)
                .body("find { it.id == '" + order + "' }.restrainedPerson", equalTo("Yerlan Akhmetov"))
                .extract()
                .asString();
        assertFalse(seen.contains("rifle"), "the police's notes stay theirs: " + seen);

        // He is named with another woman: her order is not broken by it.
        report(
                        otherDispatch,
                        List.of(victim("Айгуль Нурланова", null, herBirth), suspect("Erlan Akhmetov", hisBirth)),
                        0)
                .then()
                .statusCode(201);
        assertEquals(0, violations(inspector, caseId, order).size());

        // Another district's dispatch names him, in Latin letters, with her: the order is broken.
        UUID breaking = UUID.fromString(report(
                        otherDispatch,
                        List.of(victim("Zhanar Serikova", null, herBirth), suspect("Erlan Akhmetov", hisBirth)),
                        0)
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        List<Map<String, Object>> broken = violations(inspector, caseId, order);
        assertEquals(1, broken.size());
        assertEquals(breaking.toString(), broken.get(0).get("incidentId"));
        assertEquals("EMERGENCY", riskLevel(inspector, caseId));
        given().auth()
                .oauth2(centre)
                .get("/api/v1/referrals/" + referral)
                .then()
                .body("priority", equalTo("EMERGENCY"));
        // The police unit that recorded the order and the crisis centre on her case hear it at once.
        relay.relay();
        assertEquals(List.of("protective-order.violated"), orderEvents(inspector, order));
        assertEquals(List.of("protective-order.violated"), orderEvents(centre, order));

        // Her case before a risk conference: a member without her consent sees that an order exists, not his name.
        String chair = almaty.token(Role.SOCIAL_WORKER, almaty.socialProtection);
        UUID series = kz.qorgau.conference.Conferences.series(
                almaty.coordinator(), "Almaly", almaty.socialProtection, almaty.police);
        UUID listed = kz.qorgau.conference.Conferences.proposedAtHighRisk(inspector, caseId, series, "Order broken");
        UUID meeting = kz.qorgau.conference.Conferences.meeting(
                chair, series, Instant.now().plus(1, ChronoUnit.DAYS));
        kz.qorgau.conference.Conferences.decide(chair, listed, "LIST", meeting, "Agreed")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(chair)
                .get("/api/v1/conference-cases/" + listed + "/summary")
                .then()
                .statusCode(200)
                .body("basis", equalTo("HIGH_RISK"))
                .body("orders.find { it.kind == 'POLICE_PROTECTIVE_ORDER' }.restrainedPerson", nullValue());
        given().auth()
                .oauth2(inspector)
                .get("/api/v1/conference-cases/" + listed + "/summary")
                .then()
                .statusCode(200)
                .body("orders.restrainedPerson", hasItem("Yerlan Akhmetov"));
    }

    @Test
    void badIinsAndImpossibleBirthDatesAreRefused() {
        Network almaty = Network.of("almaty");
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        String dispatch = almaty.token(Role.POLICE_DISPATCH, almaty.police);
        LocalDate born = LocalDate.of(1991, 4, 2);
        String valid = Flows.iinFor(born);
        String wrongCheck = valid.substring(0, 11) + ((valid.charAt(11) - '0' + 1) % 10);
        for (String bad : List.of("12345", "91040240001x", wrongCheck, "910231400011")) {
            openCase(inspector, "Aigerim Sultanova", born, bad)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("survivor.iin"));
        }
        // Her IIN carries her birth date: one that says another day is a mistake in one of them.
        openCase(inspector, "Aigerim Sultanova", born.plusDays(1), valid)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("survivor.iin"));
        openCase(inspector, "Aigerim Sultanova", LocalDate.of(1850, 1, 1), null)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("survivor.birthDate"));
        report(dispatch, victim("Aigerim Sultanova", wrongCheck, null), 0)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("persons[0].iin"));
        report(dispatch, victim("Aigerim Sultanova", null, LocalDate.of(1850, 1, 1)), 0)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("persons[0].birthDate"));
    }

    private static Map<String, Object> victim(String name, String iin, LocalDate born) {
        Map<String, Object> person = new HashMap<>(Map.of("role", "VICTIM", "name", name));
        if (iin != null) {
            person.put("iin", iin);
        }
        if (born != null) {
            person.put("birthDate", born.toString());
        }
        return person;
    }

    private static Map<String, Object> suspect(String name, LocalDate born) {
        return Map.of("role", "SUSPECT", "name", name, "birthDate", born.toString());
    }

    private static List<Map<String, Object>> violations(String token, UUID caseId, UUID order) {
        return given().auth()
                .oauth2(token)
                .get("/api/v1/cases/" + caseId + "/protective-orders")
                .then()
                .statusCode(200)
                .extract()
                .path("find { it.id == '" + order + "' }.violations");
    }

    private static List<String> orderEvents(String token, UUID order) {
        return given().auth()
                .oauth2(token)
                .queryParam("limit", 500)
                .get("/api/v1/events")
                .then()
                .statusCode(200)
                .extract()
                .path("items.findAll { it.data.protectiveOrderId == '" + order + "' && it.type =="
                        + " 'protective-order.violated' }.type");
    }

    private static Response report(String token, Map<String, Object> victim, int daysAgo) {
        return report(token, List.of(victim), daysAgo);
    }

    /**
     * An hour before now, that many days ago; today's never before the Almaty day began, which an order issued today
     * covers (at 00:30 in Almaty an hour ago is yesterday there).
     */
    private static Instant occurredAt(int daysAgo) {
        Instant hourAgo = Instant.now().minus(daysAgo, ChronoUnit.DAYS).minus(1, ChronoUnit.HOURS);
        Instant dayBegan = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Almaty"))
                .atStartOfDay(java.time.ZoneId.of("Asia/Almaty"))
                .toInstant();
        return daysAgo == 0 && hourAgo.isBefore(dayBegan) ? dayBegan : hourAgo;
    }

    private static Response report(String token, List<Map<String, Object>> persons, int daysAgo) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "occurredAt",
                        occurredAt(daysAgo).toString(),
                        "district",
                        "Almaly",
                        "violenceKinds",
                        List.of("PHYSICAL"),
                        "childrenPresent",
                        false,
                        "weaponsInvolved",
                        false,
                        "injuries",
                        true,
                        "persons",
                        persons))
                .post("/api/v1/incidents");
    }

    private static Response openCase(String token, String name, LocalDate born, String iin, UUID... incidents) {
        Map<String, Object> survivor = new HashMap<>(Map.of("fullName", name, "birthDate", born.toString()));
        if (iin != null) {
            survivor.put("iin", iin);
        }
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "survivor",
                        survivor,
                        "riskLevel",
                        "ROUTINE",
                        "incidentIds",
                        List.of(incidents).stream().map(UUID::toString).toList()))
                .post("/api/v1/cases");
    }

    private static String riskLevel(String token, UUID caseId) {
        return given().auth()
                .oauth2(token)
                .get("/api/v1/cases/" + caseId)
                .then()
                .statusCode(200)
                .extract()
                .path("riskLevel");
    }

    private static List<String> caseEvents(String token, UUID caseId) {
        return given().auth()
                .oauth2(token)
                .queryParam("limit", 500)
                .get("/api/v1/events")
                .then()
                .statusCode(200)
                .extract()
                .path("items.findAll { it.data.caseId == '" + caseId
                        + "' && it.type == 'case.incident-reported' }.type");
    }
}
