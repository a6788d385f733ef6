package kz.qorgau.security;

import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.common.OidcEndpoint;
import io.quarkus.oidc.common.OidcRequestFilter;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Bounds how long a realm's discovery document and keys may take to arrive. quarkus-oidc bounds only the connect
 * (connection-timeout, 10 s); an identity provider that accepts the connection and never answers would hold each
 * request waiting for it a minute, until the idle connection is dropped (SilentIdentityProviderTest). Unremovable: quarkus-oidc looks its filters up at run
 * time, and a bean nothing injects would otherwise be removed from the build.
 */
@ApplicationScoped
@Unremovable
@OidcEndpoint({OidcEndpoint.Type.DISCOVERY, OidcEndpoint.Type.JWKS})
public class IdentityProviderTimeout implements OidcRequestFilter {

    static final long ANSWER_WITHIN_MILLIS = 5_000;

    @Override
    public void filter(OidcRequestContext context) {
        context.request().timeout(ANSWER_WITHIN_MILLIS);
    }
}
