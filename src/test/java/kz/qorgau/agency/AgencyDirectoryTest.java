package kz.qorgau.agency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kz.qorgau.security.Role;
import kz.qorgau.support.Contract;
import kz.qorgau.support.Network;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AgencyDirectoryTest {

    // Every call must be one the published OpenAPI document allows.
    @BeforeEach
    void holdToTheContract() {
        Contract.install();
    }

    @AfterEach
    void release() {
        Contract.uninstall();
    }

    @Test
    void coordinatorRegistersAnAgencyAndEveryoneInTheNetworkReadsIt() {
        Network almaty = Network.of("almaty");
        String name = almaty.uniqueName("Family support centre");
        Response created = given().auth()
                .oauth2(almaty.coordinator())
                .contentType("application/json")
                .body("""
                        {"name": "%s", "kind": "NGO_CRISIS_CENTRE", "district": "Bostandyk",
                         "services": ["SHELTER", "LEGAL_AID"], "email": "help@centre.kz", "phone": "+7 727 000 00 00"}
                        """.formatted(name))
                .post("/api/v1/agencies");
        created.then()
                .statusCode(201)
                .header("ETag", notNullValue())
                .header("Location", notNullValue())
                .body(
                        "name",
                        equalTo(name),
                        "kind",
                        equalTo("NGO_CRISIS_CENTRE"),
                        "services",
                        containsInAnyOrder("SHELTER", "LEGAL_AID"),
                        "active",
                        equalTo(true));

        String location = created.header("Location");
        given().auth()
                .oauth2(almaty.token(Role.POLICE_INSPECTOR, almaty.police))
                .get(location)
                .then()
                .statusCode(200)
                .header("ETag", equalTo(created.header("ETag")))
                .body("district", equalTo("Bostandyk"), "email", equalTo("help@centre.kz"));
    }

    @Test
    void agencyAdminEditsItsOwnAgencyAndTheEtagMoves() {
        Network almaty = Network.of("almaty");
        String admin = almaty.token(Role.AGENCY_ADMIN, almaty.crisisCentre);
        String path = "/api/v1/agencies/" + almaty.crisisCentre;
        String before = given().auth().oauth2(admin).get(path).header("ETag");

        Response edited = given().auth()
                .oauth2(admin)
                .contentType("application/merge-patch+json")
                .header("If-Match", before)
                .body("{\"services\": [\"SHELTER\", \"CRISIS_HOTLINE\"], \"phone\": \"+7 701 111 22 33\"}")
                .patch(path);
        edited.then()
                .statusCode(200)
                .body(
                        "services",
                        containsInAnyOrder("SHELTER", "CRISIS_HOTLINE"),
                        "phone",
                        equalTo("+7 701 111 22 33"),
                        "kind",
                        equalTo("NGO_CRISIS_CENTRE"));
        assertNotEquals(before, edited.header("ETag"));

        // Clearing a field is an empty string in the merge patch.
        given().auth()
                .oauth2(admin)
                .contentType("application/merge-patch+json")
                .header("If-Match", edited.header("ETag"))
                .body("{\"phone\": \"\"}")
                .patch(path)
                .then()
                .statusCode(200)
                .body("phone", nullValue());
    }

    @Test
    void aMergePatchNullRemovesWhatMayBeRemovedAndIsRefusedForWhatMayNot() {
        Network almaty = Network.of("almaty");
        String admin = almaty.token(Role.AGENCY_ADMIN, almaty.crisisCentre);
        String path = "/api/v1/agencies/" + almaty.crisisCentre;
        Response filled = given().auth()
                .oauth2(admin)
                .contentType("application/merge-patch+json")
                .header("If-Match", given().auth().oauth2(admin).get(path).header("ETag"))
                .body("{\"phone\": \"+7 701 222 33 44\", \"email\": \"desk@centre.kz\", \"district\": \"Almaly\"}")
                .patch(path);
        filled.then().statusCode(200).body("phone", equalTo("+7 701 222 33 44"));

        Response removed = given().auth()
                .oauth2(admin)
                .contentType("application/merge-patch+json")
                .header("If-Match", filled.header("ETag"))
                .body("{\"phone\": null, \"email\": null}")
                .patch(path);
        removed.then().statusCode(200).body("phone", nullValue(), "email", nullValue(), "district", equalTo("Almaly"));

        // The document says these cannot be null, so the contract check would stop the request before the service.
        Contract.uninstall();
        for (String field : List.of("name", "kind", "active")) {
            given().auth()
                    .oauth2(almaty.coordinator())
                    .contentType("application/merge-patch+json")
                    .header("If-Match", removed.header("ETag"))
                    .body("{\"" + field + "\": null}")
                    .patch(path)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", contains(field), "errors.message", contains("cannot be removed"));
        }
        given().auth()
                .oauth2(admin)
                .get(path)
                .then()
                .header("ETag", equalTo(removed.header("ETag")))
                .body("name", notNullValue(), "active", equalTo(true));
    }

    /**
     * The outside probe of issue 26: an office of child protection on her case, made a crisis centre, came under the
     * consent she had given to crisis centres and read her data on it.
     */
    @Test
    void anAgencyThatHasWorkedOnCasesKeepsItsKind() {
        Network almaty = Network.of("almaty");
        String coordinator = almaty.coordinator();
        UUID office = almaty.register("Child protection office", "CHILD_PROTECTION", "[\"PSYCHOLOGICAL_COUNSELLING\"]");
        String path = "/api/v1/agencies/" + office;
        // Registered under the wrong kind and on no case yet: put right.
        String etag = given().auth()
                .oauth2(coordinator)
                .contentType("application/merge-patch+json")
                .header("If-Match", given().auth().oauth2(coordinator).get(path).header("ETag"))
                .body("{\"kind\": \"OTHER\"}")
                .patch(path)
                .then()
                .statusCode(200)
                .body("kind", equalTo("OTHER"))
                .extract()
                .header("ETag");
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        UUID caseId = kz.qorgau.support.Flows.caseFile(inspector);
        kz.qorgau.support.Flows.recordConsent(inspector, caseId, office).then().statusCode(201);
        kz.qorgau.support.Flows.referral(inspector, caseId, office);
        for (UUID agency : List.of(office, almaty.police)) {
            String itsPath = "/api/v1/agencies/" + agency;
            String itsEtag = agency.equals(office)
                    ? etag
                    : given().auth().oauth2(coordinator).get(itsPath).header("ETag");
            given().auth()
                    .oauth2(coordinator)
                    .contentType("application/merge-patch+json")
                    .header("If-Match", itsEtag)
                    .body("{\"kind\": \"NGO_CRISIS_CENTRE\"}")
                    .patch(itsPath)
                    .then()
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:qorgau:problem:agency-kind-fixed"));
        }
        given().auth().oauth2(coordinator).get(path).then().body("kind", equalTo("OTHER"));
        // Its other details are still its coordinator's to keep.
        given().auth()
                .oauth2(coordinator)
                .contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body("{\"district\": \"Almaly\", \"kind\": \"OTHER\"}")
                .patch(path)
                .then()
                .statusCode(200)
                .body("district", equalTo("Almaly"));
    }

    @Test
    void editWithAStaleEtagIsRefusedAndChangesNothing() {
        Network almaty = Network.of("almaty");
        String coordinator = almaty.coordinator();
        String path = "/api/v1/agencies/" + almaty.police;
        String stale = given().auth().oauth2(coordinator).get(path).header("ETag");
        given().auth()
                .oauth2(coordinator)
                .contentType("application/merge-patch+json")
                .header("If-Match", stale)
                .body("{\"district\": \"Almaly\"}")
                .patch(path)
                .then()
                .statusCode(200);

        given().auth()
                .oauth2(coordinator)
                .contentType("application/merge-patch+json")
                .header("If-Match", stale)
                .body("{\"district\": \"Auezov\"}")
                .patch(path)
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
        given().auth().oauth2(coordinator).get(path).then().body("district", equalTo("Almaly"));
    }

    @Test
    void onlyACoordinatorChangesAnAgencysKindOrDeactivatesIt() {
        Network almaty = Network.of("almaty");
        String path = "/api/v1/agencies/" + almaty.crisisCentre;
        given().auth()
                .oauth2(almaty.token(Role.AGENCY_ADMIN, almaty.crisisCentre))
                .contentType("application/merge-patch+json")
                .body("{\"active\": false}")
                .patch(path)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(almaty.token(Role.AGENCY_ADMIN, almaty.crisisCentre))
                .contentType("application/merge-patch+json")
                .body("{\"kind\": \"HEALTH\"}")
                .patch(path)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(almaty.coordinator())
                .contentType("application/merge-patch+json")
                .header(
                        "If-Match",
                        given().auth().oauth2(almaty.coordinator()).get(path).header("ETag"))
                .body("{\"active\": false}")
                .patch(path)
                .then()
                .statusCode(200)
                .body("active", equalTo(false));
    }

    @Test
    void aNameOfInvisibleCharactersOrOneThatHidesSomeIsRefused() {
        Network almaty = Network.of("almaty");
        String taken = almaty.uniqueName("Look-alike");
        given().auth()
                .oauth2(almaty.coordinator())
                .contentType("application/json")
                .body("{\"name\":\"" + taken + "\",\"kind\":\"OTHER\"}")
                .post("/api/v1/agencies")
                .then()
                .statusCode(201);
        for (String name : List.of("\u200b", "\u00a0\u00a0", taken + "\u200b", "Crisis\u202ecentre")) {
            given().auth()
                    .oauth2(almaty.coordinator())
                    .contentType("application/json")
                    .body(java.util.Map.of("name", name, "kind", "OTHER"))
                    .post("/api/v1/agencies")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("name"));
        }
    }

    @Test
    void twoAgenciesOfOneNetworkCannotShareAName() {
        Network almaty = Network.of("almaty");
        String name = almaty.uniqueName("Duplicate");
        String body = "{\"name\":\"" + name + "\",\"kind\":\"OTHER\"}";
        given().auth()
                .oauth2(almaty.coordinator())
                .contentType("application/json")
                .body(body)
                .post("/api/v1/agencies")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(almaty.coordinator())
                .contentType("application/json")
                .body(body)
                .post("/api/v1/agencies")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        // Another network may use the same name.
        given().auth()
                .oauth2(Network.coordinatorToken("astana"))
                .contentType("application/json")
                .body(body)
                .post("/api/v1/agencies")
                .then()
                .statusCode(201);
    }

    @Test
    void listPagesThroughEveryAgencyOnceInNameOrderAndFilters() {
        Network almaty = Network.of("almaty");
        String token = almaty.token(Role.SOCIAL_WORKER, almaty.socialProtection);
        List<String> names = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(token).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/v1/agencies");
            page.then().statusCode(200);
            List<String> pageNames = page.path("items.name");
            assertEquals(true, pageNames.size() <= 2);
            names.addAll(pageNames);
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertEquals(names.stream().distinct().count(), names.size(), "no agency twice");
        assertEquals(names.stream().sorted().toList(), names, "name order");

        given().auth()
                .oauth2(token)
                .queryParam("kind", "NGO_CRISIS_CENTRE")
                .queryParam("limit", 100)
                .get("/api/v1/agencies")
                .then()
                .statusCode(200)
                .body("items.kind", everyItem(equalTo("NGO_CRISIS_CENTRE")))
                .body("items.id", hasItem(almaty.crisisCentre.toString()))
                .body("items.id", not(hasItem(almaty.police.toString())));
        given().auth()
                .oauth2(token)
                .queryParam("service", "CHILD_PROTECTION")
                .queryParam("limit", 100)
                .get("/api/v1/agencies")
                .then()
                .statusCode(200)
                .body("items.services", everyItem(hasItem("CHILD_PROTECTION")))
                .body("items.id", hasItem(almaty.socialProtection.toString()));
        given().auth()
                .oauth2(token)
                .queryParam("kind", "LEGAL_AID")
                .queryParam("service", "SHELTER")
                .queryParam("limit", 100)
                .get("/api/v1/agencies")
                .then()
                .statusCode(200)
                .body("items", empty());
    }

    @Test
    void changesNeedTheVersionAsReadComparedStrongly() {
        Network almaty = Network.of("almaty");
        String admin = almaty.token(Role.AGENCY_ADMIN, almaty.crisisCentre);
        String path = "/api/v1/agencies/" + almaty.crisisCentre;
        String etag = given().auth().oauth2(admin).get(path).header("ETag");
        var patch = given().auth()
                .oauth2(admin)
                .contentType("application/merge-patch+json")
                .body("{\"district\": \"Medeu\"}");
        patch.patch(path).then().statusCode(428).contentType("application/problem+json");
        given().auth()
                .oauth2(admin)
                .contentType("application/merge-patch+json")
                .header("If-Match", "W/" + etag)
                .body("{\"district\": \"Medeu\"}")
                .patch(path)
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
        String entry = """
                {"services": ["SHELTER"], "districts": ["Almaly"], "languages": ["kk"], "hours": "24/7",
                 "freePlaces": 2, "acceptingReferrals": true}""";
        given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .body(entry)
                .put(path + "/directory-entry")
                .then()
                .statusCode(428);
        String next = given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .header("If-Match", etag)
                .body(entry)
                .put(path + "/directory-entry")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        // Someone who read the entry before that change does not overwrite it.
        given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .header("If-Match", etag)
                .body(entry.replace("\"freePlaces\": 2", "\"freePlaces\": 0"))
                .put(path + "/directory-entry")
                .then()
                .statusCode(412);
        assertNotEquals(etag, next);
    }

    @Test
    void aDeactivatedAgencyLeavesTheDirectory() {
        Network almaty = Network.of("almaty");
        String coordinator = almaty.coordinator();
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        String path = "/api/v1/agencies/" + almaty.crisisCentre;
        String district = "Zone " + java.util.UUID.randomUUID().toString().substring(0, 8);
        kz.qorgau.support.Flows.directoryEntry(
                        almaty.token(Role.AGENCY_ADMIN, almaty.crisisCentre), almaty.crisisCentre, district, 3)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(inspector)
                .queryParam("district", district)
                .get("/api/v1/directory")
                .then()
                .statusCode(200)
                .body("items.agencyId", org.hamcrest.Matchers.contains(almaty.crisisCentre.toString()));
        given().auth()
                .oauth2(coordinator)
                .contentType("application/merge-patch+json")
                .header("If-Match", given().auth().oauth2(coordinator).get(path).header("ETag"))
                .body("{\"active\": false}")
                .patch(path)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(inspector)
                .queryParam("district", district)
                .get("/api/v1/directory")
                .then()
                .statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
    }
}
