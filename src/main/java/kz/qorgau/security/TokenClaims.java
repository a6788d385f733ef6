package kz.qorgau.security;

import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A verified token's own claims, read by name. SmallRye's {@code JsonWebToken.getClaim(String)} first looks the
 * name up among the standard claims with {@code Claims.valueOf}, which throws, stack trace and all, for any other
 * name: three times a request here, for {@code tenant}, {@code agency_id} and {@code realm_access} (a profile of
 * {@code bench/perf.sh} counted 117,000 such exceptions in one run, issue 26). The claims quarkus-oidc verified are
 * read directly instead (its principal class is not public API: should it change, the fallback still answers
 * correctly, only slower); a principal of any other kind answers through the API.
 */
final class TokenClaims {

    private TokenClaims() {}

    /** The claim when it is a string; empty when it is absent or anything else. */
    static Optional<String> string(JsonWebToken token, String name) {
        Object value = raw(token, name);
        if (value instanceof JsonString json) {
            return Optional.of(json.getString());
        }
        return value instanceof String text ? Optional.of(text) : Optional.empty();
    }

    /**
     * The names in {@code realm_access.roles} that are strings; none when the claim is missing or malformed. SmallRye
     * has already turned every object and array claim into JSON-P values, so nothing else is looked for.
     */
    static List<String> realmRoles(JsonWebToken token) {
        if (!(raw(token, "realm_access") instanceof JsonObject access)
                || !(access.get("roles") instanceof JsonArray names)) {
            return List.of();
        }
        return names.stream()
                .filter(JsonString.class::isInstance)
                .map(name -> ((JsonString) name).getString())
                .toList();
    }

    private static Object raw(JsonWebToken token, String name) {
        if (token instanceof OidcJwtCallerPrincipal verified) {
            return verified.getClaims().getClaimValue(name);
        }
        return token.getClaim(name);
    }
}
