package kz.qorgau.security;

import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Rejects, as unauthenticated, a verified token whose tenant claim is not the tenant whose identity
 * provider issued it. A realm that mapped the wrong tenant, or a token minted for another network, must
 * never act inside this one.
 */
@ApplicationScoped
public class TenantClaimCheck implements SecurityIdentityAugmentor {

    public static final String TENANT_CLAIM = "tenant";

    /** The audience every access token for this API carries (the realms' qorgau client scope adds it). */
    public static final String AUDIENCE = "qorgau-api";

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        String issuerTenant = identity.getAttribute(OidcUtils.TENANT_ID_ATTRIBUTE);
        if (issuerTenant == null || !TokenClaims.string(token, TENANT_CLAIM).equals(Optional.of(issuerTenant))) {
            return Uni.createFrom()
                    .failure(new AuthenticationFailedException(
                            "The token's tenant claim does not match the tenant of its issuer"));
        }
        // A token for another client of the realm is not one for this API, whatever a tenant's
        // quarkus.oidc.<id>.token.audience says or forgets to say.
        if (token.getAudience() == null || !token.getAudience().contains(AUDIENCE)) {
            return Uni.createFrom()
                    .failure(new AuthenticationFailedException("The token is not meant for this API (audience)"));
        }
        return Uni.createFrom().item(identity);
    }
}
