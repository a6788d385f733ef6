package kz.qorgau.security;

import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The request's {@link Caller}, built from the verified token: the only place that reads its claims. */
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
        // The realm's roles alone (realm_access.roles): not quarkus-oidc's preference for a groups claim, which
        // a realm's group mapper would fill with names anyone administering groups can choose.
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (token.getClaim("realm_access") instanceof JsonObject access
                && access.get("roles") instanceof JsonArray granted) {
            granted.stream()
                    .filter(JsonString.class::isInstance)
                    .forEach(name ->
                            Role.fromTokenName(((JsonString) name).getString()).ifPresent(roles::add));
        }
        Object username = token.getClaim("preferred_username");
        return new Caller(
                tenant,
                agencyOf(token),
                roles,
                token.getSubject(),
                username instanceof JsonString json ? json.getString() : username instanceof String s ? s : null);
    }

    /** A missing or malformed agency claim leaves the caller without an agency, and so without its roles. */
    private static Optional<UUID> agencyOf(JsonWebToken token) {
        Object claim = token.getClaim(AGENCY_CLAIM);
        String text = claim instanceof JsonString json ? json.getString() : claim instanceof String s ? s : null;
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
