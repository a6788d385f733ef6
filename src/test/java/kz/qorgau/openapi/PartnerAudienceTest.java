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

    @Test
    void everyOperationOfADocumentIsOneItsPartnerMayCall() throws Exception {
        Network almaty = Network.of("almaty");
        JsonNode realm = JSON.readTree(Files.readString(Path.of("src/main/keycloak/almaty-realm.json")));
        JsonNode examples = JSON.readTree(Files.readString(Path.of("src/main/resources/openapi/examples.json")));
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<String> refused = new ArrayList<>();
        for (String document : List.of(
                "police-dispatch",
                "police-inspector",
                "social-protection",
                "ngo-portal",
                "administration",
                "schools",
                "hotline")) {
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
                            role.actsForAnAgency()
                                    ? almaty.token(role, agencyOf(almaty, role))
                                    : almaty.tenantWide(role));
                }
            }
            JsonNode paths = yaml.readTree(Files.readString(Path.of("openapi", document + ".yaml")))
                    .path("paths");
            paths.fields()
                    .forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
                        String method = operation.getKey();
                        if (!List.of("get", "post", "put", "patch", "delete").contains(method)) {
                            return;
                        }
                        String id = operation.getValue().path("operationId").asText();
                        // A checklist the service refuses after the access check: publishing the example would change
                        // the network's scoring under the tests that follow.
                        JsonNode body = id.equals("publishRiskQuestionnaire")
                                ? JSON.createObjectNode().set("questions", JSON.createArrayNode())
                                : examples.path(id).path("request");
                        boolean callable = tokens.keySet().stream().anyMatch(partner -> {
                            String token = tokens.get(partner);
                            // An agency's own record is the partner's own agency; any other object an unknown one.
                            String url = path.getKey()
                                    .replace("/agencies/{id}", "/agencies/" + agencies.get(partner))
                                    .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                            RequestSpecification request = given().auth()
                                    .oauth2(token)
                                    .header("If-Match", "\"0\"")
                                    .header("Idempotency-Key", UUID.randomUUID().toString());
                            if (!body.isMissingNode()) {
                                request.contentType(
                                                method.equals("patch")
                                                        ? "application/merge-patch+json"
                                                        : "application/json")
                                        .body(body.toString());
                            }
                            return request.request(Method.valueOf(method.toUpperCase()), url)
                                            .statusCode()
                                    != 403;
                        });
                        if (!callable) {
                            refused.add(document + ": " + method.toUpperCase() + " " + path.getKey() + " as "
                                    + tokens.keySet());
                        }
                    }));
        }
        assertEquals(List.of(), refused, "operations a document offers to a partner that may not call them");
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
