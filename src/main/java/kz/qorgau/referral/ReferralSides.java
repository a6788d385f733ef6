package kz.qorgau.referral;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.security.AccessRules;
import kz.qorgau.security.Caller;
import kz.qorgau.security.Role;

/** Which ends of a referral the caller is, and so whether it sees the referral: plain functions. */
public final class ReferralSides {

    private ReferralSides() {}

    /**
     * The ends of a referral the caller's agency is, if it is a case worker there; empty for anyone else.
     * Until a referral is sent its receiver is not a side of it: a draft, or a draft cancelled unsent, is
     * the sender's alone.
     */
    public static Set<Side> of(Caller caller, UUID sender, UUID receiver, boolean unsent) {
        if (!caller.hasAny(Role.CASE_WORKERS) && !caller.has(Role.EXTERNAL_RECIPIENT)
                || caller.agencyId().isEmpty()) {
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
    public static boolean maySee(Caller caller, UUID sender, UUID receiver, boolean unsent) {
        return AccessRules.seesWholeNetwork(caller)
                || !of(caller, sender, receiver, unsent).isEmpty();
    }
}
