package kz.qorgau.me;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import kz.qorgau.security.Capability;
import kz.qorgau.security.Role;
import kz.qorgau.support.Network;
import kz.qorgau.support.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MeTest {

    @Test
    void everyRoleOfEitherNetworkLearnsItsNetworkAgencyAndWhatItMayDo() {
        List<String> wrong = new ArrayList<>();
        for (String tenant : List.of("almaty", "astana")) {
            Network network = Network.of(tenant);
            for (Role role : Role.values()) {
                String token = role.actsForAnAgency()
                        ? network.token(role, network.crisisCentre)
                        : TestTokens.tenant(tenant).roles(role).sign();
                var me = given().auth()
                        .oauth2(token)
                        .get("/api/v1/me")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
                String cell = tenant + " x " + role;
                if (role == Role.EXTERNAL_RECIPIENT) {
                    // Only a link and its code make a recipient off the platform: a token naming the role is given
                    // nothing.
                    check(wrong, cell + " roles", List.of(), me.getList("roles.role"));
                    check(wrong, cell + " may", List.of(), me.getList("may"));
                    continue;
                }
                List<String> may = Arrays.stream(Capability.values())
                        .filter(c -> c.roles().contains(role))
                        .map(Enum::name)
                        .toList();
                check(wrong, cell + " network", tenant, me.getString("network.id"));
                check(
                        wrong,
                        cell + " network name",
                        tenant.equals("almaty") ? "Almaty city" : "Astana city",
                        me.getString("network.name"));
                check(wrong, cell + " roles", List.of(role.tokenName()), me.getList("roles.role"));
                check(wrong, cell + " role allows", may, me.getList("roles[0].may"));
                check(wrong, cell + " may", may, me.getList("may"));
                if (role.actsForAnAgency()) {
                    check(wrong, cell + " agency", network.crisisCentre.toString(), me.getString("agency.id"));
                    check(wrong, cell + " agency kind", "NGO_CRISIS_CENTRE", me.getString("agency.kind"));
                    check(wrong, cell + " agency named", true, me.getString("agency.name") != null);
                } else {
                    check(wrong, cell + " agency", null, me.get("agency"));
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    private static void check(List<String> wrong, String what, Object expected, Object actual) {
        if (!java.util.Objects.equals(expected, actual)) {
            wrong.add(what + ": expected " + expected + ", got " + actual);
        }
    }

    @Test
    void aTokenNamingNoAgencyOfItsNetworkLearnsThatAndMayDoNothingAnAgencyRoleNeeds() {
        Network almaty = Network.of("almaty");
        Network astana = Network.of("astana");
        // An almaty caseworker whose agency claim names astana's crisis centre: not an agency of her network.
        given().auth()
                .oauth2(TestTokens.tenant("almaty")
                        .agency(astana.crisisCentre)
                        .roles(Role.NGO_CASEWORKER)
                        .sign())
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body(
                        "network.id",
                        equalTo("almaty"),
                        "agency",
                        nullValue(),
                        "roles[0].role",
                        equalTo("ngo-caseworker"));
        given().auth()
                .oauth2(TestTokens.tenant("almaty")
                        .agency(UUID.randomUUID())
                        .roles(Role.AGENCY_ADMIN)
                        .sign())
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("agency", nullValue());
        // A caseworker role without an agency claim is allowed nothing that needs one; the role still says what
        // it would allow.
        given().auth()
                .oauth2(TestTokens.tenant("almaty").roles(Role.NGO_CASEWORKER).sign())
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body(
                        "agency", nullValue(),
                        "may", not(hasItem("SEND_REFERRAL")),
                        "roles[0].may", hasItem("SEND_REFERRAL"));
        // Two roles: each says its own, and "may" is everything either allows.
        given().auth()
                .oauth2(almaty.token(almaty.crisisCentre, Role.AGENCY_ADMIN, Role.NGO_CASEWORKER))
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body(
                        "roles.role", equalTo(List.of("ngo-caseworker", "agency-admin")),
                        "may", hasItem("MANAGE_WEBHOOKS"),
                        "may", hasItem("SEND_REFERRAL"));
    }

    @Test
    void withoutAValidTokenNobodyIsDescribed() {
        given().get("/api/v1/me").then().statusCode(401);
        given().auth()
                .oauth2(TestTokens.tenant("almaty")
                        .roles(Role.AUDITOR)
                        .signedWith("rogue")
                        .sign())
                .get("/api/v1/me")
                .then()
                .statusCode(401);
    }
}
