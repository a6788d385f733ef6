package kz.qorgau.fuzz;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.Method;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import kz.qorgau.security.Role;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import kz.qorgau.support.TestTokens;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Sends every operation of every committed partner document generated requests, valid and hostile, with
 * the tokens of every role (and of another network). Every answer must be a 2xx or a 4xx problem detail
 * the document declares for the operation: never a 5xx, an undeclared status, or a body naming a class,
 * a Java package or SQL. A request the document refuses whoever sends it (a value of the wrong type or out
 * of its bounds, a required field missing, an unknown field, malformed JSON, another media type, an
 * oversize body) must be answered with a 4xx: taking it is a defect.
 *
 * <p>The generators are jqwik arbitraries built from the documents' schemas, run from a fixed seed so a
 * failure repeats. {@code ./mvnw verify} sends {@value #DEFAULT_PER_OPERATION} requests per operation;
 * {@code ./mvnw verify -Pfuzz-long} sends many more, with {@code -Dqorgau.fuzz.seed=} for another sequence.
 */
@QuarkusTest
class PartnerDocumentFuzzTest {

    private static final int DEFAULT_PER_OPERATION = 60;
    private static final long SEED = Long.getLong("qorgau.fuzz.seed", 20261125L);
    private static final int PER_OPERATION =
            Integer.getInteger("qorgau.fuzz.requests-per-operation", DEFAULT_PER_OPERATION);
    /** A Java exception's class name; a field named like emergencyException is the API's own word. */
    private static final java.util.regex.Pattern EXCEPTION_CLASS =
            java.util.regex.Pattern.compile("\\b([A-Z]\\w*)?Exception\\b");

    private static final List<String> LEAK_MARKERS = List.of(
            "java.",
            "javax.",
            "jakarta.",
            "kz.qorgau",
            "org.hibernate",
            "io.quarkus",
            "io.vertx",
            "com.fasterxml",
            "SQLState",
            "PSQL",
            "ERROR:",
            "\tat ");
    private static final int OVERSIZE_THRESHOLD = 262_144;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Map<String, Integer>> STATUSES_BY_OPERATION = new TreeMap<>();

    @TestFactory
    Stream<DynamicTest> everyOperationOfEveryPartnerDocument() {
        FuzzWorld world = FuzzWorld.create();
        return DocumentedOperation.load(Path.of("openapi")).stream()
                .map(operation -> DynamicTest.dynamicTest(
                        operation.id() + " (" + String.join(", ", operation.documents()) + ")",
                        () -> fuzz(operation, world)));
    }

    private static void fuzz(DocumentedOperation operation, FuzzWorld world) {
        // Generation outside a jqwik property needs a session; the seed comes from our own Random.
        JqwikSession.start();
        try {
            fuzzInSession(operation, world);
        } finally {
            JqwikSession.finish();
        }
    }

    private static void fuzzInSession(DocumentedOperation operation, FuzzWorld world) {
        Arbitrary<FuzzRequest> requests = new RequestGenerator(operation, world).requests();
        RandomGenerator<FuzzRequest> generator = requests.generator(1000, true);
        Random random = new Random(SEED ^ operation.id().hashCode());
        Map<String, String> failures = new LinkedHashMap<>();
        Map<String, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < PER_OPERATION; i++) {
            FuzzRequest request = generator.next(random).value();
            Response response = send(request, world);
            int status = response.statusCode();
            statuses.merge(status + " " + request.mutation(), 1, Integer::sum);
            String defect = RequestGenerator.REFUSED.contains(request.mutation()) && status < 400
                    ? "took a request its document refuses (" + request.mutation() + "), answering " + status
                    : defectOf(operation, status, response);
            if (defect != null) {
                failures.putIfAbsent(defect, request.describe());
            }
        }
        synchronized (STATUSES_BY_OPERATION) {
            STATUSES_BY_OPERATION.put(operation.id(), statuses);
        }
        assertTrue(
                failures.isEmpty(),
                () -> operation.id() + ": " + failures.size() + " kinds of defect\n"
                        + failures.entrySet().stream()
                                .map(f -> "  " + f.getKey() + "\n    after " + f.getValue())
                                .reduce("", (a, b) -> a + b + "\n"));
    }

    private static Response send(FuzzRequest request, FuzzWorld world) {
        // Media types go out exactly as generated, without a charset REST Assured would otherwise append.
        RequestSpecification spec = given().config(RestAssured.config()
                        .encoderConfig(EncoderConfig.encoderConfig()
                                .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .urlEncodingEnabled(false)
                .auth()
                .oauth2(world.tokens().get(request.caller()));
        request.headers().forEach(spec::header);
        if (request.body() != null) {
            spec.contentType(request.contentType());
            // REST Assured encodes a form body itself, from text only.
            if (request.contentType().startsWith("application/x-www-form-urlencoded")) {
                spec.body(request.body());
            } else {
                spec.body(request.body().getBytes(StandardCharsets.UTF_8));
            }
            // The service refuses an oversize body before reading it and closes the connection; a client that
            // asks first (as large uploads should) reads the refusal instead of writing into a closed socket.
            if (request.body().length() > OVERSIZE_THRESHOLD) {
                spec.header("Expect", "100-continue");
            }
        }
        return spec.request(Method.valueOf(request.method().toUpperCase()), request.url());
    }

    /** What is wrong with the answer, in words that group like defects together; null if nothing. */
    private static String defectOf(DocumentedOperation operation, int status, Response response) {
        if (status >= 500) {
            return "answered " + status + ": "
                    + response.asString().lines().findFirst().orElse("");
        }
        if (!operation.declares(status)) {
            return "answered " + status + ", which the document does not declare: "
                    + response.asString().lines().findFirst().orElse("");
        }
        if (status < 400) {
            return null;
        }
        String body = response.asString();
        if (!String.valueOf(response.contentType()).startsWith("application/problem+json")) {
            return "answered " + status + " as " + response.contentType() + ", not a problem detail: "
                    + body.lines().findFirst().orElse("");
        }
        java.util.regex.Matcher exception = EXCEPTION_CLASS.matcher(body);
        if (exception.find()) {
            return "answered " + status + " with a body that names an exception (" + exception.group() + "): " + body;
        }
        for (String marker : LEAK_MARKERS) {
            if (body.contains(marker)) {
                return "answered " + status + " with a body that shows \"" + marker + "\": " + body;
            }
        }
        try {
            JsonNode problem = JSON.readTree(body);
            if (problem.path("status").asInt() != status
                    || !problem.path("type").asText().startsWith("urn:qorgau:problem:")
                    || problem.path("title").asText().isEmpty()) {
                return "answered " + status + " with a malformed problem detail: " + body;
            }
        } catch (IOException unreadable) {
            return "answered " + status + " with a problem detail that is not JSON: " + body;
        }
        return null;
    }

    /**
     * The fuzz may publish checklists of its own making; the networks get the default checklist back, so
     * that the tests after it score assessments against the questions they expect. (After the factory:
     * REST Assured still points at the service then.)
     */
    @org.junit.jupiter.api.AfterEach
    void restoreTheDefaultChecklist() throws IOException {
        String checklist = new String(
                PartnerDocumentFuzzTest.class
                        .getResourceAsStream("/risk/default-questionnaire.json")
                        .readAllBytes(),
                StandardCharsets.UTF_8);
        for (String tenant : List.of("almaty", "astana")) {
            given().auth()
                    .oauth2(Network.coordinatorToken(tenant))
                    .contentType("application/json")
                    .body(checklist)
                    .post("/api/v1/risk-questionnaire")
                    .then()
                    .statusCode(201);
        }
    }

    @AfterAll
    static void report() throws IOException {
        StringBuilder report = new StringBuilder("# Fuzz suite: requests sent per operation (seed " + SEED + ")\n\n"
                + "| operation | requests | answers (status and kind of request: count) |\n| --- | --- | --- |\n");
        int total = 0;
        for (Map.Entry<String, Map<String, Integer>> operation : STATUSES_BY_OPERATION.entrySet()) {
            int sent = operation.getValue().values().stream()
                    .mapToInt(Integer::intValue)
                    .sum();
            total += sent;
            report.append("| ")
                    .append(operation.getKey())
                    .append(" | ")
                    .append(sent)
                    .append(" | ")
                    .append(operation
                            .getValue()
                            .toString()
                            .replace("{", "")
                            .replace("}", "")
                            .replace("=", ": "))
                    .append(" |\n");
        }
        report.append("\n").append(total).append(" requests in all.\n");
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/fuzz-report.md"), report);
    }

    /** The objects the requests aim at, made once through the API, and a token of every role. */
    record FuzzWorld(
            Map<String, List<String>> idsByPath,
            Map<String, List<String>> idsByName,
            Map<String, String> ifMatchByPath,
            Map<String, String> tokens)
            implements RequestGenerator.World {

        static FuzzWorld create() {
            Network almaty = Network.of("almaty");
            String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
            UUID incident = Flows.incident(almaty.token(Role.POLICE_DISPATCH, almaty.police));
            UUID caseId = Flows.caseFile(inspector, incident);
            String consent = Flows.recordConsent(inspector, caseId, almaty.socialProtection, almaty.crisisCentre)
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            UUID referral = Flows.referral(inspector, caseId, almaty.socialProtection);
            String order = Flows.recordOrder(
                            inspector,
                            caseId,
                            Flows.orderBody("PO-" + UUID.randomUUID().toString().substring(0, 8)))
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            String subscription = given().auth()
                    .oauth2(almaty.token(almaty.police, Role.AGENCY_ADMIN, Role.POLICE_INSPECTOR))
                    .contentType("application/json")
                    .body(Map.of("url", "http://127.0.0.1:9/hook", "eventTypes", List.of("referral.submitted")))
                    .post("/api/v1/webhook-subscriptions")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            List<String> agencies = List.of(
                    almaty.police.toString(), almaty.socialProtection.toString(), almaty.crisisCentre.toString());

            Map<String, List<String>> byPath = new LinkedHashMap<>();
            byPath.put("/api/v1/agencies/", agencies);
            byPath.put("/api/v1/cases/", List.of(caseId.toString()));
            byPath.put("/api/v1/referrals/", List.of(referral.toString()));
            byPath.put("/api/v1/incidents/", List.of(incident.toString()));
            byPath.put("/api/v1/protective-orders/", List.of(order));
            byPath.put("/api/v1/webhook-subscriptions/", List.of(subscription));
            Map<String, List<String>> byName = new LinkedHashMap<>();
            byName.put("consentId", List.of(consent));
            byName.put("caseId", List.of(caseId.toString()));
            byName.put("receiverAgencyId", agencies);
            byName.put("recipientAgencyIds", agencies);
            byName.put("agencyId", agencies);
            byName.put("incidentIds", List.of(incident.toString()));
            byName.put("recordId", List.of(caseId.toString(), referral.toString()));

            Map<String, String> ifMatch = new LinkedHashMap<>();
            ifMatch.put("/api/v1/referrals/", Flows.etag(inspector, referral));
            ifMatch.put(
                    "/api/v1/cases/",
                    given().auth()
                            .oauth2(inspector)
                            .get("/api/v1/cases/" + caseId)
                            .then()
                            .statusCode(200)
                            .extract()
                            .header("ETag"));
            ifMatch.put(
                    "/api/v1/agencies/",
                    given().auth()
                            .oauth2(almaty.coordinator())
                            .get("/api/v1/agencies/" + almaty.police)
                            .then()
                            .statusCode(200)
                            .extract()
                            .header("ETag"));

            Map<String, String> tokens = new LinkedHashMap<>();
            for (Role role : Role.values()) {
                tokens.put(role + " of the police", almaty.token(role, almaty.police));
                tokens.put(role + " of social protection", almaty.token(role, almaty.socialProtection));
                tokens.put(role + " of the crisis centre", almaty.token(role, almaty.crisisCentre));
            }
            tokens.put(
                    "POLICE_INSPECTOR of another network",
                    TestTokens.tenant("astana")
                            .agency(UUID.randomUUID())
                            .roles(Role.POLICE_INSPECTOR)
                            .sign());
            return new FuzzWorld(byPath, byName, ifMatch, tokens);
        }

        @Override
        public Arbitrary<String> idFor(String path, String parameter) {
            if (idsByName.containsKey(parameter)) {
                return Arbitraries.of(idsByName.get(parameter));
            }
            return idsByPath.entrySet().stream()
                    .filter(e -> path.startsWith(e.getKey()))
                    .findFirst()
                    .map(e -> Arbitraries.of(e.getValue()))
                    .orElseGet(() -> Arbitraries.create(UUID::randomUUID).map(UUID::toString));
        }

        @Override
        public Arbitrary<String> idsFor(String property) {
            List<String> ids = idsByName.get(property);
            if (ids != null) {
                return Arbitraries.of(ids);
            }
            List<String> all = new ArrayList<>();
            idsByPath.values().forEach(all::addAll);
            return Arbitraries.of(all);
        }

        @Override
        public String ifMatchFor(String path) {
            return ifMatchByPath.entrySet().stream()
                    .filter(e -> path.startsWith(e.getKey()))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse("\"0\"");
        }
    }
}
