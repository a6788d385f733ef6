package kz.qorgau.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Method;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.security.Role;
import kz.qorgau.support.Network;
import org.junit.jupiter.api.Test;

/**
 * Each partner document lists only operations its partner may call. A system's partner is its realm client
 * (the roles of the client's service account in the demo realm); the people's documents are for the people
 * of their roles. Every operation is called as that partner, with the document's own example body and
 * unknown ids: a 403 means the document offers the partner a function it does not have.
 */
@QuarkusTest
class PartnerAudienceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The roles of the people each people's document is for. */
    private static final Map<String, List<Role>> PEOPLE = Map.of(
            "police-inspector", List.of(Role.POLICE_INSPECTOR),
            "social-protection", List.of(Role.SOCIAL_WORKER),
            "administration", List.of(Role.AGENCY_ADMIN, Role.COORDINATOR, Role.AUDITOR),
            "schools", List.of(Role.SAFEGUARDING_LEAD),
            "hotline", List.of(Role.HOTLINE_OPERATOR));

    /** The realm clients whose systems each system's document is for. */
    private static final Map<String, String> SYSTEMS =
            Map.of("police-dispatch", "police-dispatch", "ngo-portal", "ngo-portal");

    private static final List<String> DOCUMENTS = List.of(
            "police-dispatch",
            "police-inspector",
            "social-protection",
            "ngo-portal",
            "administration",
            "schools",
            "hotline");

    /** One operation of a document: its method and path template. */
    private record Operation(String method, String path, String id) {

        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    /** A document's partner: a token for each of its roles (or its client), and the agency each acts for. */
    private record Partner(Map<String, String> tokens, Map<String, UUID> agencies) {}

    private static List<Operation> operations(String document) throws Exception {
        List<Operation> operations = new ArrayList<>();
        new ObjectMapper(new YAMLFactory())
                .readTree(Files.readString(Path.of("openapi", document + ".yaml")))
                .path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
                    if (List.of("get", "post", "put", "patch", "delete").contains(operation.getKey())) {
                        operations.add(new Operation(
                                operation.getKey(),
                                path.getKey(),
                                operation.getValue().path("operationId").asText()));
                    }
                }));
        return operations;
    }

    private static Partner partner(Network almaty, JsonNode realm, String document) {
        Map<String, String> tokens = new LinkedHashMap<>();
        Map<String, UUID> agencies = new LinkedHashMap<>();
        if (SYSTEMS.containsKey(document)) {
            Role[] roles = serviceAccountRoles(realm, SYSTEMS.get(document));
            tokens.put("client " + SYSTEMS.get(document), almaty.token(agencyOf(almaty, roles[0]), roles));
            agencies.put("client " + SYSTEMS.get(document), agencyOf(almaty, roles[0]));
        } else {
            for (Role role : PEOPLE.get(document)) {
                tokens.put(
                        role.tokenName(),
                        role.actsForAnAgency() ? almaty.token(role, agencyOf(almaty, role)) : almaty.tenantWide(role));
                agencies.put(role.tokenName(), agencyOf(almaty, role));
            }
        }
        return new Partner(tokens, agencies);
    }

    /** Whether one of the partner's roles passes the operation's role check: anything but 403 says it does. */
    private static boolean callable(Partner partner, Operation operation, JsonNode examples) {
        // A checklist the service refuses after the access check: publishing the example would change
        // the network's scoring under the tests that follow.
        JsonNode body = operation.id().equals("publishRiskQuestionnaire")
                ? JSON.createObjectNode().set("questions", JSON.createArrayNode())
                : examples.path(operation.id()).path("request");
        return partner.tokens().keySet().stream().anyMatch(role -> {
            // An agency's own record is the partner's own agency; any other object an unknown one.
            String url = operation
                    .path()
                    .replace("/agencies/{id}", "/agencies/" + partner.agencies().get(role))
                    .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            RequestSpecification request = given().auth()
                    .oauth2(partner.tokens().get(role))
                    .header("If-Match", "\"0\"")
                    .header("Idempotency-Key", UUID.randomUUID().toString());
            if (!body.isMissingNode()) {
                request.contentType(
                                operation.method().equals("patch")
                                        ? "application/merge-patch+json"
                                        : "application/json")
                        .body(body.toString());
            }
            return request.request(Method.valueOf(operation.method().toUpperCase()), url)
                            .statusCode()
                    != 403;
        });
    }

    @Test
    void everyOperationOfADocumentIsOneItsPartnerMayCall() throws Exception {
        Network almaty = Network.of("almaty");
        JsonNode realm = JSON.readTree(Files.readString(Path.of("src/main/keycloak/almaty-realm.json")));
        JsonNode examples = JSON.readTree(Files.readString(Path.of("src/main/resources/openapi/examples.json")));
        List<String> refused = new ArrayList<>();
        for (String document : DOCUMENTS) {
            Partner partner = partner(almaty, realm, document);
            for (Operation operation : operations(document)) {
                if (!callable(partner, operation, examples)) {
                    refused.add(document + ": " + operation + " as "
                            + partner.tokens().keySet());
                }
            }
        }
        assertEquals(List.of(), refused, "operations a document offers to a partner that may not call them");
    }

    /**
     * The other way round: every operation a partner may call is in its document. Each operation of any partner's
     * document is called as every other partner; one that passes the role check (anything but 403) and is missing
     * from that partner's document is a function its developers were never told of (the outside probe of issue 26
     * found a dozen the hotline operator may call).
     */
    @Test
    void everyOperationAPartnerMayCallIsInItsDocument() throws Exception {
        Network almaty = Network.of("almaty");
        JsonNode realm = JSON.readTree(Files.readString(Path.of("src/main/keycloak/almaty-realm.json")));
        JsonNode examples = JSON.readTree(Files.readString(Path.of("src/main/resources/openapi/examples.json")));
        java.util.Set<Operation> all = new java.util.LinkedHashSet<>();
        Map<String, List<Operation>> offered = new LinkedHashMap<>();
        for (String document : DOCUMENTS) {
            offered.put(document, operations(document));
            all.addAll(offered.get(document));
        }
        // An operation anyone may call without a token (the audit trail's signing key) is no function of a role.
        all.removeIf(operation -> given().request(
                                Method.valueOf(operation.method().toUpperCase()),
                                operation
                                        .path()
                                        .replaceAll(
                                                "\\{[^}]+}", UUID.randomUUID().toString()))
                        .statusCode()
                != 401);
        List<String> untold = new ArrayList<>();
        for (String document : DOCUMENTS) {
            Partner partner = partner(almaty, realm, document);
            for (Operation operation : all) {
                if (!offered.get(document).contains(operation) && callable(partner, operation, examples)) {
                    untold.add(document + ": " + operation + " (" + operation.id() + ")");
                }
            }
        }
        assertEquals(List.of(), untold, "operations a partner may call that its document does not offer");
    }

    private static Role[] serviceAccountRoles(JsonNode realm, String client) {
        for (JsonNode user : realm.path("users")) {
            if (client.equals(user.path("serviceAccountClientId").asText())) {
                List<Role> roles = new ArrayList<>();
                user.path("realmRoles")
                        .forEach(r -> Role.fromTokenName(r.asText()).ifPresent(roles::add));
                return roles.toArray(Role[]::new);
            }
        }
        throw new AssertionError("The realm has no service account for client " + client);
    }

    private static UUID agencyOf(Network network, Role role) {
        return switch (role) {
            case POLICE_DISPATCH, POLICE_INSPECTOR -> network.police;
            case SOCIAL_WORKER -> network.socialProtection;
            default -> network.crisisCentre;
        };
    }
}
