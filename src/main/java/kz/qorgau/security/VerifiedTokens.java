package kz.qorgau.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Remembers, for a token's remaining lifetime, the identity quarkus-oidc and {@link TenantClaimCheck} made of
 * it, so that a partner's next call with the same token is not parsed and verified again. Verifying a bearer
 * token cost a fifth of the CPU of reading one referral (issue 26): the token is decoded four times, its JSON
 * parsed twice, its signature checked once.
 *
 * <p>What makes this safe: the identity is a function of the token's bytes alone (signature, issuer, audience,
 * tenant claim, roles, agency, expiry: no per-request input such as a client certificate or a proof of
 * possession is configured), and the key is the whole token, so a hit is the very string verified before. A
 * token is remembered only after every check passed (this augmentor runs after {@link TenantClaimCheck}); a
 * refused token is never remembered, so each forgery pays the full verification and fails. A hit is refused
 * once the token's {@code exp} has passed, exactly when verification would refuse it. What changes: a token
 * verified before its signing key was withdrawn stays accepted for at most {@link #AT_MOST} more, as it would
 * anyway for the lifetime of the JWKS quarkus-oidc caches. Checks that depend on the moment or the request
 * rather than the token (quarkus-oidc's token.age, step-up authentication, certificate-bound or DPoP tokens,
 * UserInfo or introspection) would be skipped on a hit: none is configured, and one that is must remove this.
 */
@ApplicationScoped
public class VerifiedTokens {

    /** However long the token lives, its identity is made afresh at least this often. */
    static final Duration AT_MOST = Duration.ofMinutes(5);

    /** A replica serves a few hundred people at once; each identity holds its token's claims (a few KiB). */
    private static final int CAPACITY = 4_000;

    /** Set on an identity handed out from here, so that it is not stored again. */
    private static final String REMEMBERED = "qorgau.verified-token.remembered";

    private final Cache<String, SecurityIdentity> identities = Caffeine.newBuilder()
            .maximumSize(CAPACITY)
            .expireAfter(new Expiry<String, SecurityIdentity>() {
                @Override
                public long expireAfterCreate(String token, SecurityIdentity identity, long now) {
                    return lifetime(identity).toNanos();
                }

                @Override
                public long expireAfterUpdate(String token, SecurityIdentity identity, long now, long current) {
                    return current;
                }

                @Override
                public long expireAfterRead(String token, SecurityIdentity identity, long now, long current) {
                    return current;
                }
            })
            .build();

    private final LongAdder hits = new LongAdder();

    /**
     * The identity made of this very token before, for this request; null when there is none still valid, or when
     * this request's tenant (which quarkus-oidc resolved from the token's issuer) is not the one it was made for.
     */
    SecurityIdentity known(String rawToken, RoutingContext routing) {
        SecurityIdentity known = identities.getIfPresent(rawToken);
        if (known == null || lifetime(known).isZero()) {
            return null;
        }
        Object tenant = routing == null ? null : routing.get(OidcUtils.TENANT_ID_ATTRIBUTE);
        if (tenant != null && !tenant.equals(known.getAttribute(OidcUtils.TENANT_ID_ATTRIBUTE))) {
            return null;
        }
        QuarkusSecurityIdentity.Builder again =
                QuarkusSecurityIdentity.builder(known).addAttribute(REMEMBERED, Boolean.TRUE);
        if (routing != null) {
            again.addAttribute(RoutingContext.class.getName(), routing);
        }
        hits.increment();
        return again.build();
    }

    void remember(SecurityIdentity identity) {
        if (!identity.isAnonymous()
                && identity.getAttribute(REMEMBERED) == null
                && identity.getPrincipal() instanceof JsonWebToken token
                && token.getRawToken() != null
                && !lifetime(identity).isZero()) {
            identities.put(token.getRawToken(), withoutItsRequest(identity));
        }
    }

    /** How many requests were answered from here: the tests read it to know the cache is in the path at all. */
    long hits() {
        return hits.sum();
    }

    /**
     * The identity without the request it was made in, which would otherwise be kept alive with it. Permission
     * checkers (quarkus-oidc's token scopes) are not carried over: the service grants by roles alone.
     */
    private static SecurityIdentity withoutItsRequest(SecurityIdentity identity) {
        QuarkusSecurityIdentity.Builder kept = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addRoles(identity.getRoles())
                .addCredentials(identity.getCredentials())
                .setAnonymous(false);
        identity.getAttributes().forEach((name, value) -> {
            if (!name.equals(RoutingContext.class.getName())
                    && !(value instanceof RoutingContext)
                    && !(value instanceof AuthenticationRequestContext)) {
                kept.addAttribute(name, value);
            }
        });
        return kept.build();
    }

    /**
     * Until the token expires, by the system clock quarkus-oidc checks {@code exp} with, and no longer than
     * {@link #AT_MOST}; zero for a token without an expiry.
     */
    private static Duration lifetime(SecurityIdentity identity) {
        if (!(identity.getPrincipal() instanceof JsonWebToken token) || token.getExpirationTime() <= 0) {
            return Duration.ZERO;
        }
        Duration left = Duration.ofSeconds(token.getExpirationTime()).minusMillis(System.currentTimeMillis());
        return left.isNegative() ? Duration.ZERO : left.compareTo(AT_MOST) < 0 ? left : AT_MOST;
    }

    /** Ahead of quarkus-oidc's provider: a miss answers nothing, and the next provider verifies the token. */
    @ApplicationScoped
    public static class Lookup implements IdentityProvider<TokenAuthenticationRequest> {

        @Inject
        VerifiedTokens tokens;

        @Override
        public Class<TokenAuthenticationRequest> getRequestType() {
            return TokenAuthenticationRequest.class;
        }

        /** Providers are asked highest first; quarkus-oidc's has the default, 1001, and verifies or refuses. */
        @Override
        public int priority() {
            return 2_000;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(
                TokenAuthenticationRequest request, AuthenticationRequestContext context) {
            if (!(request.getToken() instanceof AccessTokenCredential)) {
                return Uni.createFrom().nullItem();
            }
            return Uni.createFrom()
                    .item(tokens.known(
                            request.getToken().getToken(), HttpSecurityUtils.getRoutingContextAttribute(request)));
        }
    }

    /** After {@link TenantClaimCheck} (priority 0): only an identity every check let through is kept. */
    @ApplicationScoped
    public static class Keeper implements SecurityIdentityAugmentor {

        @Inject
        VerifiedTokens tokens;

        @Override
        public int priority() {
            return -1_000;
        }

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            tokens.remember(identity);
            return Uni.createFrom().item(identity);
        }
    }
}
