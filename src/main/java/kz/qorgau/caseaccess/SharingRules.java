package kz.qorgau.caseaccess;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import kz.qorgau.consent.DataCategory;

/**
 * Which of the survivor's data categories an agency sees, as plain functions: the lead agency collected
 * her data and sees all of it; any other agency sees exactly what a consent in force covers for it, and
 * otherwise (no consent, a withdrawn or expired one, a referral sent under the emergency exception, a
 * referral that has ended) only the minimal view: the case, its risk level and the referral, nothing
 * that identifies or locates her.
 */
public final class SharingRules {

    private SharingRules() {}

    /** Why an agency sees what it sees. */
    public enum SharingBasis {
        LEAD_AGENCY,
        CONSENT,
        /** Sent without consent because of an emergency: the minimal view. */
        EMERGENCY_EXCEPTION,
        /** No consent in force covers the agency (never given, withdrawn or expired): the minimal view. */
        NO_CONSENT,
        /** The agency's referral has ended: the minimal view. */
        REFERRAL_ENDED,
        /** Coordinators oversee the network without personal data. */
        OVERSIGHT
    }

    /**
     * @param withheld items of her contact data the categories cover but the agency does not get, and why
     *     ({@link ContactGate})
     */
    public record Sharing(SharingBasis basis, Set<DataCategory> categories, Map<DataItem, Withholding> withheld) {

        public Sharing {
            categories = categories.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(categories));
            withheld = Map.copyOf(withheld);
        }

        public Sharing(SharingBasis basis, Set<DataCategory> categories) {
            this(basis, categories, Map.of());
        }

        public boolean shows(DataCategory category) {
            return categories.contains(category);
        }

        public boolean shows(DataItem item) {
            return categories.containsAll(item.needs()) && !withheld.containsKey(item);
        }

        /** The same sharing, less the items withheld that its categories would show. */
        public Sharing withholding(Map<DataItem, Withholding> items) {
            Map<DataItem, Withholding> kept = new EnumMap<>(DataItem.class);
            items.forEach((item, why) -> {
                if (categories.containsAll(item.needs())) {
                    kept.put(item, why);
                }
            });
            return kept.isEmpty() ? this : new Sharing(basis, categories, kept);
        }
    }

    public static final Sharing OVERSIGHT = new Sharing(SharingBasis.OVERSIGHT, Set.of());

    /**
     * @param consentedNow the categories of every consent in force now that covers the agency
     * @param referralLive whether the agency's referral (or its place on the case) is still under way
     * @param emergencyException whether the agency's referral went without consent, under the exception
     */
    public static Sharing forAgency(
            boolean leadAgency, boolean referralLive, Set<DataCategory> consentedNow, boolean emergencyException) {
        if (leadAgency) {
            return new Sharing(SharingBasis.LEAD_AGENCY, EnumSet.allOf(DataCategory.class));
        }
        if (!referralLive) {
            return new Sharing(SharingBasis.REFERRAL_ENDED, Set.of());
        }
        if (!consentedNow.isEmpty()) {
            return new Sharing(SharingBasis.CONSENT, consentedNow);
        }
        return new Sharing(emergencyException ? SharingBasis.EMERGENCY_EXCEPTION : SharingBasis.NO_CONSENT, Set.of());
    }
}
