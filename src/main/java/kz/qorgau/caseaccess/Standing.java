package kz.qorgau.caseaccess;

/**
 * How one agency stands to one case: the facts every decision about the case starts from.
 *
 * @param lead the case's lead agency, which collected her data
 * @param acceptedReceiver the receiver of one of its referrals that accepted it and has not ended it
 * @param liveParty the lead agency, or the receiver of one of its live referrals once it was sent (an agency
 *     that only sends a referral is no party for that)
 * @param emergencyOnly the receiver of a live referral sent without consent, under the emergency exception
 */
public record Standing(boolean lead, boolean acceptedReceiver, boolean liveParty, boolean emergencyOnly) {

    public static final Standing NONE = new Standing(false, false, false, false);

    /** On the case: its lead agency and the agencies working its referrals. */
    public boolean onCase() {
        return lead || acceptedReceiver;
    }
}
