package kz.qorgau.security;

import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The request's {@link Caller}, built from the verified token: the only place that turns its claims into one. */
@RequestScoped
public class CurrentCaller {

    public static final String AGENCY_CLAIM = "agency_id";

    @Inject
    SecurityIdentity identity;

    private Caller caller;

    public Caller get() {
        if (caller == null) {
            caller = fromToken();
        }
        return caller;
    }

    /**
     * The request is made by a recipient off the platform, whom the link and code of one referral identified (no
     * token): only {@code kz.qorgau.external} calls this (ArchitectureTest), before anything reads the caller.
     */
    public void actAsExternalRecipient(String tenant, UUID standIn, String link, String name) {
        Caller recipient = new Caller(
                tenant, Optional.of(standIn), Set.of(Role.EXTERNAL_RECIPIENT), "external-link:" + link, name);
        if (caller != null && !caller.equals(recipient)) {
            throw new IllegalStateException("The request's caller is already known");
        }
        caller = recipient;
    }

    private Caller fromToken() {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            throw new UnauthorizedException();
        }
        // TenantClaimCheck has already refused tokens whose tenant claim differs from the issuer's tenant.
        String tenant = identity.getAttribute(OidcUtils.TENANT_ID_ATTRIBUTE);
        return new Caller(
                tenant,
                agencyOf(token),
                rolesOf(token),
                token.getSubject(),
                TokenClaims.string(token, "preferred_username").orElse(null));
    }

    /**
     * The design's roles a verified token carries: the realm's roles alone (realm_access.roles), not quarkus-oidc's
     * preference for a groups claim, which a realm's group mapper would fill with names anyone administering groups
     * can choose.
     */
    public static Set<Role> rolesOf(JsonWebToken token) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        TokenClaims.realmRoles(token).forEach(name -> Role.fromTokenName(name).ifPresent(roles::add));
        return roles;
    }

    /** A missing or malformed agency claim leaves the caller without an agency, and so without its roles. */
    private static Optional<UUID> agencyOf(JsonWebToken token) {
        Optional<String> text = TokenClaims.string(token, AGENCY_CLAIM);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text.get()));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
