package kz.qorgau.support;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The calls a hand-off is made of, as small builders, so scenario tests read as the scenario. */
public final class Flows {

    private Flows() {}

    public static String incidentBody(String externalReference) {
        return """
                {"externalReference": %s, "occurredAt": "%s", "district": "Almaly",
                 "violenceKinds": ["PHYSICAL", "THREATS"], "childrenPresent": true, "weaponsInvolved": false,
                 "injuries": true, "description": "Neighbours called about screaming",
                 "persons": [{"role": "VICTIM", "name": "A. S.", "age": 34}, {"role": "CHILD", "age": 6}]}
                """.formatted(
                        externalReference == null ? "null" : "\"" + externalReference + "\"",
                        Instant.now().minus(2, ChronoUnit.HOURS));
    }

    public static Response reportIncident(String token, String externalReference) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(incidentBody(externalReference))
                .post("/api/v1/incidents");
    }

    public static UUID incident(String token) {
        return UUID.fromString(reportIncident(token, "CAD-" + UUID.randomUUID())
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
    }

    /**
     * A case for a survivor of her own: each call gives her another IIN, so that the network does not take the many
     * cases tests open for "Aigerim Sultanova" to be one woman's second case.
     */
    public static String openCaseBody(UUID... incidents) {
        String ids =
                java.util.Arrays.stream(incidents).map(i -> "\"" + i + "\"").collect(Collectors.joining(","));
        return """
                {"survivor": {"fullName": "Aigerim Sultanova", "birthDate": "1991-04-02", "iin": "%s",
                              "phone": "+7 701 555 12 12", "address": "Almaty, Abay ave 10, apt 5",
                              "email": "aigerim.s@mail.example.kz"},
                 "riskLevel": "HIGH", "incidentIds": [%s], "summary": "Repeated assaults by partner"}
                """.formatted(nextIin(), ids);
    }

    private static final java.util.concurrent.atomic.AtomicInteger SERIAL =
            new java.util.concurrent.atomic.AtomicInteger(new java.util.Random().nextInt(5000));

    /** A valid IIN of a woman born on 2 April 1991, a new one at each call (10,000 before they repeat). */
    public static String nextIin() {
        return iinFor(java.time.LocalDate.of(1991, 4, 2));
    }

    /** A valid IIN of a woman born in the 1900s on that day, a new one at each call. */
    public static String iinFor(java.time.LocalDate birthDate) {
        String born = birthDate.format(java.time.format.DateTimeFormatter.ofPattern("yyMMdd")) + "4";
        while (true) {
            String first = born + String.format("%04d", SERIAL.getAndIncrement() % 10_000);
            int check = iinCheck(first, new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
            if (check == 10) {
                check = iinCheck(first, new int[] {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2});
            }
            if (check != 10) {
                return first + check;
            }
        }
    }

    private static int iinCheck(String first, int[] weights) {
        int sum = 0;
        for (int i = 0; i < 11; i++) {
            sum += (first.charAt(i) - '0') * weights[i];
        }
        return sum % 11;
    }

    public static Response openCase(String token, UUID... incidents) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(openCaseBody(incidents))
                .post("/api/v1/cases");
    }

    public static UUID caseFile(String token, UUID... incidents) {
        return UUID.fromString(
                openCase(token, incidents).then().statusCode(201).extract().path("id"));
    }

    /** A case of the given risk level (EMERGENCY, HIGH, ROUTINE): its referrals take that priority. */
    public static UUID caseFileAtRisk(String token, String riskLevel) {
        return UUID.fromString(given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(openCaseBody().replace("\"HIGH\"", "\"" + riskLevel + "\""))
                .post("/api/v1/cases")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
    }

    public static Response recordConsent(String token, UUID caseId, UUID... recipients) {
        String ids =
                java.util.Arrays.stream(recipients).map(i -> "\"" + i + "\"").collect(Collectors.joining(","));
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("""
                        {"recipientAgencyIds": [%s], "categories": ["IDENTITY", "CONTACT", "INCIDENT_DETAILS"],
                         "method": "WRITTEN"}
                        """.formatted(ids))
                .post("/api/v1/cases/" + caseId + "/consents");
    }

    public static Response refer(String token, UUID caseId, UUID receiver, boolean submit) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("""
                        {"caseId": "%s", "receiverAgencyId": "%s", "servicesRequested": ["PSYCHOLOGICAL_COUNSELLING"],
                         "note": "Needs a safe place tonight with her son", "submit": %s}
                        """.formatted(caseId, receiver, submit))
                .post("/api/v1/referrals");
    }

    public static UUID referral(String token, UUID caseId, UUID receiver) {
        return UUID.fromString(refer(token, caseId, receiver, true)
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
    }

    /** The person the referral is given to, as the caller reads it. */
    public static String readAssignee(String token, UUID referral) {
        return given().auth()
                .oauth2(token)
                .get("/api/v1/referrals/" + referral)
                .then()
                .statusCode(200)
                .extract()
                .path("assignee");
    }

    public static String etag(String token, UUID referral) {
        return given().auth()
                .oauth2(token)
                .get("/api/v1/referrals/" + referral)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    /** Fires an action at the version the caller reads first; extra fields go into the body as given. */
    public static Response fire(String token, UUID referral, String action, Map<String, Object> extra) {
        return fireAt(token, referral, etag(token, referral), action, extra);
    }

    public static Response fire(String token, UUID referral, String action) {
        return fire(token, referral, action, Map.of());
    }

    public static Response fireAt(String token, UUID referral, String etag, String action, Map<String, Object> extra) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(extra);
        body.put("action", action);
        var request =
                given().auth().oauth2(token).contentType("application/json").body(body);
        if (etag != null) {
            request.header("If-Match", etag);
        }
        return request.post("/api/v1/referrals/" + referral + "/transitions");
    }

    /** Answers to the network's current checklist: YES to the first one-point questions, NO to the rest. */
    public static Map<String, String> answersScoring(String token, int score) {
        List<Map<String, Object>> questions = given().auth()
                .oauth2(token)
                .get("/api/v1/risk-questionnaire")
                .then()
                .statusCode(200)
                .extract()
                .path("definition.questions");
        Map<String, String> answers = new java.util.LinkedHashMap<>();
        int left = score;
        for (Map<String, Object> question : questions) {
            @SuppressWarnings("unchecked")
            Map<String, Integer> weights = (Map<String, Integer>) question.get("weights");
            boolean yes = left > 0 && Integer.valueOf(1).equals(weights.get("YES"));
            answers.put((String) question.get("id"), yes ? "YES" : "NO");
            left -= yes ? 1 : 0;
        }
        return answers;
    }

    public static Response assess(String token, UUID caseId, Map<String, ?> body) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(body)
                .post("/api/v1/cases/" + caseId + "/risk-assessments");
    }

    public static String orderBody(String number) {
        return """
                {"number": "%s", "kind": "POLICE_PROTECTIVE_ORDER", "issuingAuthority": "Almaly district police department",
                 "issuedOn": "%s", "expiresOn": "%s",
                 "conditions": [{"type": "NO_CONTACT"}, {"type": "STAY_AWAY_FROM_PLACES", "text": "Her home and her work"}]}
                """.formatted(
                number,
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Almaty")),
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Almaty")).plusDays(30));
    }

    public static Response recordOrder(String token, UUID caseId, String body) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(body)
                .post("/api/v1/cases/" + caseId + "/protective-orders");
    }

    /** Replaces the agency's directory entry at its current version (If-Match with the ETag the caller reads). */
    public static Response directoryEntry(String token, UUID agency, String district, int freePlaces) {
        String etag =
                given().auth().oauth2(token).get("/api/v1/agencies/" + agency).header("ETag");
        return given().auth()
                .oauth2(token)
                .header("If-Match", etag == null ? "\"0\"" : etag)
                .contentType("application/json")
                .body("""
                        {"services": ["SHELTER", "PSYCHOLOGICAL_COUNSELLING"], "districts": ["%s"],
                         "languages": ["kk", "ru"], "hours": "24/7", "freePlaces": %d, "acceptingReferrals": true}
                        """.formatted(district, freePlaces))
                .put("/api/v1/agencies/" + agency + "/directory-entry");
    }

    /** Safe-contact rules: the phone safe on weekdays 09:00-18:00 when phoneSafe, a home visit never, letters any time. */
    public static String contactRulesBody(boolean phoneSafe) {
        String phone = phoneSafe
                ? "\"safe\": true, \"days\": [\"MONDAY\", \"TUESDAY\", \"WEDNESDAY\", \"THURSDAY\", \"FRIDAY\"],"
                        + " \"from\": \"09:00\", \"until\": \"18:00\""
                : "\"safe\": false";
        return """
                {"channels": [
                   {"channel": "PHONE_CALL", %s},
                   {"channel": "SMS", "safe": false},
                   {"channel": "MESSENGER", "safe": false},
                   {"channel": "EMAIL", "safe": false},
                   {"channel": "HOME_VISIT", "safe": false},
                   {"channel": "LETTER", "safe": true}],
                 "safeWord": "tulip", "mustNotKnow": ["Her husband Marat"], "language": "KAZAKH"}
                """.formatted(phone);
    }

    /** Records her rules (every channel safe at any time, so that what a test reads is not the rules' doing). */
    public static Response recordContactRules(String token, UUID caseId) {
        String current = given().auth()
                .oauth2(token)
                .get("/api/v1/cases/" + caseId + "/contact-rules")
                .header("ETag");
        var request = given().auth().oauth2(token).contentType("application/json");
        if (current != null) {
            request = request.header("If-Match", current);
        }
        return request.body("""
                        {"channels": [{"channel": "PHONE_CALL", "safe": true}, {"channel": "SMS", "safe": true},
                           {"channel": "MESSENGER", "safe": true}, {"channel": "EMAIL", "safe": true},
                           {"channel": "HOME_VISIT", "safe": true}, {"channel": "LETTER", "safe": true}],
                         "language": "RUSSIAN"}""").put("/api/v1/cases/" + caseId + "/contact-rules");
    }

    /** The caller's agency reads her current rules and acknowledges them. */
    public static Response acknowledgeContactRules(String token, UUID caseId) {
        int version = given().auth()
                .oauth2(token)
                .get("/api/v1/cases/" + caseId + "/contact-rules")
                .then()
                .statusCode(200)
                .extract()
                .path("version");
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Map.of("version", version))
                .post("/api/v1/cases/" + caseId + "/contact-rules/acknowledgements");
    }
}
