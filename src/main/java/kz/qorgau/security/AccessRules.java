package kz.qorgau.security;

import java.util.UUID;

/**
 * Every access decision of Qorgau as plain functions of the caller and the facts about the object, so that
 * unit tests reach them without a server. {@link AccessPolicy} applies them to the current request.
 */
public final class AccessRules {

    private AccessRules() {}

    public static boolean may(Caller caller, Capability capability) {
        if (!caller.hasAny(capability.roles())) {
            return false;
        }
        // A role that acts for an agency is useless without one; a token missing the claim gets nothing.
        return caller.roles().stream()
                .filter(capability.roles()::contains)
                .anyMatch(role -> !role.actsForAnAgency() || caller.agencyId().isPresent());
    }

    /**
     * Coordinators edit any agency of their tenant; an agency-admin only its own, and only the fields
     * that describe it, not its kind or whether it takes part in the network.
     */
    public static boolean mayEditAgency(Caller caller, UUID agencyId, boolean changesKindOrActive) {
        if (caller.has(Role.COORDINATOR)) {
            return true;
        }
        return caller.has(Role.AGENCY_ADMIN) && caller.belongsTo(agencyId) && !changesKindOrActive;
    }

    /** Coordinators oversee the whole network; everyone else sees through its own agency. */
    public static boolean seesWholeNetwork(Caller caller) {
        return caller.has(Role.COORDINATOR);
    }

    /** An incident is its reporting agency's, and the network's coordinators'. */
    public static boolean maySeeIncident(Caller caller, UUID reportingAgency) {
        return seesWholeNetwork(caller) || may(caller, Capability.READ_INCIDENTS) && caller.belongsTo(reportingAgency);
    }

    /** An agency's directory entry is kept by its own staff, and by coordinators. */
    public static boolean mayEditDirectoryEntry(Caller caller, UUID agencyId) {
        return caller.has(Role.COORDINATOR)
                || may(caller, Capability.EDIT_DIRECTORY_ENTRY) && caller.belongsTo(agencyId);
    }
}
