package kz.qorgau.common;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.security.OAuthFlows;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * How each partner gets its tokens, as OAuth2 flows against its network's Keycloak realm: systems by
 * client credentials, people by authorization code with PKCE. The documents name the demo realm; a partner
 * puts its own network's realm in its place.
 *
 * <p>Applied when a document is asked for, not as the service starts: a document with no filter left to run
 * is written out in JSON and YAML at start, and writing the documents was a fifth of the time a replica took to
 * start (issue 26). So every document, the whole API's included, has one of these. A document is asked for by a
 * partner's developer, not by every call.
 */
public final class PartnerSecuritySchemes {

    /** The name every operation's security requirement refers to (quarkus.smallrye-openapi.*.security-scheme). */
    private static final String SCHEME = "SecurityScheme";

    /** What the API checks of every token, which is what RFC 8725 asks of JWT consumers. */
    private static final String TOKENS = "Access tokens are short-lived JWTs (15 minutes in the demo realms), "
            + "verified as RFC8725 recommends: an asymmetric signature by the realm's published keys, the realm's "
            + "exact issuer, the audience qorgau-api, the expiry, and a tenant claim that must match the realm";

    private PartnerSecuritySchemes() {}

    private static String realm() {
        return ConfigProvider.getConfig()
                .getOptionalValue("qorgau.openapi.realm-url", String.class)
                .orElse("http://127.0.0.1:8180/realms/almaty");
    }

    private static void replace(OpenAPI openAPI, String description, OAuthFlows flows) {
        if (openAPI.getComponents() == null) {
            return;
        }
        Map<String, SecurityScheme> schemes = openAPI.getComponents().getSecuritySchemes();
        if (schemes == null || !schemes.containsKey(SCHEME)) {
            return;
        }
        openAPI.getComponents()
                .addSecurityScheme(
                        SCHEME,
                        OASFactory.createSecurityScheme()
                                .type(SecurityScheme.Type.OAUTH2)
                                .description(description + ". " + TOKENS)
                                .flows(flows));
    }

    private static OAuthFlows clientCredentials(OAuthFlows flows) {
        return flows.clientCredentials(OASFactory.createOAuthFlow()
                .tokenUrl(realm() + "/protocol/openid-connect/token")
                .refreshUrl(realm() + "/protocol/openid-connect/token")
                .scopes(Map.of()));
    }

    private static OAuthFlows authorizationCode(OAuthFlows flows) {
        return flows.authorizationCode(OASFactory.createOAuthFlow()
                .authorizationUrl(realm() + "/protocol/openid-connect/auth")
                .tokenUrl(realm() + "/protocol/openid-connect/token")
                .refreshUrl(realm() + "/protocol/openid-connect/token")
                .scopes(Map.of()));
    }

    /** Police dispatch systems and NGO portals are machines with a confidential client each. */
    @OpenApiFilter(
            documentNames = {"police-dispatch", "ngo-portal"},
            stages = OpenApiFilter.RunStage.RUNTIME_PER_REQUEST)
    public static class Systems implements OASFilter {
        @Override
        public void filterOpenAPI(OpenAPI openAPI) {
            replace(
                    openAPI,
                    "OAuth2 client credentials of the system's confidential client in the network's realm",
                    clientCredentials(OASFactory.createOAuthFlows()));
        }
    }

    /**
     * Inspectors, coordinators, administrators, schools' safeguarding leads and hotline operators are people
     * signing in through Keycloak.
     */
    @OpenApiFilter(
            documentNames = {"police-inspector", "administration", "schools", "hotline"},
            stages = OpenApiFilter.RunStage.RUNTIME_PER_REQUEST)
    public static class People implements OASFilter {
        @Override
        public void filterOpenAPI(OpenAPI openAPI) {
            replace(
                    openAPI,
                    "OAuth2 authorization code with PKCE (S256) for a person of the network",
                    authorizationCode(OASFactory.createOAuthFlows()));
        }
    }

    /**
     * A social protection department calls as a person or from its own system; so does the whole API's
     * document, which every partner's operations are in.
     */
    @OpenApiFilter(
            documentNames = {"social-protection", OpenApiFilter.DEFAULT_DOCUMENT_NAME},
            stages = OpenApiFilter.RunStage.RUNTIME_PER_REQUEST)
    public static class PeopleOrSystems implements OASFilter {
        @Override
        public void filterOpenAPI(OpenAPI openAPI) {
            replace(
                    openAPI,
                    "OAuth2 authorization code with PKCE for a person, or client credentials for a system",
                    clientCredentials(authorizationCode(OASFactory.createOAuthFlows())));
        }
    }
}
