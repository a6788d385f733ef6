package kz.qorgau.security;

import io.quarkus.oidc.TenantResolver;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Chooses which tenant's OIDC configuration verifies a bearer token, from the realm named in its
 * (not yet verified) issuer. The choice only selects the keys and the exact issuer to check against, so
 * a forged issuer gains nothing: verification then fails. A token naming no configured tenant is left
 * unauthenticated and answered with 401.
 *
 * <p>Quarkus can resolve tenants by issuer itself, but it gives up for good on a tenant whose identity
 * provider was unreachable on the first try; this resolver lets quarkus-oidc retry on later requests.
 */
@ApplicationScoped
public class IssuerTenantResolver implements TenantResolver {

    private static final String REALM_SEGMENT = "/realms/";

    @Inject
    TenantsConfig tenants;

    @Override
    public String resolve(RoutingContext context) {
        String authorization = context.request().getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String realm = realmOf(authorization.substring(7).strip());
        return realm != null && tenants.all().containsKey(realm) ? realm : null;
    }

    static String realmOf(String jwt) {
        String[] parts = jwt.split("\\.", -1);
        if (parts.length != 3) {
            return null;
        }
        try {
            String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            Object issuer = new JsonObject(payload).getValue("iss");
            if (!(issuer instanceof String iss)) {
                return null;
            }
            int at = iss.lastIndexOf(REALM_SEGMENT);
            if (at < 0) {
                return null;
            }
            String realm = iss.substring(at + REALM_SEGMENT.length());
            return realm.endsWith("/") ? realm.substring(0, realm.length() - 1) : realm;
        } catch (RuntimeException malformed) {
            // Not a JWT we can read: no tenant, and so no authentication.
            return null;
        }
    }
}
