package kz.qorgau.datareport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import kz.qorgau.agency.AgencyKind;
import kz.qorgau.consent.DataCategory;

/**
 * Who holds and who has read her data, as one entry per agency: plain functions over what the referrals, the
 * emergency accesses, the risk conferences and the audit trail say, so that a unit test reaches them without a server.
 */
public final class DataHolders {

    private DataHolders() {}

    /** Why an agency has, or had, her data. */
    public enum HoldingBasis {
        /** It opened her case and collected her data. */
        LEAD_AGENCY,
        /** A consent of hers names it, or its kind. */
        CONSENT,
        /** A referral sent to it without her consent, because of an emergency. */
        EMERGENCY_EXCEPTION,
        /** It opened the minimal emergency view of her case for a short time (break-glass). */
        EMERGENCY_ACCESS,
        /** A risk conference it sits in heard her case. */
        RISK_CONFERENCE,
        /** It read something of her case on none of these grounds (an oversight role, say). */
        OTHER
    }

    /** One ground an agency has or had: when it began and, where it ended, when. */
    public record Ground(HoldingBasis basis, Instant since, Instant until, UUID consentId) {}

    /**
     * A consent of hers as her report reads it: the agencies and kinds it names, when she gave it, when it ended for
     * everyone (withdrawn whole, or expired), and the agencies it was withdrawn from one by one.
     */
    public record ConsentTerms(
            UUID id,
            Set<UUID> agencies,
            Set<AgencyKind> kinds,
            Instant given,
            Instant ended,
            Set<UUID> withdrawnFrom) {}

    /**
     * The grounds of consent an agency has or had: one for each consent that names it or its kind, from when she gave
     * it to when it ended for the agency. A consent withdrawn from the agency alone ended at the first WITHDRAW of one
     * of the agency's referrals after she gave it ({@code withdrawals}: a WITHDRAW takes back every consent that covers
     * the receiver); none known leaves the end open.
     */
    public static List<Ground> consentGrounds(
            UUID agency, AgencyKind kind, Collection<ConsentTerms> consents, Collection<Instant> withdrawals) {
        List<Ground> grounds = new ArrayList<>();
        for (ConsentTerms consent : consents) {
            if (!consent.agencies().contains(agency)
                    && (kind == null || !consent.kinds().contains(kind))) {
                continue;
            }
            Instant until = consent.ended();
            if (consent.withdrawnFrom().contains(agency)) {
                Instant withdrawn = withdrawals.stream()
                        .filter(at -> !at.isBefore(consent.given()))
                        .min(Comparator.naturalOrder())
                        .orElse(null);
                if (withdrawn != null && (until == null || withdrawn.isBefore(until))) {
                    until = withdrawn;
                }
            }
            grounds.add(new Ground(HoldingBasis.CONSENT, consent.given(), until, consent.id()));
        }
        return grounds;
    }

    /** What the audit trail says an agency read of her case. */
    public record Reading(UUID agency, long reads, Instant lastReadAt, Set<DataCategory> categories) {}

    /** The categories in their order (identity first), which a reader of the report meets them in. */
    private static Set<DataCategory> inOrder(Set<DataCategory> categories) {
        return categories.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(categories));
    }

    /** One agency in her report. */
    public record Holder(
            UUID agency,
            List<Ground> grounds,
            Set<DataCategory> holdsNow,
            Set<DataCategory> categoriesRead,
            long reads,
            Instant lastReadAt) {

        public boolean lead() {
            return grounds.stream().anyMatch(g -> g.basis() == HoldingBasis.LEAD_AGENCY);
        }
    }

    /**
     * One entry per agency that has a ground or read anything: its grounds in time order, what it may see now, what it
     * read and when last. The lead agency first, then the most recent reader first, then those that never read.
     */
    public static List<Holder> of(
            UUID leadAgency,
            Map<UUID, List<Ground>> grounds,
            Collection<Reading> readings,
            Map<UUID, Set<DataCategory>> holdsNow) {
        Map<UUID, Reading> readBy = new LinkedHashMap<>();
        readings.forEach(r -> readBy.put(r.agency(), r));
        Set<UUID> agencies = new TreeSet<>();
        agencies.add(leadAgency);
        agencies.addAll(grounds.keySet());
        agencies.addAll(readBy.keySet());
        List<Holder> holders = new ArrayList<>();
        for (UUID agency : agencies) {
            List<Ground> its = new ArrayList<>(grounds.getOrDefault(agency, List.of()));
            if (agency.equals(leadAgency) && its.stream().noneMatch(g -> g.basis() == HoldingBasis.LEAD_AGENCY)) {
                its.add(0, new Ground(HoldingBasis.LEAD_AGENCY, null, null, null));
            }
            Reading read = readBy.get(agency);
            if (its.isEmpty()) {
                its.add(new Ground(HoldingBasis.OTHER, null, null, null));
            }
            its.sort(Comparator.comparing(Ground::since, Comparator.nullsFirst(Comparator.naturalOrder())));
            Set<DataCategory> now = agency.equals(leadAgency)
                    ? EnumSet.allOf(DataCategory.class)
                    : holdsNow.getOrDefault(agency, Set.of());
            holders.add(new Holder(
                    agency,
                    List.copyOf(its),
                    inOrder(now),
                    read == null ? Set.of() : inOrder(read.categories()),
                    read == null ? 0 : read.reads(),
                    read == null ? null : read.lastReadAt()));
        }
        holders.sort(Comparator.comparing((Holder h) -> !h.lead())
                .thenComparing(Holder::lastReadAt, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Holder::agency));
        return holders;
    }
}
