package kz.qorgau.security;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.referral.Side;

/**
 * Every access decision of Qorgau as plain functions of the caller and the facts about the object, so that
 * unit tests reach them without a server. {@link AccessPolicy} applies them to the current request.
 */
public final class AccessRules {

    private AccessRules() {
    }

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

    /**
     * The ends of a referral the caller's agency is, if it is a case worker there; empty for anyone else.
     * Until a referral is sent its receiver is not a side of it: a draft, or a draft cancelled unsent, is
     * the sender's alone.
     */
    public static Set<Side> sidesOf(Caller caller, UUID sender, UUID receiver, boolean unsent) {
        if (!caller.hasAny(Role.CASE_WORKERS) || caller.agencyId().isEmpty()) {
            return Set.of();
        }
        Set<Side> sides = EnumSet.noneOf(Side.class);
        if (caller.belongsTo(sender)) {
            sides.add(Side.SENDER);
        }
        if (!unsent && caller.belongsTo(receiver)) {
            sides.add(Side.RECEIVER);
        }
        return sides;
    }

    /** A referral is seen by its two agencies (the receiver once it is sent) and by coordinators. */
    public static boolean maySeeReferral(Caller caller, UUID sender, UUID receiver, boolean unsent) {
        return seesWholeNetwork(caller) || !sidesOf(caller, sender, receiver, unsent).isEmpty();
    }

    /** An agency's directory entry is kept by its own staff, and by coordinators. */
    public static boolean mayEditDirectoryEntry(Caller caller, UUID agencyId) {
        return caller.has(Role.COORDINATOR) || may(caller, Capability.EDIT_DIRECTORY_ENTRY) && caller.belongsTo(agencyId);
    }

}
