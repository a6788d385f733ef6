package kz.qorgau.security;

import static kz.qorgau.security.Role.AGENCY_ADMIN;
import static kz.qorgau.security.Role.COORDINATOR;

import java.util.EnumSet;
import java.util.Set;

/**
 * The functions of the API and the roles that may use them: the one table that says which role may call
 * what. Whether the caller may touch a particular object (its own agency's, another's) is decided by
 * {@link AccessRules} on top of this.
 */
public enum Capability {
    /** The tenant's agency directory: every role needs it, to choose a receiver or to read the trail. */
    READ_AGENCIES(EnumSet.allOf(Role.class)),
    REGISTER_AGENCY(EnumSet.of(COORDINATOR)),
    /** Object-level: an agency-admin edits only its own agency, and not its kind or whether it is active. */
    EDIT_AGENCY(EnumSet.of(AGENCY_ADMIN, COORDINATOR));

    private final Set<Role> roles;

    Capability(Set<Role> roles) {
        this.roles = Set.copyOf(roles);
    }

    public Set<Role> roles() {
        return roles;
    }
}
