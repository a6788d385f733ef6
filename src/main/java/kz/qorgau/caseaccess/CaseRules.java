package kz.qorgau.caseaccess;

import java.util.Set;
import kz.qorgau.caseaccess.SharingRules.Sharing;
import kz.qorgau.consent.DataCategory;
import kz.qorgau.security.AccessRules;
import kz.qorgau.security.Caller;
import kz.qorgau.security.Role;

/**
 * What a caller may do with a case and see of her, as plain functions of the caller and its agency's
 * {@link Standing}: the one place these decisions are made. {@link CaseAccess} gathers the facts and applies
 * them to the request.
 */
public final class CaseRules {

    private CaseRules() {}

    /** The case is seen by the agencies on it and by coordinators; a receiver that has not accepted sees the referral. */
    public static boolean seesCase(Caller caller, Standing standing) {
        return AccessRules.seesWholeNetwork(caller) || worksCase(caller, standing);
    }

    /** Working a case (recording consent, assessments, orders, referring onward) is for the agencies on it. */
    public static boolean worksCase(Caller caller, Standing standing) {
        return caseWorker(caller) && standing.onCase();
    }

    /** A case's protective orders protect her wherever she is being helped: every live party sees them. */
    public static boolean seesOrders(Caller caller, Standing standing) {
        return AccessRules.seesWholeNetwork(caller) || caseWorker(caller) && standing.liveParty();
    }

    /**
     * Her consent is recorded by the lead agency alone. An agency that received her case under the
     * emergency exception, or with a narrow consent, must not be able to widen what another agency sees,
     * nor to have another agency widen its own view in return; her withdrawal, which only narrows, any agency
     * on the case records.
     */
    public static boolean recordsConsent(Caller caller, Standing standing) {
        return caseWorker(caller) && standing.lead();
    }

    /** The timeline is the lead agency's working record, and the coordinators'. */
    public static boolean seesTimeline(Caller caller, Standing standing) {
        return AccessRules.seesWholeNetwork(caller) || caseWorker(caller) && standing.lead();
    }

    /**
     * What of her the caller sees on the case: a live party by its standing and the consents in force for it;
     * a case worker whose part ended nothing; anyone else (coordinators) the oversight view, without personal
     * data.
     */
    public static Sharing sharing(Caller caller, Standing standing, Set<DataCategory> consentedNow) {
        if (!caseWorker(caller)) {
            return SharingRules.OVERSIGHT;
        }
        if (!standing.liveParty()) {
            // An agency whose part in her case ended (it may still be the sender of a live referral of it).
            return SharingRules.forAgency(false, false, Set.of(), false);
        }
        return SharingRules.forAgency(standing.lead(), true, consentedNow, standing.emergencyOnly());
    }

    private static boolean caseWorker(Caller caller) {
        return caller.hasAny(Role.CASE_WORKERS) && caller.agencyId().isPresent();
    }
}
