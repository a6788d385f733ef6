package kz.qorgau.vocabulary;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kz.qorgau.security.Role;
import kz.qorgau.support.Network;
import kz.qorgau.support.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Accept-Language chooses the words of a problem detail and of the vocabulary; the codes a program acts on never
 * change with it.
 */
@QuarkusTest
class LanguagesTest {

    private static String crisisCentreWorker() {
        Network almaty = Network.of("almaty");
        return almaty.token(Role.NGO_CASEWORKER, almaty.crisisCentre);
    }

    private Response missingReferral(String acceptLanguage) {
        var request = given().auth().oauth2(crisisCentreWorker());
        if (acceptLanguage != null) {
            request = request.header("Accept-Language", acceptLanguage);
        }
        return request.get("/api/v1/referrals/" + UUID.fromString("0192a000-0000-7000-8000-00000000dead"));
    }

    @Test
    void aProblemIsInTheLanguageAskedForWithItsTypeUnchanged() {
        missingReferral("kk")
                .then()
                .statusCode(404)
                .header("Content-Language", "kk")
                .body("type", equalTo("urn:qorgau:problem:not-found"))
                .body("title", equalTo("Табылмады"))
                .body("detail", equalTo("0192a000-0000-7000-8000-00000000dead жолдамасы табылмады"));
        missingReferral("ru-RU,ru;q=0.9,en;q=0.5")
                .then()
                .statusCode(404)
                .header("Content-Language", "ru")
                .body("title", equalTo("Не найдено"))
                .body("detail", equalTo("Направление 0192a000-0000-7000-8000-00000000dead не найдено"));
    }

    @Test
    void englishWhenNoLanguageOrAnotherIsAsked() {
        for (String asked : new String[] {null, "fr-FR", "de;q=1, *;q=0.1", ";;;=q", "x".repeat(600)}) {
            missingReferral(asked)
                    .then()
                    .statusCode(404)
                    .header("Content-Language", "en")
                    .body("title", equalTo("Not found"))
                    .body("detail", equalTo("Referral 0192a000-0000-7000-8000-00000000dead was not found"));
        }
    }

    @Test
    void fieldErrorsAreTranslatedAndNameTheirFieldsAsBefore() {
        given().auth()
                .oauth2(crisisCentreWorker())
                .header("Accept-Language", "ru")
                .contentType("application/json")
                .body("{\"caseId\":\"not-a-uuid\"}")
                .post("/api/v1/referrals")
                .then()
                .statusCode(400)
                .header("Content-Language", "ru")
                .body("type", equalTo("urn:qorgau:problem:invalid-input"))
                .body("title", equalTo("Недопустимые входные данные"))
                .body("errors[0].field", equalTo("caseId"))
                .body("errors[0].message", not(containsString("must")));
    }

    @Test
    void aRefusalBeforeTheApiIsTranslatedToo() {
        given().header("Accept-Language", "kk")
                .get("/api/v1/referrals?q=" + "a".repeat(9000))
                .then()
                .statusCode(414)
                .header("Content-Language", "kk")
                .body("type", equalTo("urn:qorgau:problem:uri-too-long"))
                .body("detail", not(containsString("longer than")));
        given().header("Accept-Language", "ru")
                .get("/api/v1/referrals")
                .then()
                .statusCode(401)
                .header("Content-Language", "ru")
                .body("type", equalTo("urn:qorgau:problem:unauthenticated"))
                .body("title", not(equalTo("Unauthenticated")));
    }

    @Test
    void theVocabularyGivesEveryLabelInTheLanguageAndAnETagForCaching() {
        var kk = given().auth()
                .oauth2(crisisCentreWorker())
                .header("Accept-Language", "kk")
                .get("/api/v1/vocabulary")
                .then()
                .statusCode(200)
                .header("Content-Language", "kk")
                .header("Vary", containsString("Accept-Language"))
                .body("language", equalTo("kk"))
                .body("version", equalTo(Vocabulary.currentVersion()))
                .body("lists.AgencyKind.POLICE", equalTo("Полиция"))
                .extract();
        String etag = kk.header("ETag");
        given().auth()
                .oauth2(crisisCentreWorker())
                .header("Accept-Language", "kk")
                .header("If-None-Match", etag)
                .get("/api/v1/vocabulary")
                .then()
                .statusCode(304);
        // A weak comparison and a list of tags hold too (RFC 9110), and the vocabulary may be cached.
        given().auth()
                .oauth2(crisisCentreWorker())
                .header("Accept-Language", "kk")
                .header("If-None-Match", "\"other\", W/" + etag)
                .get("/api/v1/vocabulary")
                .then()
                .statusCode(304);
        org.junit.jupiter.api.Assertions.assertTrue(
                kk.header("Cache-Control").contains("max-age=3600"), kk.header("Cache-Control"));
        // The same ETag asks for Russian labels: another language is another representation.
        var ru = given().auth()
                .oauth2(crisisCentreWorker())
                .header("Accept-Language", "ru")
                .header("If-None-Match", etag)
                .get("/api/v1/vocabulary")
                .then()
                .statusCode(200)
                .body("language", equalTo("ru"))
                .extract();
        assertNotEquals(etag, ru.header("ETag"));
        assertEquals(
                kk.jsonPath().getMap("lists").keySet(),
                ru.jsonPath().getMap("lists").keySet());
    }

    /** A label is no secret, but the API answers only callers with a token of a network. */
    @Test
    void everyRoleOfEitherNetworkReadsTheVocabularyAndNobodyWithoutAToken() {
        List<String> wrong = new ArrayList<>();
        for (String tenant : List.of("almaty", "astana")) {
            Network network = Network.of(tenant);
            for (Role role : Role.values()) {
                String token = network.tokenOf(role);
                int status =
                        given().auth().oauth2(token).get("/api/v1/vocabulary").statusCode();
                if (status != 200) {
                    wrong.add(tenant + " x " + role + ": " + status);
                }
            }
        }
        assertEquals(List.of(), wrong);
        given().get("/api/v1/vocabulary").then().statusCode(401);
        given().auth()
                .oauth2(TestTokens.tenant("almaty")
                        .roles(Role.NGO_CASEWORKER)
                        .signedWith("rogue")
                        .sign())
                .get("/api/v1/vocabulary")
                .then()
                .statusCode(401);
    }
}
