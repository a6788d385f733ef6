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
}
