package kz.qorgau.common;

import io.quarkus.oidc.OIDCException;

/**
 * Tells a token that cannot be checked yet, because its realm's identity provider did not answer when the
 * service first connected to it, from a failure of the request itself. The caller hears 503 with a time to come
 * back instead of 500: nothing was read or changed, and the next request tries the identity provider again.
 *
 * <p>quarkus-oidc says so only in its message; the drill that starts the service before Keycloak
 * (KeycloakOutageIT) fails if a later version says it otherwise.
 */
final class IdentityProviderUnreachable {

    static final long RETRY_AFTER_SECONDS = 5;

    private static final String NOT_AVAILABLE = "OIDC Server is not available";

    private IdentityProviderUnreachable() {}

    static boolean isCause(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 8; cause = cause.getCause(), depth++) {
            if (cause instanceof OIDCException oidc
                    && oidc.getMessage() != null
                    && oidc.getMessage().startsWith(NOT_AVAILABLE)) {
                return true;
            }
        }
        return false;
    }
}
