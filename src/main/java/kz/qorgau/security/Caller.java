package kz.qorgau.security;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling, taken from a verified access token only: the tenant (its OIDC tenant, checked against
 * the token's tenant claim), the caller's agency, its Qorgau roles and the token subject.
 *
 * @param agencyId absent for callers without an agency, such as a coordinator of the whole network
 * @param username the person as her agency names her (Keycloak's preferred_username, unique in the realm): what
 *     a referral's assignee holds; the subject where the token carries no username
 */
public record Caller(String tenantId, Optional<UUID> agencyId, Set<Role> roles, String subject, String username) {

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        username = username == null || username.isBlank() ? subject : username;
    }

    public Caller(String tenantId, Optional<UUID> agencyId, Set<Role> roles, String subject) {
        this(tenantId, agencyId, roles, subject, null);
    }

    /** The person an assignee filter names: "me" is the caller herself, any other value a username. */
    public String person(String usernameOrMe) {
        return "me".equals(usernameOrMe) ? username : usernameOrMe;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Set<Role> wanted) {
        return wanted.stream().anyMatch(roles::contains);
    }

    public boolean belongsTo(UUID agency) {
        return agencyId.map(agency::equals).orElse(false);
    }
}
