package kz.qorgau.caseaccess;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.agency.Agencies;
import kz.qorgau.caseaccess.SharingRules.Sharing;
import kz.qorgau.common.ProblemException;
import kz.qorgau.consent.ConsentService;
import kz.qorgau.consent.DataCategory;
import kz.qorgau.security.AccessPolicy;
import kz.qorgau.security.Caller;

/**
 * Decides, for the caller and a case, what it may do and see: every service that touches a case or shows
 * her data asks here, and answers the uniform 404 (a case it may not see, exactly as one that does not
 * exist) or 403 (a case it sees but may not work). The facts come from the case's parties
 * ({@link CaseParties}) and its consents; the decisions are {@link CaseRules}'.
 */
@ApplicationScoped
public class CaseAccess {

    @Inject
    EntityManager em;

    @Inject
    AccessPolicy access;

    @Inject
    Agencies agencies;

    @Inject
    CaseParties parties;

    @Inject
    ConsentService consents;

    @Inject
    ContactRelease contactRelease;

    /** The caller's grant on one case: its standing, and what that lets it do and see. */
    public record Grant(
            Standing standing,
            boolean seesCase,
            boolean worksCase,
            boolean recordsConsent,
            boolean seesOrders,
            boolean seesTimeline,
            Sharing sharing) {

        public boolean shows(DataCategory category) {
            return sharing.shows(category);
        }
    }

    /** The caller's grant on the case; one query for its standing, one for the consents when it needs them. */
    public Grant to(UUID caseId, UUID leadAgency) {
        Caller caller = access.caller();
        Standing standing = caller.agencyId()
                .map(agency -> standing(caseId, leadAgency, agency))
                .orElse(Standing.NONE);
        Sharing sharing = CaseRules.sharing(
                caller,
                standing,
                standing.liveParty() && !standing.lead()
                        ? consentedTo(caseId, caller.agencyId().orElseThrow())
                        : Set.of());
        if (caller.agencyId().isPresent()) {
            sharing = gated(caseId, caller.agencyId().get(), sharing);
        }
        return new Grant(
                standing,
                CaseRules.seesCase(caller, standing),
                CaseRules.worksCase(caller, standing),
                CaseRules.recordsConsent(caller, standing),
                CaseRules.seesOrders(caller, standing),
                CaseRules.seesTimeline(caller, standing),
                sharing);
    }

    /** The grant, or 404 exactly as for a case that does not exist when the caller may not see the case. */
    public Grant toSee(UUID caseId, UUID leadAgency) {
        Grant grant = to(caseId, leadAgency);
        if (!grant.seesCase()) {
            throw new ProblemException.NotFound("Case " + caseId);
        }
        return grant;
    }

    /** The grant of an agency on the case, or 403 for one that only oversees it, 404 for anyone else. */
    public Grant toWork(UUID caseId, UUID leadAgency) {
        Grant grant = to(caseId, leadAgency);
        if (!grant.worksCase()) {
            if (grant.seesCase()) {
                throw new ProblemException.Forbidden("Only the agencies on the case work it");
            }
            throw new ProblemException.NotFound("Case " + caseId);
        }
        return grant;
    }

    /**
     * What the caller sees of her through one of its referrals of the case: as its receiver, what the
     * consents in force give it while that referral is live (the minimal view under the emergency exception
     * or once the referral ended); as its sender, what it sees on the case.
     */
    public Sharing throughReferral(
            UUID caseId, UUID leadAgency, boolean receiver, boolean referralLive, boolean emergencyException) {
        if (!receiver) {
            return to(caseId, leadAgency).sharing();
        }
        UUID agency = access.caller().agencyId().orElseThrow();
        return gated(
                caseId,
                agency,
                SharingRules.forAgency(
                        agency.equals(leadAgency),
                        referralLive,
                        referralLive ? consentedTo(caseId, agency) : Set.of(),
                        emergencyException));
    }

    /**
     * For each of these cases, what the caller's agency sees of her as the receiver of a live referral of it:
     * two queries however many cases. A referral that ended shows it nothing ({@link #throughReferral}).
     */
    public Map<UUID, Sharing> asLiveReceiver(Collection<UUID> caseIds) {
        Optional<UUID> agencyId = access.caller().agencyId();
        if (caseIds.isEmpty() || agencyId.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Set<DataCategory>> consented = agencies.find(agencyId.get())
                .map(agency -> consents.categoriesFor(caseIds, agency.id(), agency.kind()))
                .orElse(Map.of());
        @SuppressWarnings("unchecked")
        List<UUID> led = em.createNativeQuery(
                        "select id from case_file where id in (:cases) and lead_agency_id = :agency", UUID.class)
                .setParameter("cases", List.copyOf(caseIds))
                .setParameter("agency", agencyId.get())
                .getResultList();
        Map<UUID, Sharing> sharing = new HashMap<>();
        for (UUID caseId : caseIds) {
            sharing.put(
                    caseId,
                    SharingRules.forAgency(
                            led.contains(caseId), true, consented.getOrDefault(caseId, Set.of()), false));
        }
        return sharing;
    }

    /**
     * What another agency than the caller sees of her on one of the case's referrals it is a side of: the lead all,
     * any other what the consents in force give it while the referral is live (nothing under the emergency
     * exception). Who hears of a document added to the referral follows it.
     */
    public Sharing ofSide(UUID caseId, UUID leadAgency, UUID agency, boolean referralLive, boolean emergencyException) {
        return SharingRules.forAgency(
                agency.equals(leadAgency),
                referralLive,
                referralLive ? consentedTo(caseId, agency) : Set.of(),
                emergencyException);
    }

    /**
     * What a member of a risk conference that hears the case sees of her besides the conference's minimal summary:
     * the lead all, any other agency what a consent of hers in force covers for it, and otherwise nothing.
     */
    public Sharing ofConferenceMember(UUID caseId, UUID leadAgency, UUID agency) {
        boolean lead = agency.equals(leadAgency);
        return gated(
                caseId,
                agency,
                SharingRules.forAgency(lead, true, lead ? Set.of() : consentedTo(caseId, agency), false));
    }

    /** Whether the agency works the case: its lead, or the receiver of an accepted referral of it. */
    public boolean isOnCase(UUID caseId, UUID leadAgency, UUID agency) {
        return standing(caseId, leadAgency, agency).onCase();
    }

    /** The categories of the consents in force that cover the agency on this case. */
    public Set<DataCategory> consentedTo(UUID caseId, UUID agencyId) {
        return agencies.find(agencyId)
                .map(agency -> consents.categoriesFor(caseId, agencyId, agency.kind()))
                .orElse(Set.of());
    }

    /**
     * The cases among these (case id to lead agency) that a search by her {@code category} finds for the
     * caller: those its agency is on (their lead, or a receiver that accepted one of their referrals) and in
     * which it may see that category. A hit says "this person is a survivor", so nothing less will do. Two
     * queries for all of them, however many there are.
     */
    public Set<UUID> foundBySearch(Map<UUID, UUID> leadByCase, DataCategory category) {
        Caller caller = access.caller();
        if (leadByCase.isEmpty() || caller.agencyId().isEmpty()) {
            return Set.of();
        }
        UUID agencyId = caller.agencyId().get();
        Map<UUID, Standing> standings = parties.standings(leadByCase, agencyId);
        Map<UUID, Set<DataCategory>> consented = agencies.find(agencyId)
                .map(agency -> consents.categoriesFor(leadByCase.keySet(), agencyId, agency.kind()))
                .orElse(Map.of());
        // A search by phone finds her only where the phone itself would be shown: the contact rules decide that too.
        Map<UUID, ContactRelease.ContactRulesStanding> rules =
                category == DataCategory.CONTACT ? contactRelease.standingOf(leadByCase.keySet(), agencyId) : Map.of();
        Set<UUID> showing = new HashSet<>();
        standings.forEach((caseId, standing) -> {
            Sharing sharing = CaseRules.sharing(caller, standing, consented.getOrDefault(caseId, Set.of()));
            if (category == DataCategory.CONTACT && sharing.basis() == SharingRules.SharingBasis.CONSENT) {
                sharing = sharing.withholding(ContactGate.withheld(rules.get(caseId)));
            }
            boolean found =
                    category == DataCategory.CONTACT ? sharing.shows(DataItem.SURVIVOR_PHONE) : sharing.shows(category);
            if (standing.onCase() && found) {
                showing.add(caseId);
            }
        });
        return showing;
    }

    /**
     * The sharing less what her safe-contact rules keep from the agency: only an agency that sees her data by
     * consent is concerned (the lead collected it; the others see none).
     */
    private Sharing gated(UUID caseId, UUID agency, Sharing sharing) {
        if (sharing.basis() != SharingRules.SharingBasis.CONSENT
                || !(sharing.shows(DataCategory.CONTACT) || sharing.shows(DataCategory.ADDRESS))) {
            return sharing;
        }
        return sharing.withholding(ContactGate.withheld(
                contactRelease.standingOf(List.of(caseId), agency).get(caseId)));
    }

    Standing standing(UUID caseId, UUID leadAgency, UUID agency) {
        return parties.standings(Map.of(caseId, leadAgency), agency).get(caseId);
    }
}
