package kz.qorgau.referral;

import java.util.Set;
import java.util.UUID;
import kz.qorgau.security.Caller;

/**
 * What the other capabilities know of a referral when they attach something to it: never its entity, so that
 * only this package changes a referral.
 */
public record ReferralRef(
        UUID id,
        UUID caseId,
        UUID senderAgencyId,
        UUID receiverAgencyId,
        ReferralState state,
        boolean sent,
        boolean emergencyException) {

    static ReferralRef of(Referral referral) {
        return new ReferralRef(
                referral.id,
                referral.caseId,
                referral.senderAgencyId,
                referral.receiverAgencyId,
                referral.state,
                referral.wasSent(),
                referral.consentId == null && referral.emergencyReason != null);
    }

    public boolean ended() {
        return state.isTerminal();
    }

    /** The ends of the referral the caller's agency is (see {@link ReferralSides}). */
    public Set<Side> sidesOf(Caller caller) {
        return ReferralSides.of(caller, senderAgencyId, receiverAgencyId, !sent);
    }
}
