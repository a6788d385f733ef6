package kz.qorgau.casefile;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import kz.qorgau.security.Role;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import kz.qorgau.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Who sees which of her data, over real HTTP: every data item of every endpoint that returns survivor data,
 * for every relationship of the caller to the case, under every consent she may have given. The expected
 * answers come from the table below, written from the design (DESIGN.md, "Who sees what") rather than from
 * the code, and the test fails on any answer that differs, naming all of them.
 */
@QuarkusTest
class DisclosureMatrixTest {

    /** The consent's categories: IDENTITY, CONTACT, ADDRESS, INCIDENT_DETAILS, RISK. */
    enum Category {
        IDENTITY,
        CONTACT,
        ADDRESS,
        INCIDENT_DETAILS,
        RISK
    }

    /** What she agreed to, for the three receivers of the case. */
    enum ConsentGiven {
        NONE_EMERGENCY_EXCEPTION(Set.of()),
        IDENTITY(Set.of(Category.IDENTITY)),
        CONTACT(Set.of(Category.CONTACT)),
        ADDRESS(Set.of(Category.ADDRESS)),
        INCIDENT_DETAILS(Set.of(Category.INCIDENT_DETAILS)),
        RISK(Set.of(Category.RISK)),
        ALL(EnumSet.allOf(Category.class)),
        ALL_THEN_WITHDRAWN(EnumSet.allOf(Category.class));

        final Set<Category> categories;

        ConsentGiven(Set<Category> categories) {
            this.categories = categories;
        }

        /** What a live receiver sees under it: nothing once withdrawn or without consent. */
        Set<Category> inForce() {
            return this == ALL_THEN_WITHDRAWN ? Set.of() : categories;
        }
    }

    enum Relation {
        LEAD,
        RECEIVER_BEFORE_ACCEPT,
        RECEIVER_AFTER_ACCEPT,
        RECEIVER_ENDED,
        OTHER_AGENCY,
        COORDINATOR,
        AUDITOR,
        OTHER_NETWORK;

        boolean receiver() {
            return this == RECEIVER_BEFORE_ACCEPT || this == RECEIVER_AFTER_ACCEPT || this == RECEIVER_ENDED;
        }
    }

    /** The endpoints that return survivor data, each read for the case or the caller's own referral. */
    enum Endpoint {
        CASE("/api/v1/cases/{id}"),
        SHARED_DATA("/api/v1/referrals/{id}/shared-data"),
        RISK_ASSESSMENTS("/api/v1/cases/{caseId}/risk-assessments"),
        PROTECTIVE_ORDERS("/api/v1/cases/{caseId}/protective-orders"),
        REFERRAL("/api/v1/referrals/{id}"),
        REFERRAL_HISTORY("/api/v1/referrals/{id}/history"),
        REFERRAL_LIST("/api/v1/referrals"),
        INCIDENT("/api/v1/incidents/{id}"),
        INCIDENT_LIST("/api/v1/incidents"),
        TIMELINE("/api/v1/cases/{id}/timeline"),
        CASE_SEARCH("/api/v1/cases"),
        MESSAGES("/api/v1/referrals/{id}/messages"),
        REFERRAL_DOCUMENTS("/api/v1/referrals/{id}/documents"),
        /** The download of the referral's INCIDENT_DETAILS document. */
        REFERRAL_DOCUMENT("/api/v1/referrals/{id}/documents/{documentId}/content"),
        CASE_DOCUMENTS("/api/v1/cases/{id}/documents"),
        /** The download of the case's INCIDENT_DETAILS document. */
        CASE_DOCUMENT("/api/v1/cases/{id}/documents/{documentId}/content");

        final String documented;

        Endpoint(String documented) {
            this.documented = documented;
        }
    }

    /** Each data item: where it is, and the categories a receiver needs to see it. */
    enum Item {
        CASE_NAME(Endpoint.CASE, "survivor.fullName", Category.IDENTITY),
        CASE_BIRTH_DATE(Endpoint.CASE, "survivor.birthDate", Category.IDENTITY),
        CASE_PHONE(Endpoint.CASE, "survivor.phone", Category.CONTACT),
        CASE_ADDRESS(Endpoint.CASE, "survivor.address", Category.ADDRESS),
        CASE_EMAIL(Endpoint.CASE, "survivor.email", Category.CONTACT),
        CASE_SUMMARY(Endpoint.CASE, "summary", Category.INCIDENT_DETAILS),
        SHARED_NAME(Endpoint.SHARED_DATA, "fullName", Category.IDENTITY),
        SHARED_BIRTH_DATE(Endpoint.SHARED_DATA, "birthDate", Category.IDENTITY),
        SHARED_PHONE(Endpoint.SHARED_DATA, "phone", Category.CONTACT),
        SHARED_ADDRESS(Endpoint.SHARED_DATA, "address", Category.ADDRESS),
        SHARED_EMAIL(Endpoint.SHARED_DATA, "email", Category.CONTACT),
        SHARED_INCIDENT_ACCOUNT(Endpoint.SHARED_DATA, "incidents[0].description", Category.INCIDENT_DETAILS),
        SHARED_INCIDENT_NAME(
                Endpoint.SHARED_DATA, "incidents[0].persons[0].name", Category.INCIDENT_DETAILS, Category.IDENTITY),
        SHARED_RISK(Endpoint.SHARED_DATA, "risk.score", Category.RISK),
        RISK_ANSWERS(Endpoint.RISK_ASSESSMENTS, "[0].answers", Category.RISK),
        RISK_SCORE(Endpoint.RISK_ASSESSMENTS, "[0].score", Category.RISK),
        RISK_LEVEL(Endpoint.RISK_ASSESSMENTS, "[0].level", Category.RISK),
        RISK_REASON(Endpoint.RISK_ASSESSMENTS, "[0].judgementReason", Category.RISK),
        ORDER_PLACES(Endpoint.PROTECTIVE_ORDERS, "[0].conditions[1].text", Category.ADDRESS),
        ORDER_VIOLATION(Endpoint.PROTECTIVE_ORDERS, "[0].violations[0].description", Category.INCIDENT_DETAILS),
        REFERRAL_NOTE(Endpoint.REFERRAL, "note"),
        REFERRAL_LIST_NOTE(Endpoint.REFERRAL_LIST, "items.find { it.id == '%referral%' }.note"),
        HISTORY_NOTE(Endpoint.REFERRAL_HISTORY, "find { it.note != null }.note"),
        INCIDENT_ACCOUNT(Endpoint.INCIDENT, "description"),
        INCIDENT_NAME(Endpoint.INCIDENT, "persons[0].name"),
        INCIDENT_LIST_ACCOUNT(Endpoint.INCIDENT_LIST, "items.find { it.id == '%incident%' }.description"),
        SEARCH_HIT(Endpoint.CASE_SEARCH, "items.find { it.id == '%case%' }.id", Category.IDENTITY),
        TIMELINE_SEEN(Endpoint.TIMELINE, "items[0].type"),
        MESSAGE_TEXT(Endpoint.MESSAGES, "items[0].text"),
        REFERRAL_DOCUMENT_INCIDENT(
                Endpoint.REFERRAL_DOCUMENTS,
                "items.find { it.category == 'INCIDENT_DETAILS' }",
                Category.INCIDENT_DETAILS,
                Category.IDENTITY),
        REFERRAL_DOCUMENT_RISK(
                Endpoint.REFERRAL_DOCUMENTS, "items.find { it.category == 'RISK' }", Category.RISK, Category.IDENTITY),
        CASE_DOCUMENT_INCIDENT(
                Endpoint.CASE_DOCUMENTS,
                "items.find { it.category == 'INCIDENT_DETAILS' }",
                Category.INCIDENT_DETAILS,
                Category.IDENTITY),
        CASE_DOCUMENT_RISK(
                Endpoint.CASE_DOCUMENTS, "items.find { it.category == 'RISK' }", Category.RISK, Category.IDENTITY);

        final Endpoint endpoint;
        final String path;
        /** Empty: a receiver's categories do not decide it (a note of the referral's sides, the reporter's incident). */
        final Set<Category> needs;

        Item(Endpoint endpoint, String path, Category... needs) {
            this.endpoint = endpoint;
            this.path = path;
            this.needs = needs.length == 0 ? Set.of() : EnumSet.of(needs[0], needs);
        }
    }

    // ---- The expected answers, from the design.

    /**
     * The status a relation gets from an endpoint: whatever she consented to, but for a document's download, which
     * is not found by a receiver her consent in force does not let see its category.
     */
    static int status(Relation relation, ConsentGiven consent, Endpoint endpoint) {
        boolean download = endpoint == Endpoint.REFERRAL_DOCUMENT || endpoint == Endpoint.CASE_DOCUMENT;
        int status = status(relation, endpoint);
        if (download && status == 200 && relation != Relation.LEAD) {
            // A document names her: her identity as well as its own category.
            return consent.inForce().containsAll(Set.of(Category.INCIDENT_DETAILS, Category.IDENTITY)) ? 200 : 404;
        }
        return status;
    }

    static int status(Relation relation, Endpoint endpoint) {
        boolean caseDocuments = endpoint == Endpoint.CASE_DOCUMENTS || endpoint == Endpoint.CASE_DOCUMENT;
        boolean documents =
                caseDocuments || endpoint == Endpoint.REFERRAL_DOCUMENTS || endpoint == Endpoint.REFERRAL_DOCUMENT;
        if (documents && (relation == Relation.COORDINATOR || relation == Relation.AUDITOR)) {
            // Documents are her data itself: for the agencies that work with her alone.
            return 403;
        }
        if (caseDocuments && (relation == Relation.RECEIVER_BEFORE_ACCEPT || relation == Relation.RECEIVER_ENDED)) {
            // Not (or no longer) on the case.
            return 404;
        }
        if (endpoint == Endpoint.REFERRAL_DOCUMENT && relation == Relation.RECEIVER_ENDED) {
            return 404;
        }
        return switch (relation) {
            case LEAD -> 200;
            // Another network's lists answer with nothing of this one; its single objects are not found.
            case OTHER_NETWORK ->
                switch (endpoint) {
                    case REFERRAL_LIST, INCIDENT_LIST, CASE_SEARCH -> 200;
                    default -> 404;
                };
            // Auditors read the audit trail, never case content.
            case AUDITOR -> 403;
            case COORDINATOR ->
                switch (endpoint) {
                    // Shared data is a receiver's view of her; searching by her name is for case workers; a
                    // referral's messages are for its two agencies.
                    case SHARED_DATA, CASE_SEARCH, MESSAGES -> 403;
                    default -> 200;
                };
            // A case worker of an agency with nothing to do with the case.
            case OTHER_AGENCY ->
                switch (endpoint) {
                    case REFERRAL_LIST, CASE_SEARCH -> 200;
                    case INCIDENT, INCIDENT_LIST -> 403;
                    default -> 404;
                };
            case RECEIVER_BEFORE_ACCEPT ->
                switch (endpoint) {
                    case CASE, RISK_ASSESSMENTS, TIMELINE -> 404;
                    case INCIDENT, INCIDENT_LIST -> 403;
                    default -> 200;
                };
            case RECEIVER_AFTER_ACCEPT ->
                switch (endpoint) {
                    // The timeline is the lead agency's (and the coordinators').
                    case TIMELINE -> 403;
                    case INCIDENT, INCIDENT_LIST -> 403;
                    default -> 200;
                };
            // Declined: the referral stays its own to read, the case is no longer its to see.
            case RECEIVER_ENDED ->
                switch (endpoint) {
                    case CASE, RISK_ASSESSMENTS, PROTECTIVE_ORDERS, TIMELINE -> 404;
                    case INCIDENT, INCIDENT_LIST -> 403;
                    default -> 200;
                };
        };
    }

    /** Whether an item shows, given the relation got 200 from its endpoint. */
    static boolean shows(Relation relation, ConsentGiven consent, Item item) {
        return switch (relation) {
            case LEAD -> true;
            // Oversight: levels and scores, never her data or free text about her.
            case COORDINATOR -> item == Item.RISK_SCORE || item == Item.RISK_LEVEL || item == Item.TIMELINE_SEEN;
            case RECEIVER_BEFORE_ACCEPT, RECEIVER_AFTER_ACCEPT ->
                switch (item) {
                    // The sender's note is free text about her: the receiver reads it as her incident details.
                    case REFERRAL_NOTE, REFERRAL_LIST_NOTE -> consent.inForce().contains(Category.INCIDENT_DETAILS);
                    // Its own notes; the receiver's own referral has no noted step before it acts.
                    case HISTORY_NOTE -> relation == Relation.RECEIVER_AFTER_ACCEPT;
                    // The two sides write to each other whatever categories she consented to (what the sender
                    // writes is its own to weigh, as on the phone), but not once she withdrew her consent.
                    case MESSAGE_TEXT -> consent != ConsentGiven.ALL_THEN_WITHDRAWN;
                    // Search finds only cases the agency is on, and only by what it may see.
                    case SEARCH_HIT ->
                        relation == Relation.RECEIVER_AFTER_ACCEPT
                                && consent.inForce().containsAll(item.needs);
                    default -> !item.needs.isEmpty() && consent.inForce().containsAll(item.needs);
                };
            // Its own note on the referral it declined, nothing of hers: not even what the sender wrote to it.
            case RECEIVER_ENDED -> item == Item.HISTORY_NOTE;
            case OTHER_AGENCY, AUDITOR, OTHER_NETWORK -> false;
        };
    }

    // ---- The case each consent is tried on.

    private static final String NAME = "Gulnara Temirbayeva";
    private Network almaty;

    /** documentOf: the INCIDENT_DETAILS document of the case and of each referral, by the case's or referral's id. */
    record Scene(UUID caseId, UUID incident, Map<Relation, UUID> referralOf, Map<UUID, UUID> documentOf) {}

    @Test
    void everyRelationSeesExactlyWhatItsConsentAllows() {
        almaty = Network.of("almaty");
        Network astana = Network.of("astana");
        UUID before = almaty.crisisCentre;
        UUID after = almaty.socialProtection;
        UUID ended = almaty.register("Second crisis centre", "NGO_CRISIS_CENTRE", "[\"PSYCHOLOGICAL_COUNSELLING\"]");
        UUID unrelated = almaty.register("Unrelated centre", "NGO_CRISIS_CENTRE", "[\"SHELTER\"]");
        Map<Relation, String> tokens = new EnumMap<>(Relation.class);
        tokens.put(Relation.LEAD, almaty.token(Role.POLICE_INSPECTOR, almaty.police));
        tokens.put(Relation.RECEIVER_BEFORE_ACCEPT, almaty.token(Role.NGO_CASEWORKER, before));
        tokens.put(Relation.RECEIVER_AFTER_ACCEPT, almaty.token(Role.SOCIAL_WORKER, after));
        tokens.put(Relation.RECEIVER_ENDED, almaty.token(Role.NGO_CASEWORKER, ended));
        tokens.put(Relation.OTHER_AGENCY, almaty.token(Role.NGO_CASEWORKER, unrelated));
        tokens.put(Relation.COORDINATOR, almaty.coordinator());
        tokens.put(Relation.AUDITOR, almaty.token(Role.AUDITOR, almaty.police));

        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (ConsentGiven consent : ConsentGiven.values()) {
            Scene scene = scene(tokens.get(Relation.LEAD), consent, before, after, ended);
            // Astana's test rate limit is low: each round's requests come from a client of their own.
            tokens.put(
                    Relation.OTHER_NETWORK,
                    TestTokens.tenant("astana")
                            .agency(astana.police)
                            .roles(Role.POLICE_INSPECTOR)
                            .sign());
            for (Relation relation : Relation.values()) {
                Map<Endpoint, Response> answers = new EnumMap<>(Endpoint.class);
                for (Endpoint endpoint : Endpoint.values()) {
                    Response answer = read(tokens.get(relation), endpoint, scene, relation);
                    answers.put(endpoint, answer);
                    checked++;
                    if (answer.statusCode() != status(relation, consent, endpoint)) {
                        wrong.add(consent + " " + relation + " " + endpoint + ": status " + answer.statusCode()
                                + ", expected " + status(relation, consent, endpoint));
                    }
                }
                for (Item item : Item.values()) {
                    Response answer = answers.get(item.endpoint);
                    if (answer.statusCode() != 200) {
                        continue;
                    }
                    checked++;
                    String path = item.path
                            .replace("%referral%", referralOf(scene, relation).toString())
                            .replace("%incident%", scene.incident().toString())
                            .replace("%case%", scene.caseId().toString());
                    boolean shown = answer.jsonPath().get(path) != null;
                    if (shown != shows(relation, consent, item)) {
                        wrong.add(consent + " " + relation + " " + item + ": " + (shown ? "shown" : "hidden")
                                + ", expected " + (shown ? "hidden" : "shown"));
                    }
                }
            }
        }
        assertEquals(List.of(), wrong, wrong.size() + " answers differ from the table");
        assertTrue(checked > 1400, "only " + checked + " answers checked");
    }

    /**
     * Every endpoint of the partner documents that reads case content is in the table above, or is named
     * here with why it carries no survivor data: a new endpoint must take its place in one or the other.
     */
    @Test
    void everyReadingEndpointOfThePartnerDocumentsIsInTheTable() throws IOException {
        Set<String> noSurvivorData = Set.of(
                "/api/v1/agencies",
                "/api/v1/agencies/{id}",
                "/api/v1/directory",
                "/api/v1/risk-questionnaire",
                // Who did what and when, with the categories touched: never the values (DataProtectionTest).
                "/api/v1/audit",
                "/api/v1/audit/verification",
                // The public key of the audit checkpoints (AuditTamperTest).
                "/.well-known/qorgau-audit-signing-key",
                // De-identified figures with small cells withheld (StatisticsTest).
                "/api/v1/statistics/referrals",
                // Ids, states and times only; who hears what is EventReaders' (DisclosureLeaksTest).
                "/api/v1/events",
                "/api/v1/referrals/{id}/actions",
                "/api/v1/webhook-subscriptions",
                "/api/v1/webhook-subscriptions/{id}",
                "/api/v1/webhook-subscriptions/{id}/deliveries",
                // The caller's own network, agency and roles (MeTest).
                "/api/v1/me",
                "/api/v1/vocabulary",
                // The directory as HSDS: agencies and their services, no survivor (HsdsTest).
                "/api/v1/directory/hsds",
                // Ids, states and due times of the referrals waiting on the caller's agency (NeedsActionTest).
                "/api/v1/needs-action",
                // Risk conferences: series, meetings and agendas are ids, districts and times; the chair's queue, a
                // case before a conference, research and plans are for the series' members alone, and the summary
                // shows her data only as far as her consent covers the member (RiskConferenceScenarioTest checks
                // each basis; ConferenceAccessMatrixTest who reads what). The data return is de-identified.
                "/api/v1/conference-series",
                "/api/v1/conference-series/{id}",
                "/api/v1/conference-series/{id}/meetings",
                "/api/v1/conference-series/{id}/cases",
                "/api/v1/conference-series/{id}/overdue-actions",
                "/api/v1/conference-series/{id}/data-return",
                "/api/v1/conference-meetings/{id}",
                "/api/v1/conference-cases/{id}",
                "/api/v1/conference-cases/{id}/summary",
                "/api/v1/conference-cases/{id}/research",
                "/api/v1/conference-cases/{id}/actions",
                // His record, not hers: the network's police alone read it (PerpetratorAccessMatrixTest).
                "/api/v1/perpetrators/{id}",
                // A police unit's own lists of order ids, case ids, numbers and dates.
                "/api/v1/protective-orders/missed-check-ins",
                "/api/v1/protective-orders/court-prompts",
                // Figures over the network, small cells withheld.
                "/api/v1/statistics/repeat-victimisation",
                // Her safe-contact rules and the attempts to reach her: contact data, for the live parties her consent
                // gives her phone or address to and for no one else (SafeContactAccessMatrixTest); what they release
                // of her phone and address is in the table above (SafeContactScenarioTest).
                "/api/v1/cases/{id}/contact-rules",
                "/api/v1/cases/{id}/contact-attempts",
                // Where an agency is, for its own staff alone; a shelter's address as it shares it with one referral's
                // sender (ConfidentialPlacesTest): the agency's data, not hers.
                "/api/v1/agencies/{id}/premises",
                "/api/v1/referrals/{id}/receiver-address",
                // Her children, for the agencies on her case that see her IDENTITY; the minimal notices, for their
                // addressee alone; the coordinators' overdue notices without a child's data (ChildNoticesTest).
                "/api/v1/cases/{id}/children",
                "/api/v1/child-notices",
                "/api/v1/child-notices/{noticeId}",
                "/api/v1/child-notices/overdue",
                // Break-glass: the uses (ids, reasons, times, the opener's note); the emergency view is her risk level,
                // orders' numbers, whether her phone and home are safe and whom to call, never her name, contact
                // data or address (EmergencyAccessTest); the figures per agency.
                "/api/v1/emergency-access",
                "/api/v1/emergency-access/{id}",
                "/api/v1/emergency-access/{id}/case",
                "/api/v1/statistics/emergency-access",
                // A referral's links to its recipient off the platform: states and times, never the url or the code;
                // what the recipient sees of her is its stand-in's shared data, as for any receiver
                // (ExternalRecipientTest).
                "/api/v1/referrals/{id}/external-links",
                // Her own report, for her lead agency alone, which sees all of her anyway: who holds and read her data
                // (DataReportTest, DataReportAccessMatrixTest).
                "/api/v1/cases/{id}/data-report");
        Set<String> inTable = new TreeSet<>();
        for (Endpoint endpoint : Endpoint.values()) {
            inTable.add(endpoint.documented);
        }
        Set<String> documented = new TreeSet<>();
        try (DirectoryStream<Path> documents = Files.newDirectoryStream(Path.of("openapi"), "*.yaml")) {
            for (Path document : documents) {
                if (document.getFileName().toString().startsWith(".")) {
                    continue;
                }
                try (InputStream in = Files.newInputStream(document)) {
                    Map<String, Object> openapi = new Yaml().load(in);
                    @SuppressWarnings("unchecked")
                    Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) openapi.get("paths");
                    paths.forEach((path, operations) -> {
                        if (operations.containsKey("get")) {
                            documented.add(path);
                        }
                    });
                }
            }
        }
        Set<String> unplaced = new TreeSet<>(documented);
        unplaced.removeAll(inTable);
        unplaced.removeAll(noSurvivorData);
        assertEquals(
                Set.of(),
                unplaced,
                "endpoints that read data, in neither the disclosure table nor the list without survivor data");
        Set<String> stale = new TreeSet<>(inTable);
        stale.removeAll(documented);
        assertEquals(Set.of(), stale, "endpoints of the table that no document has");
    }

    private static UUID referralOf(Scene scene, Relation relation) {
        return scene.referralOf().getOrDefault(relation, scene.referralOf().get(Relation.RECEIVER_AFTER_ACCEPT));
    }

    private static Response read(String token, Endpoint endpoint, Scene scene, Relation relation) {
        var request = given().auth().oauth2(token);
        UUID referral = referralOf(scene, relation);
        return switch (endpoint) {
            case CASE -> request.get("/api/v1/cases/" + scene.caseId());
            case SHARED_DATA -> request.get("/api/v1/referrals/" + referral + "/shared-data");
            case RISK_ASSESSMENTS -> request.get("/api/v1/cases/" + scene.caseId() + "/risk-assessments");
            case PROTECTIVE_ORDERS -> request.get("/api/v1/cases/" + scene.caseId() + "/protective-orders");
            case REFERRAL -> request.get("/api/v1/referrals/" + referral);
            case REFERRAL_HISTORY -> request.get("/api/v1/referrals/" + referral + "/history");
            case REFERRAL_LIST ->
                (relation == Relation.COORDINATOR
                                ? request
                                : request.queryParam("direction", relation.receiver() ? "INCOMING" : "OUTGOING"))
                        .queryParam("limit", 100)
                        .queryParam(
                                "updatedSince", Instant.now().minusSeconds(120).toString())
                        .get("/api/v1/referrals");
            case INCIDENT -> request.get("/api/v1/incidents/" + scene.incident());
            case INCIDENT_LIST ->
                request.queryParam("limit", 100)
                        .queryParam(
                                "updatedSince", Instant.now().minusSeconds(120).toString())
                        .get("/api/v1/incidents");
            case TIMELINE -> request.get("/api/v1/cases/" + scene.caseId() + "/timeline");
            case CASE_SEARCH -> request.queryParam("survivorName", NAME).get("/api/v1/cases");
            case MESSAGES -> request.get("/api/v1/referrals/" + referral + "/messages");
            case REFERRAL_DOCUMENTS -> request.get("/api/v1/referrals/" + referral + "/documents");
            case REFERRAL_DOCUMENT ->
                request.get("/api/v1/referrals/" + referral + "/documents/"
                        + scene.documentOf().get(referral) + "/content");
            case CASE_DOCUMENTS -> request.get("/api/v1/cases/" + scene.caseId() + "/documents");
            case CASE_DOCUMENT ->
                request.get("/api/v1/cases/" + scene.caseId() + "/documents/"
                        + scene.documentOf().get(scene.caseId()) + "/content");
        };
    }

    /**
     * A case led by the police, with her data in every field that can hold it, referred to three receivers
     * under the consent: one that has not answered, one that accepted, one that declined.
     */
    private Scene scene(String lead, ConsentGiven consent, UUID before, UUID after, UUID ended) {
        UUID incident = UUID.fromString(given().auth()
                .oauth2(almaty.token(Role.POLICE_DISPATCH, almaty.police))
                .contentType("application/json")
                .body(Map.of(
                        "externalReference",
                        "CAD-" + UUID.randomUUID(),
                        "occurredAt",
                        Instant.now().minus(1, ChronoUnit.HOURS).toString(),
                        "district",
                        "Medeu",
                        "violenceKinds",
                        List.of("PHYSICAL"),
                        "childrenPresent",
                        false,
                        "weaponsInvolved",
                        false,
                        "injuries",
                        true,
                        "description",
                        "She was hit in the kitchen",
                        "persons",
                        List.of(Map.of("role", "VICTIM", "name", NAME, "age", 41))))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        UUID caseId = UUID.fromString(given().auth()
                .oauth2(lead)
                .contentType("application/json")
                .body(Map.of(
                        "survivor",
                        Map.of(
                                "fullName",
                                NAME,
                                "birthDate",
                                "1991-04-02",
                                // Each scene is another woman of the same name and birth date: her IIN tells them
                                // apart.
                                "iin",
                                Flows.nextIin(),
                                "phone",
                                "+7 705 333 21 09",
                                "address",
                                "Almaty, Dostyk ave 44",
                                "email",
                                "g.temirbayeva@mail.example.kz"),
                        "riskLevel",
                        "HIGH",
                        "incidentIds",
                        List.of(incident),
                        "summary",
                        "Years of abuse by her husband"))
                .post("/api/v1/cases")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        Flows.assess(
                        lead,
                        caseId,
                        Map.of(
                                "answers",
                                Flows.answersScoring(lead, 2),
                                "judgementLevel",
                                "EMERGENCY",
                                "judgementReason",
                                "He said he would kill her"))
                .then()
                .statusCode(201);
        UUID order = UUID.fromString(Flows.recordOrder(lead, caseId, Flows.orderBody("PO-" + UUID.randomUUID()))
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        given().auth()
                .oauth2(lead)
                .contentType("application/json")
                .body(Map.of(
                        "occurredAt",
                        Instant.now().minusSeconds(1).toString(),
                        "description",
                        "He waited outside her work"))
                .post("/api/v1/protective-orders/" + order + "/violations")
                .then()
                .statusCode(201);
        UUID consentId = null;
        if (consent != ConsentGiven.NONE_EMERGENCY_EXCEPTION) {
            consentId = UUID.fromString(given().auth()
                    .oauth2(lead)
                    .contentType("application/json")
                    .body(Map.of(
                            "recipientAgencyIds",
                            List.of(before, after, ended),
                            "categories",
                            consent.categories.stream().map(Enum::name).toList(),
                            "method",
                            "WRITTEN"))
                    .post("/api/v1/cases/" + caseId + "/consents")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id"));
        }
        Function<UUID, UUID> refer = receiver -> {
            Map<String, Object> body = new java.util.HashMap<>(Map.of(
                    "caseId",
                    caseId,
                    "receiverAgencyId",
                    receiver,
                    "servicesRequested",
                    List.of("PSYCHOLOGICAL_COUNSELLING"),
                    "note",
                    "She needs to talk tonight",
                    "submit",
                    true));
            if (consent == ConsentGiven.NONE_EMERGENCY_EXCEPTION) {
                body.put("emergencyReason", "Her husband is looking for her");
            }
            return UUID.fromString(given().auth()
                    .oauth2(lead)
                    .contentType("application/json")
                    .body(body)
                    .post("/api/v1/referrals")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id"));
        };
        Map<Relation, UUID> referrals = new EnumMap<>(Relation.class);
        referrals.put(Relation.RECEIVER_BEFORE_ACCEPT, refer.apply(before));
        referrals.put(Relation.RECEIVER_AFTER_ACCEPT, refer.apply(after));
        referrals.put(Relation.RECEIVER_ENDED, refer.apply(ended));
        for (UUID referral : referrals.values()) {
            given().auth()
                    .oauth2(lead)
                    .contentType("application/json")
                    .body(Map.of("text", "Call her only after six; her sister answers before"))
                    .post("/api/v1/referrals/" + referral + "/messages")
                    .then()
                    .statusCode(201);
        }
        // Her court decision (INCIDENT_DETAILS) and a risk report (RISK), on the case and on each referral, all
        // attached by the lead before the receivers answer.
        Map<UUID, UUID> documentOf = new java.util.HashMap<>();
        List<String> holders = new ArrayList<>(List.of("/api/v1/cases/" + caseId));
        referrals.values().forEach(referral -> holders.add("/api/v1/referrals/" + referral));
        for (String holder : holders) {
            for (String category : List.of("INCIDENT_DETAILS", "RISK")) {
                UUID document = UUID.fromString(given().auth()
                        .oauth2(lead)
                        .contentType("application/pdf")
                        .body(("%PDF-1.4\n% " + NAME + "\n%%EOF\n").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .queryParam("kind", "OTHER")
                        .queryParam("category", category)
                        .post(holder + "/documents")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"));
                if (category.equals("INCIDENT_DETAILS")) {
                    documentOf.put(UUID.fromString(holder.substring(holder.lastIndexOf('/') + 1)), document);
                }
            }
        }
        // Her safe-contact rules, every channel safe, read and acknowledged by each receiver given her phone or
        // address: what the table tests is the consent (SafeContactScenarioTest tests the rules).
        Flows.recordContactRules(lead, caseId).then().statusCode(200);
        if (consent.categories.contains(Category.CONTACT) || consent.categories.contains(Category.ADDRESS)) {
            for (String receiver : List.of(
                    almaty.token(Role.NGO_CASEWORKER, before),
                    almaty.token(Role.SOCIAL_WORKER, after),
                    almaty.token(Role.NGO_CASEWORKER, ended))) {
                Flows.acknowledgeContactRules(receiver, caseId).then().statusCode(200);
            }
        }
        Flows.fire(
                        almaty.token(Role.SOCIAL_WORKER, after),
                        referrals.get(Relation.RECEIVER_AFTER_ACCEPT),
                        "ACCEPT",
                        Map.of("note", "We will call her sister first"))
                .then()
                .statusCode(200);
        Flows.fire(
                        almaty.token(Role.NGO_CASEWORKER, ended),
                        referrals.get(Relation.RECEIVER_ENDED),
                        "DECLINE",
                        Map.of("reasonCode", "OTHER", "note", "She lives outside our district"))
                .then()
                .statusCode(200);
        if (consent == ConsentGiven.ALL_THEN_WITHDRAWN) {
            given().auth()
                    .oauth2(lead)
                    .post("/api/v1/cases/" + caseId + "/consents/" + consentId + "/withdrawal")
                    .then()
                    .statusCode(200);
        }
        return new Scene(caseId, incident, referrals, documentOf);
    }
}
