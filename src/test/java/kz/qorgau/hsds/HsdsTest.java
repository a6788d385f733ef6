package kz.qorgau.hsds;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.security.Role;
import kz.qorgau.support.Network;
import kz.qorgau.support.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The directory as Open Referral HSDS 3.0, validated against Open Referral's own schemas; a confidential address
 * never in it; a coordinator's import replacing entries all or none, and a file that is not HSDS refused with every
 * problem named.
 */
@QuarkusTest
class HsdsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final String SECRET_STREET = "Zheltoksan 17, flat 4";
    private static final String PUBLIC_STREET = "Abaya 10";

    private static List<String> violations(String schema, JsonNode node) {
        Schema compiled = REGISTRY.getSchema(SchemaLocation.of(schema));
        List<String> found = new ArrayList<>();
        compiled.validate(node, c -> c.executionConfig(e -> e.formatAssertionsEnabled(true)))
                .forEach(error -> found.add(error.getInstanceLocation() + " " + error.getMessage()));
        return found;
    }

    private static JsonNode export(String token) throws Exception {
        return JSON.readTree(given().auth()
                .oauth2(token)
                .get("/api/v1/directory/hsds")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    private static JsonNode organization(JsonNode page, UUID agency) {
        for (JsonNode organization : page.path("contents")) {
            if (organization.path("id").asText().equals(agency.toString())) {
                return organization;
            }
        }
        throw new AssertionError(agency + " is not in the export");
    }

    private static void premises(Network network, UUID agency, String street, boolean confidential) {
        String admin = network.token(Role.AGENCY_ADMIN, agency);
        String etag =
                given().auth().oauth2(admin).get("/api/v1/agencies/" + agency).header("ETag");
        given().auth()
                .oauth2(admin)
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body(Map.of("streetAddress", street, "addressConfidential", confidential))
                .put("/api/v1/agencies/" + agency + "/premises")
                .then()
                .statusCode(200);
        String entryEtag =
                given().auth().oauth2(admin).get("/api/v1/agencies/" + agency).header("ETag");
        given().auth()
                .oauth2(admin)
                .header("If-Match", entryEtag)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "services",
                        List.of("SHELTER", "PSYCHOLOGICAL_COUNSELLING"),
                        "districts",
                        List.of("Almaly", "Medeu"),
                        "languages",
                        List.of("kk", "ru"),
                        "hours",
                        "Round the clock",
                        "freePlaces",
                        3,
                        "acceptingReferrals",
                        true,
                        "contactPoint",
                        "Duty phone +7 727 000 11 22"))
                .put("/api/v1/agencies/" + agency + "/directory-entry")
                .then()
                .statusCode(200);
    }

    @Test
    void theExportIsValidHsdsAndAConfidentialAddressIsNeverInIt() throws Exception {
        Network almaty = Network.of("almaty");
        UUID shelter = almaty.register("HSDS shelter", "NGO_CRISIS_CENTRE", "[\"SHELTER\"]");
        UUID centre = almaty.register("HSDS open centre", "NGO_CRISIS_CENTRE", "[\"LEGAL_AID\"]");
        premises(almaty, shelter, SECRET_STREET, true);
        premises(almaty, centre, PUBLIC_STREET, false);

        // Even the shelter's own staff, who see its address everywhere else, export it without one.
        JsonNode page = export(almaty.token(Role.NGO_CASEWORKER, shelter));
        assertEquals(List.of(), violations("classpath:hsds/openapi.json#/components/schemas/Page", page));
        for (JsonNode organization : page.path("contents")) {
            assertEquals(
                    List.of(), violations("classpath:hsds/organization.json", organization), organization.toString());
        }
        assertFalse(page.toString().contains("Zheltoksan"), "a confidential street address left in an export");
        JsonNode secret = organization(page, shelter);
        assertEquals(0, secret.path("locations").size());
        assertEquals(
                "Duty phone +7 727 000 11 22",
                secret.path("contacts").get(0).path("name").asText());
        JsonNode open = organization(page, centre);
        assertEquals(
                "physical", open.path("locations").get(0).path("location_type").asText());
        assertEquals(
                PUBLIC_STREET, open.path("locations").get(0).path("description").asText());

        JsonNode shelterService = null;
        for (JsonNode service : secret.path("services")) {
            if (service.path("attributes")
                    .get(0)
                    .path("taxonomy_term")
                    .path("code")
                    .asText()
                    .equals("SHELTER")) {
                shelterService = service;
            }
        }
        assertTrue(shelterService != null, secret.toString());
        assertEquals("active", shelterService.path("status").asText());
        assertEquals(
                3, shelterService.path("capacities").get(0).path("available").asInt());
        assertEquals(
                "Bed",
                shelterService
                        .path("capacities")
                        .get(0)
                        .path("unit")
                        .path("name")
                        .asText());
        assertEquals(
                List.of("Almaly", "Medeu"),
                List.of(
                        shelterService.path("service_areas").get(0).path("name").asText(),
                        shelterService.path("service_areas").get(1).path("name").asText()));
        assertEquals(
                "Round the clock",
                shelterService.path("schedules").get(0).path("description").asText());

        // The same directory exports the same ids; another network's export holds none of this one's agencies.
        assertEquals(
                secret.toString(),
                organization(export(almaty.coordinator()), shelter).toString());
        String astana = export(Network.coordinatorToken("astana")).toString();
        assertFalse(astana.contains(shelter.toString()) || astana.contains(almaty.crisisCentre.toString()));
    }

    @Test
    void aCoordinatorImportsWhatAnExportGaveAndTheEntriesChange() throws Exception {
        Network almaty = Network.of("almaty");
        UUID shelter = almaty.register("HSDS import shelter", "NGO_CRISIS_CENTRE", "[\"SHELTER\"]");
        premises(almaty, shelter, SECRET_STREET, true);
        ObjectNode organization = (ObjectNode) organization(export(almaty.coordinator()), shelter);
        ArrayNode services = (ArrayNode) organization.path("services");
        for (JsonNode service : services) {
            ((ArrayNode) service.path("service_areas"))
                    .addObject()
                    .put("id", UUID.randomUUID().toString())
                    .put("name", "Turksib");
            if (service.path("capacities").isArray()) {
                ((ObjectNode) service.path("capacities").path(0)).put("available", 0);
            }
        }
        ObjectNode file = JSON.createObjectNode();
        file.putArray("contents").add(organization);

        given().auth()
                .oauth2(almaty.coordinator())
                .contentType(ContentType.JSON)
                .body(file.toString())
                .post("/api/v1/directory/hsds")
                .then()
                .statusCode(200)
                .body("organizations", equalTo(1), "services", equalTo(2));
        given().auth()
                .oauth2(almaty.coordinator())
                .queryParam("district", "Turksib")
                .queryParam("service", "SHELTER")
                .get("/api/v1/directory")
                .then()
                .statusCode(200)
                .body("items.agencyId", hasItem(shelter.toString()));
        given().auth()
                .oauth2(almaty.token(Role.NGO_CASEWORKER, shelter))
                .get("/api/v1/agencies/" + shelter + "/premises")
                .then()
                .statusCode(200)
                .body("streetAddress", equalTo(SECRET_STREET), "addressConfidential", equalTo(true));

        // Other roles may export but not import; nobody without a token does either.
        for (Role role : List.of(Role.AGENCY_ADMIN, Role.NGO_CASEWORKER, Role.POLICE_INSPECTOR, Role.AUDITOR)) {
            String token = role.actsForAnAgency()
                    ? almaty.token(role, almaty.crisisCentre)
                    : TestTokens.tenant("almaty").roles(role).sign();
            given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(file.toString())
                    .post("/api/v1/directory/hsds")
                    .then()
                    .statusCode(403);
        }
        given().contentType(ContentType.JSON)
                .body("[]")
                .post("/api/v1/directory/hsds")
                .then()
                .statusCode(401);
        given().get("/api/v1/directory/hsds").then().statusCode(401);
    }

    @Test
    void aFileThatIsNotHsdsOrNamesAnotherNetworksAgencyChangesNothing() throws Exception {
        Network almaty = Network.of("almaty");
        UUID shelter = almaty.register("HSDS refused shelter", "NGO_CRISIS_CENTRE", "[\"SHELTER\"]");
        premises(almaty, shelter, SECRET_STREET, true);
        JsonNode good = organization(export(almaty.coordinator()), shelter);
        ObjectNode changed = good.deepCopy();
        ((ObjectNode) changed.path("services").path(0)).put("status", "open all hours");
        changed.remove("name");
        ObjectNode foreign = good.deepCopy();
        foreign.put("id", Network.of("astana").crisisCentre.toString());
        ((ArrayNode) foreign.path("services")).forEach(s -> ((ObjectNode) s).put("status", "inactive"));
        ObjectNode renamed = good.deepCopy();
        ((ArrayNode) renamed.path("services"))
                .forEach(s -> ((ArrayNode) s.path("service_areas"))
                        .addObject()
                        .put("id", "not-a-uuid")
                        .put("name", "X"));

        List<Map<String, String>> errors = given().auth()
                .oauth2(almaty.coordinator())
                .header("Accept-Language", "ru")
                .contentType(ContentType.JSON)
                .body(JSON.createArrayNode().add(changed).add(renamed).toString())
                .post("/api/v1/directory/hsds")
                .then()
                .statusCode(400)
                .header("Content-Language", "ru")
                .extract()
                .path("errors");
        assertTrue(
                errors.contains(Map.of("field", "/0/name", "message", "обязательно по HSDS 3.0")), errors.toString());
        assertTrue(
                errors.stream()
                        .anyMatch(e -> e.get("field").equals("/0/services/0/status")
                                && e.get("message").contains("active")),
                errors.toString());
        assertTrue(
                errors.stream().anyMatch(e -> e.get("field").matches("/1/services/\\d/service_areas/\\d/id")),
                errors.toString());

        // A valid organization beside one of another network: the file is refused whole, the valid one unapplied.
        ObjectNode widened = good.deepCopy();
        ((ArrayNode) widened.path("services"))
                .forEach(s -> ((ArrayNode) s.path("service_areas"))
                        .addObject()
                        .put("id", UUID.randomUUID().toString())
                        .put("name", "Nauryzbai"));
        given().auth()
                .oauth2(almaty.coordinator())
                .contentType(ContentType.JSON)
                .body(JSON.createArrayNode().add(widened).add(foreign).toString())
                .post("/api/v1/directory/hsds")
                .then()
                .statusCode(400)
                .body(
                        "errors[0].field",
                        equalTo("/1/id"),
                        "errors[0].message",
                        equalTo("names no active agency of this network"));
        given().auth()
                .oauth2(almaty.coordinator())
                .queryParam("district", "Nauryzbai")
                .get("/api/v1/directory")
                .then()
                .statusCode(200)
                .body("items.agencyId", org.hamcrest.Matchers.not(hasItem(shelter.toString())));
        // A directory file may be larger than other bodies (a few kilobytes per agency), up to a document's size.
        StringBuilder large = new StringBuilder("[");
        for (int i = 0; i < 1500; i++) {
            large.append(i == 0 ? "" : ",")
                    .append("{\"id\":\"not-a-uuid\",\"name\":\"")
                    .append("x".repeat(200))
                    .append("\"}");
        }
        given().auth()
                .oauth2(almaty.coordinator())
                .contentType(ContentType.JSON)
                .body(large.append("]").toString())
                .post("/api/v1/directory/hsds")
                .then()
                .statusCode(400)
                .body("errors.size()", equalTo(100));
        for (String body : List.of(
                "{}", "\"text\"", "{\"contents\":[],\"extra\":1}", "{\"contents\":[],\"total_items\":\"many\"}")) {
            given().auth()
                    .oauth2(almaty.coordinator())
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post("/api/v1/directory/hsds")
                    .then()
                    .statusCode(400)
                    .body("type", equalTo("urn:qorgau:problem:invalid-input"));
        }
    }

    /** Every role of either network: the directory is the network's to read; importing it is its coordinators'. */
    @Test
    void everyRoleReadsTheDirectoryAndOnlyCoordinatorsImportIt() {
        List<String> wrong = new ArrayList<>();
        for (String tenant : List.of("almaty", "astana")) {
            Network network = Network.of(tenant);
            for (Role role : Role.values()) {
                String token = network.tokenOf(role);
                int read = given().auth()
                        .oauth2(token)
                        .get("/api/v1/directory/hsds")
                        .statusCode();
                int expectedRead = role == Role.EXTERNAL_RECIPIENT ? 403 : 200;
                if (read != expectedRead) {
                    wrong.add(tenant + " x " + role + " export " + read);
                }
                int imported = given().auth()
                        .oauth2(token)
                        .contentType(ContentType.JSON)
                        .body("[]")
                        .post("/api/v1/directory/hsds")
                        .statusCode();
                if (imported != (role == Role.COORDINATOR ? 200 : 403)) {
                    wrong.add(tenant + " x " + role + " import " + imported);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    /**
     * A file made before a shelter filled up must not make it look free again: an entry changed since the export is a
     * conflict, and no import changes whether an agency takes referrals or its free places.
     */
    @Test
    void aStaleFileIsAConflictAndAvailabilityIsTheAgencysOwn() throws Exception {
        Network almaty = Network.of("almaty");
        UUID shelter = almaty.register("HSDS stale shelter", "NGO_CRISIS_CENTRE", "[\"SHELTER\"]");
        premises(almaty, shelter, SECRET_STREET, true);
        JsonNode stale = organization(export(almaty.coordinator()), shelter);
        String admin = almaty.token(Role.AGENCY_ADMIN, shelter);
        String etag =
                given().auth().oauth2(admin).get("/api/v1/agencies/" + shelter).header("ETag");
        given().auth()
                .oauth2(admin)
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "services", List.of("SHELTER"),
                        "districts", List.of("Almaly"),
                        "languages", List.of("kk"),
                        "freePlaces", 0,
                        "acceptingReferrals", false))
                .put("/api/v1/agencies/" + shelter + "/directory-entry")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(almaty.coordinator())
                .contentType(ContentType.JSON)
                .body(JSON.createArrayNode().add(stale).toString())
                .post("/api/v1/directory/hsds")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:qorgau:problem:entry-changed"), "agencyIds[0]", equalTo(shelter.toString()));

        // A fresh export imported with its availability edited: the services change, the availability does not.
        ObjectNode fresh = (ObjectNode) organization(export(almaty.coordinator()), shelter);
        for (JsonNode service : fresh.path("services")) {
            ((ObjectNode) service).put("status", "active");
            ((ArrayNode) service.path("service_areas"))
                    .addObject()
                    .put("id", UUID.randomUUID().toString())
                    .put("name", "Zhetysu");
        }
        given().auth()
                .oauth2(almaty.coordinator())
                .contentType(ContentType.JSON)
                .body(JSON.createArrayNode().add(fresh).toString())
                .post("/api/v1/directory/hsds")
                .then()
                .statusCode(200);
        JsonNode now = organization(export(almaty.coordinator()), shelter);
        assertEquals(
                "temporarily closed", now.path("services").get(0).path("status").asText());
        assertTrue(now.toString().contains("Zhetysu"), now.toString());
    }

    @Test
    void textThatCannotBeStoredIsRefusedByItsPointer() throws Exception {
        Network almaty = Network.of("almaty");
        UUID shelter = almaty.register("HSDS text shelter", "NGO_CRISIS_CENTRE", "[\"SHELTER\"]");
        premises(almaty, shelter, SECRET_STREET, true);
        for (String hostile : List.of("Alma\u0000ly", "Alma\u202Ely", "Alma\u001Bly")) {
            ObjectNode organization = (ObjectNode) organization(export(almaty.coordinator()), shelter);
            ((ArrayNode) organization.path("services").path(0).path("service_areas"))
                    .addObject()
                    .put("id", UUID.randomUUID().toString())
                    .put("name", hostile);
            given().auth()
                    .oauth2(almaty.coordinator())
                    .contentType(ContentType.JSON)
                    .body(JSON.createArrayNode().add(organization).toString())
                    .post("/api/v1/directory/hsds")
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("/0/services/0/service_areas/2/name"));
        }
    }
}
