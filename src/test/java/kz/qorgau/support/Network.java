package kz.qorgau.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.UUID;
import kz.qorgau.security.Role;

/**
 * One tenant's agencies for a test, registered through the API by a coordinator, with a token for any
 * role in any of them. Names carry a random suffix so that test classes sharing a database never clash.
 */
public final class Network {

    public final String tenant;
    public final UUID police;
    public final UUID socialProtection;
    public final UUID crisisCentre;
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    private Network(String tenant) {
        this.tenant = tenant;
        this.police = register("Police precinct", "POLICE", "[]");
        this.socialProtection = register(
                "Social protection department",
                "SOCIAL_PROTECTION",
                "[\"SOCIAL_BENEFITS\",\"CHILD_PROTECTION\",\"PSYCHOLOGICAL_COUNSELLING\"]");
        this.crisisCentre =
                register("Crisis centre", "NGO_CRISIS_CENTRE", "[\"SHELTER\",\"PSYCHOLOGICAL_COUNSELLING\"]");
    }

    public static Network of(String tenant) {
        return new Network(tenant);
    }

    public static String coordinatorToken(String tenant) {
        return TestTokens.tenant(tenant).roles(Role.COORDINATOR).sign();
    }

    /** A token of the role: for a role that acts for an agency, a person of the crisis centre; else network-wide. */
    public String tokenOf(Role role) {
        return role.actsForAnAgency()
                ? token(role, crisisCentre)
                : TestTokens.tenant(tenant).roles(role).sign();
    }

    public String token(Role role, UUID agency) {
        return TestTokens.tenant(tenant).agency(agency).roles(role).sign();
    }

    /** A person's token: a role in an agency, and her username there (what a referral's assignee holds). */
    public String person(String username, Role role, UUID agency) {
        return TestTokens.tenant(tenant)
                .agency(agency)
                .roles(role)
                .username(username)
                .sign();
    }

    /** A token of several roles in one agency, such as a partner system's client (agency-admin and a case worker). */
    public String token(UUID agency, Role... roles) {
        return TestTokens.tenant(tenant).agency(agency).roles(roles).sign();
    }

    /** A token of a role that acts for the whole network rather than an agency (coordinator, auditor). */
    public String tenantWide(Role role) {
        return TestTokens.tenant(tenant).roles(role).sign();
    }

    public String coordinator() {
        return coordinatorToken(tenant);
    }

    /**
     * Eight random hex digits per name: with four, a test registering some eighty agencies under one base name (the
     * conference seating matrix) drew the same name twice in about one run of twenty, and the second was refused.
     */
    public String uniqueName(String base) {
        return base + " " + suffix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Registers one more agency of the network; services is a JSON array of service names. */
    public UUID register(String name, String kind, String services) {
        String id = given().auth()
                .oauth2(coordinatorToken(tenant))
                .contentType(ContentType.JSON)
                .body("{\"name\":\"" + uniqueName(name) + "\",\"kind\":\"" + kind + "\",\"services\":" + services + "}")
                .post("/api/v1/agencies")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return UUID.fromString(id);
    }
}
