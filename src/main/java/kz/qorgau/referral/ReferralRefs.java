package kz.qorgau.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import kz.qorgau.security.AccessPolicy;

/** Hands the other capabilities the referrals the caller may see. */
@ApplicationScoped
public class ReferralRefs {

    @Inject
    ReferralRepository referrals;

    @Inject
    AccessPolicy access;

    /** A referral the caller may see, or 404 exactly as for one that does not exist. */
    public ReferralRef visible(UUID id) {
        return ReferralRef.of(referrals.visibleTo(access.caller(), id));
    }

    /**
     * As {@link #visible}, and held in its state until the caller's transaction ends: a transition of it waits, so
     * what the caller records on it cannot land after the referral ended.
     */
    public ReferralRef visibleAndHeld(UUID id) {
        return ReferralRef.of(
                referrals.visibleTo(access.caller(), id, jakarta.persistence.LockModeType.PESSIMISTIC_READ));
    }
}
