package kz.qorgau.referral;

import java.util.UUID;
import kz.qorgau.security.AccessRules;
import kz.qorgau.security.Caller;
import kz.qorgau.security.Capability;

/**
 * Who may hand a referral from one person to another: the receiving agency's own staff, once the referral is
 * accepted and until it ends (before ACCEPT nobody holds it; ACCEPT names the first person). Plain Java.
 */
public final class AssignmentRules {

    private AssignmentRules() {}

    /** The receiving agency's case workers and admin; not the sender, not another agency, not coordinators. */
    public static boolean mayAssign(Caller caller, UUID receiverAgencyId) {
        return AccessRules.may(caller, Capability.ASSIGN_WORK) && caller.belongsTo(receiverAgencyId);
    }

    /** Only the agency's admin moves a whole person's work, and only within its own agency. */
    public static boolean mayHandOver(Caller caller, UUID agencyId) {
        return AccessRules.may(caller, Capability.HAND_OVER_WORK) && caller.belongsTo(agencyId);
    }

    /** A referral is held by a person while the receiver has the survivor on: accepted, under way or paused. */
    public static boolean assignable(ReferralState state) {
        return state.receiverIsOnTheCase();
    }
}
