package kz.qorgau.document;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import kz.qorgau.security.Role;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A caseworker whose upload timed out sends it again: under the same Idempotency-Key her document is attached
 * once, however often and however close together the upload arrives; another upload under the key is refused.
 */
@QuarkusTest
class DocumentIdempotencyTest {

    private static final String DECISION = "Court decision on Aigerim Nurlanovna, Almaty district court";

    private Network almaty;
    private String inspector;
    private String aliya;
    private UUID caseId;
    private UUID referral;

    @BeforeEach
    void parties() {
        almaty = Network.of("almaty");
        inspector = almaty.person("marat", Role.POLICE_INSPECTOR, almaty.police);
        aliya = almaty.person("aliya", Role.NGO_CASEWORKER, almaty.crisisCentre);
        caseId = Flows.caseFile(inspector);
        Flows.recordConsent(inspector, caseId, almaty.crisisCentre).then().statusCode(201);
        referral = Flows.referral(inspector, caseId, almaty.crisisCentre);
    }

    private static Response upload(String token, String on, String key, byte[] body, String kind, String category) {
        return given().auth()
                .oauth2(token)
                .header("Idempotency-Key", key)
                .contentType("application/pdf")
                .queryParam("kind", kind)
                .queryParam("category", category)
                .body(body)
                .post(on + "/documents");
    }

    private String onCase() {
        return "/api/v1/cases/" + caseId;
    }

    private String onReferral() {
        return "/api/v1/referrals/" + referral;
    }

    private List<String> listed(String token, String on) {
        return given().auth()
                .oauth2(token)
                .get(on + "/documents")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
    }

    @Test
    void theSameUploadSentAgainAndAtOnceIsAttachedOnce() throws Exception {
        byte[] decision = Samples.pdf(DECISION);
        String key = "upload-" + UUID.randomUUID();
        // Two at once, as many as one caller uploads at a time: one attaches, the others wait for it and are told.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Response> answers = new ArrayList<>();
        try {
            List<CompletableFuture<Response>> sent = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                sent.add(CompletableFuture.supplyAsync(
                        () -> upload(inspector, onCase(), key, decision, "COURT_DECISION", "INCIDENT_DETAILS"), pool));
            }
            for (CompletableFuture<Response> answer : sent) {
                answers.add(answer.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(
                Map.of(201, 1L, 200, 1L),
                answers.stream().collect(Collectors.groupingBy(Response::statusCode, Collectors.counting())),
                answers.stream().map(Response::asString).toList().toString());
        assertEquals(
                1, answers.stream().map(a -> a.<String>path("id")).distinct().count());
        String document = answers.get(0).path("id");
        answers.stream()
                .filter(a -> a.statusCode() == 200)
                .forEach(a -> a.then()
                        .header("Idempotent-Replayed", "true")
                        .body("sizeBytes", equalTo(decision.length), "kind", equalTo("COURT_DECISION")));
        assertEquals(List.of(document), listed(inspector, onCase()));

        // Later, after a timeout: the same record again.
        upload(inspector, onCase(), key, decision, "COURT_DECISION", "INCIDENT_DETAILS")
                .then()
                .statusCode(200)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(document));
        assertEquals(List.of(document), listed(inspector, onCase()));
    }

    @Test
    void anotherUploadUnderAUsedKeyIsRefused() {
        String key = "upload-" + UUID.randomUUID();
        upload(inspector, onCase(), key, Samples.pdf(DECISION), "COURT_DECISION", "INCIDENT_DETAILS")
                .then()
                .statusCode(201);
        // Other bytes, another kind, another category, another holder: each is another request.
        List<Response> refused = List.of(
                upload(inspector, onCase(), key, Samples.pdf(DECISION + "."), "COURT_DECISION", "INCIDENT_DETAILS"),
                upload(inspector, onCase(), key, Samples.pdf(DECISION), "OTHER", "INCIDENT_DETAILS"),
                upload(inspector, onCase(), key, Samples.pdf(DECISION), "COURT_DECISION", "CONTACT"));
        refused.forEach(answer -> answer.then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("Idempotency-Key")));
        upload(inspector, onReferral(), key, Samples.pdf(DECISION), "COURT_DECISION", "INCIDENT_DETAILS")
                .then()
                .statusCode(422);
        UUID otherCase = Flows.caseFile(inspector);
        upload(
                        inspector,
                        "/api/v1/cases/" + otherCase,
                        key,
                        Samples.pdf(DECISION),
                        "COURT_DECISION",
                        "INCIDENT_DETAILS")
                .then()
                .statusCode(422);
        assertEquals(1, listed(inspector, onCase()).size());
        assertEquals(List.of(), listed(inspector, "/api/v1/cases/" + otherCase));
        assertEquals(List.of(), listed(inspector, onReferral()));
    }

    @Test
    void theKeyIsTheAgencysOwnAndAFailedUploadLeavesItFree() {
        String key = "upload-" + UUID.randomUUID();
        byte[] decision = Samples.pdf(DECISION);
        // A file that is no PDF is refused and claims nothing: the right file under the key is then attached.
        upload(inspector, onReferral(), key, Samples.html(), "COURT_DECISION", "INCIDENT_DETAILS")
                .then()
                .statusCode(415);
        String police = upload(inspector, onReferral(), key, decision, "COURT_DECISION", "INCIDENT_DETAILS")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // The other side's agency sending the same file under the same key attaches a document of its own.
        String centre = upload(aliya, onReferral(), key, decision, "COURT_DECISION", "INCIDENT_DETAILS")
                .then()
                .statusCode(201)
                .body("uploaderAgencyId", equalTo(almaty.crisisCentre.toString()))
                .extract()
                .path("id");
        assertNotEquals(police, centre);
        assertEquals(2, listed(aliya, onReferral()).size());
    }

    @Test
    void aRepeatAfterTheDocumentWasErasedIsToldOfItAndAttachesNothing() {
        String key = "upload-" + UUID.randomUUID();
        byte[] decision = Samples.pdf(DECISION);
        String document = upload(inspector, onCase(), key, decision, "COURT_DECISION", "INCIDENT_DETAILS")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(inspector)
                .post(onCase() + "/documents/" + document + "/erasure")
                .then()
                .statusCode(200);
        upload(inspector, onCase(), key, decision, "COURT_DECISION", "INCIDENT_DETAILS")
                .then()
                .statusCode(200)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(document), "erasedAt", notNullValue());
        assertEquals(List.of(document), listed(inspector, onCase()));
    }

    @Test
    void aKeyThatIsNoKeyIsRefused() {
        for (String key : List.of("with space", "x".repeat(101))) {
            upload(inspector, onCase(), key, Samples.pdf(DECISION), "COURT_DECISION", "INCIDENT_DETAILS")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    // Named as the caller sends it, not as the Java parameter that holds it.
                    .body("errors[0].field", equalTo("Idempotency-Key"));
        }
        assertEquals(List.of(), listed(inspector, onCase()));
    }
}
