package kz.qorgau.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The partner documents under openapi/ are what the code produces. After changing the API, refresh them
 * with {@code ./mvnw test -Dtest=PartnerDocumentsTest -Dopenapi.update=true} and review the diff.
 */
@QuarkusTest
public class PartnerDocumentsTest {

    public static final List<String> DOCUMENTS = List.of(
            "police-dispatch",
            "police-inspector",
            "social-protection",
            "ngo-portal",
            "administration",
            "schools",
            "hotline");

    private static String served(String document, String format) {
        return given().queryParam("format", format)
                .get("/q/openapi-" + document)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    @Test
    void committedDocumentsAreWhatTheCodeProduces() throws IOException {
        List<String> stale = new ArrayList<>();
        for (String document : DOCUMENTS) {
            Path committed = Path.of("openapi", document + ".yaml");
            String current = served(document, "yaml");
            if (Boolean.getBoolean("openapi.update")) {
                Files.writeString(committed, current);
            } else if (!Files.exists(committed) || !Files.readString(committed).equals(current)) {
                stale.add(committed.toString());
            }
        }
        assertEquals(
                List.of(),
                stale,
                "stale partner documents; refresh them with "
                        + "./mvnw test -Dtest=PartnerDocumentsTest -Dopenapi.update=true");
    }

    /** "METHOD path" of every operation of a document. */
    private static TreeSet<String> operations(String document) {
        Map<String, Map<String, Object>> paths =
                JsonPath.from(served(document, "json")).getMap("paths");
        TreeSet<String> operations = new TreeSet<>();
        paths.forEach((path, methods) ->
                methods.keySet().forEach(method -> operations.add(method.toUpperCase() + " " + path)));
        return operations;
    }

    @Test
    void policeDispatchGetsTheIncidentOperationsItsChangeFeedWhoItIsAndThePerpetratorsOnly() {
        assertEquals(
                new TreeSet<>(List.of(
                        "GET /api/v1/events",
                        "GET /api/v1/me",
                        "GET /api/v1/vocabulary",
                        "GET /api/v1/incidents",
                        "GET /api/v1/incidents/{id}",
                        "POST /api/v1/incidents",
                        // A dispatcher reads the record of the man a call names (a weapon, an order).
                        "GET /api/v1/perpetrators/{id}",
                        // As every caller may: the network's agencies and the directory of their services.
                        "GET /api/v1/agencies",
                        "GET /api/v1/agencies/{id}",
                        "GET /api/v1/directory",
                        "GET /api/v1/directory/hsds")),
                operations("police-dispatch"));
    }

    @Test
    void ngoPortalGetsReferralWorkButNeitherIncidentsNorAgencyAdministration() {
        TreeSet<String> ngo = operations("ngo-portal");
        assertTrue(ngo.contains("GET /api/v1/referrals"), ngo.toString());
        assertTrue(ngo.contains("POST /api/v1/referrals/{id}/transitions"), ngo.toString());
        assertTrue(ngo.contains("PUT /api/v1/agencies/{id}/directory-entry"), ngo.toString());
        // A child's presence at an incident is the case's record, not the incident's.
        assertTrue(ngo.stream().noneMatch(op -> op.contains(" /api/v1/incidents")), ngo.toString());
        assertTrue(
                !ngo.contains("POST /api/v1/agencies")
                        && !ngo.contains("POST /api/v1/cases/{caseId}/protective-orders"),
                ngo.toString());
    }

    @Test
    void administrationGetsAgencyAndChecklistManagementButNoCaseWork() {
        TreeSet<String> admin = operations("administration");
        assertTrue(
                admin.containsAll(List.of(
                        "POST /api/v1/agencies", "PATCH /api/v1/agencies/{id}", "POST /api/v1/risk-questionnaire")),
                admin.toString());
        // An agency's admin shares out its work (who holds a referral), but sends and answers none.
        assertTrue(
                admin.stream().noneMatch(op -> op.startsWith("POST /api/v1/referrals") && !op.endsWith("/assignment")),
                admin.toString());
    }

    @Test
    void everyOperationBelongsToAtLeastOnePartnerDocument() {
        TreeSet<String> all = operations("police-dispatch");
        DOCUMENTS.forEach(document -> all.addAll(operations(document)));
        Map<String, Map<String, Object>> paths = JsonPath.from(
                        given().queryParam("format", "json").get("/q/openapi").asString())
                .getMap("paths");
        TreeSet<String> everything = new TreeSet<>();
        paths.forEach((path, methods) -> methods.keySet().forEach(m -> everything.add(m.toUpperCase() + " " + path)));
        everything.removeAll(all);
        assertEquals(new TreeSet<>(), everything);
    }

    @Test
    void swaggerUiListsTheFiveDocuments() {
        String page = given().get("/q/swagger-ui/index.html")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        DOCUMENTS.forEach(document -> assertTrue(page.contains("/q/openapi-" + document), document));
        // Authorize logs a person in with the demo realm's public client, by authorization code with PKCE, and the
        // page may talk to the realm's Keycloak for it.
        String policy = given().get("/q/swagger-ui/index.html").header("Content-Security-Policy");
        assertTrue(policy.contains("connect-src 'self' http://127.0.0.1:8180;"), policy);
        assertTrue(
                page.contains("clientId: 'qorgau-swagger'") || page.contains("\"clientId\":\"qorgau-swagger\""), page);
        assertTrue(
                page.contains("usePkceWithAuthorizationCodeGrant: true")
                        || page.contains("\"usePkceWithAuthorizationCodeGrant\":true"),
                page);
    }

    /**
     * What a partner reads: every parameter says what it means, every error it will meet shows an example,
     * the document names its server, and none of the scan's own marks is left in it.
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyParameterIsDescribedEveryErrorHasAnExampleAndNoInternalKeyIsLeft() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String document : DOCUMENTS) {
            String text = Files.readString(Path.of("openapi", document + ".yaml"));
            if (text.contains("x-smallrye")) {
                missing.add(document + ": x-smallrye key");
            }
            JsonPath json = JsonPath.from(served(document, "json"));
            if (!"/".equals(json.getString("servers[0].url"))) {
                missing.add(document + ": servers");
            }
            Map<String, Map<String, Object>> shared = json.getMap("components.responses");
            Map<String, Map<String, Map<String, Object>>> paths = json.getMap("paths");
            paths.forEach((path, methods) -> methods.forEach((method, operation) -> {
                String where = document + " " + method.toUpperCase() + " " + path;
                List<Map<String, Object>> parameters = (List<Map<String, Object>>) operation.get("parameters");
                if (parameters != null) {
                    parameters.stream()
                            .filter(p -> p.get("$ref") == null
                                    && String.valueOf(p.get("description")).length() < 10)
                            .forEach(p -> missing.add(where + " parameter " + p.get("name")));
                }
                ((Map<String, Map<String, Object>>) operation.get("responses")).forEach((status, response) -> {
                    if (!status.startsWith("4")) {
                        return;
                    }
                    Object ref = response.get("$ref");
                    Map<String, Object> answer = ref == null
                            ? response
                            : shared.get(String.valueOf(ref).replace("#/components/responses/", ""));
                    if (answer == null || !String.valueOf(answer.get("content")).contains("example=")) {
                        missing.add(where + " " + status + " example");
                    }
                });
            }));
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void systemsGetClientCredentialsAndPeopleAnAuthorizationCodeFlow() {
        Map<String, List<String>> flows = new LinkedHashMap<>();
        for (String document : DOCUMENTS) {
            flows.put(document, flowsOf(served(document, "json")));
        }
        flows.put(
                "the whole API",
                flowsOf(given().queryParam("format", "json")
                        .get("/q/openapi")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString()));
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("police-dispatch", List.of("clientCredentials"));
        expected.put("police-inspector", List.of("authorizationCode"));
        expected.put("social-protection", List.of("authorizationCode", "clientCredentials"));
        expected.put("ngo-portal", List.of("clientCredentials"));
        expected.put("administration", List.of("authorizationCode"));
        expected.put("schools", List.of("authorizationCode"));
        expected.put("hotline", List.of("authorizationCode"));
        expected.put("the whole API", List.of("authorizationCode", "clientCredentials"));
        assertEquals(expected, flows);

        JsonPath dispatch = JsonPath.from(served("police-dispatch", "json"));
        assertTrue(dispatch.getString("components.securitySchemes.SecurityScheme.flows.clientCredentials.tokenUrl")
                .endsWith("/protocol/openid-connect/token"));
        JsonPath inspector = JsonPath.from(served("police-inspector", "json"));
        assertTrue(inspector
                .getString("components.securitySchemes.SecurityScheme.flows.authorizationCode.authorizationUrl")
                .endsWith("/protocol/openid-connect/auth"));
    }

    /** The OAuth2 flows a document's one security scheme offers, in name order; none unless it is OAuth2. */
    private static List<String> flowsOf(String json) {
        JsonPath document = JsonPath.from(json);
        if (!"oauth2".equals(document.getString("components.securitySchemes.SecurityScheme.type"))) {
            return List.of();
        }
        Map<String, Object> flows = document.getMap("components.securitySchemes.SecurityScheme.flows");
        return flows.keySet().stream().sorted().toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationShowsAnExampleOfItsRequestAndItsSuccess() {
        List<String> missing = new ArrayList<>();
        for (String document : DOCUMENTS) {
            Map<String, Map<String, Map<String, Object>>> paths =
                    JsonPath.from(served(document, "json")).getMap("paths");
            paths.forEach((path, methods) -> methods.forEach((method, operation) -> {
                String where = document + " " + method.toUpperCase() + " " + path;
                Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
                if (body != null && !body.toString().contains("example=")) {
                    missing.add(where + " request");
                }
                Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
                responses.forEach((status, response) -> {
                    if (status.startsWith("2")
                            && ((Map<String, Object>) response).containsKey("content")
                            && !response.toString().contains("example=")) {
                        missing.add(where + " " + status);
                    }
                });
            }));
        }
        assertEquals(List.of(), missing);
    }
}
