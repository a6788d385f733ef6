package kz.qorgau.casefile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.agency.Agency;
import kz.qorgau.agency.AgencyRepository;
import kz.qorgau.casefile.CaseDtos.RiskSummary;
import kz.qorgau.casefile.CaseDtos.SharedDataView;
import kz.qorgau.casefile.SurvivorVault.PersonalData;
import kz.qorgau.consent.ConsentService;
import kz.qorgau.consent.DataCategory;
import kz.qorgau.consent.SharingRules;
import kz.qorgau.consent.SharingRules.Sharing;
import kz.qorgau.incident.IncidentService;
import kz.qorgau.referral.ReferralState;
import kz.qorgau.risk.RiskAssessment;

/** What of a case an agency sees, by {@link SharingRules}, and the data itself, opened only for those categories. */
@ApplicationScoped
public class CaseDisclosure {

    @Inject
    EntityManager em;

    @Inject
    CaseRepository cases;

    @Inject
    AgencyRepository agencies;

    @Inject
    ConsentService consents;

    @Inject
    IncidentService incidents;

    @Inject
    SurvivorVault vault;

    /** How an agency on the case (the lead, or a receiver working one of its referrals) sees it. */
    public Sharing forAgencyOnCase(CaseFile caseFile, UUID agencyId) {
        boolean emergency = !em.createQuery("""
                        select r.id from Referral r where r.caseId = :caseId and r.receiverAgencyId = :agency
                        and r.consentId is null and r.emergencyReason is not null and r.state in :live""", UUID.class)
                .setParameter("caseId", caseFile.id).setParameter("agency", agencyId)
                .setParameter("live", liveStates()).setMaxResults(1).getResultList().isEmpty();
        return forAgency(caseFile, agencyId, true, emergency);
    }

    public Sharing forAgency(CaseFile caseFile, UUID agencyId, boolean referralLive, boolean emergencyException) {
        Agency agency = agencies.findById(agencyId);
        return SharingRules.forAgency(caseFile.leadAgencyId.equals(agencyId), referralLive,
                consents.categoriesFor(caseFile.id, agencyId, agency.kind), emergencyException);
    }

    /**
     * The cases among these whose survivor's {@code category} the agency may see: the ones it leads, and
     * those a consent in force covers it for. The consents of all of them are read in one query.
     */
    public List<CaseFile> showing(List<CaseFile> candidates, UUID agencyId, DataCategory category) {
        Agency agency = agencies.findById(agencyId);
        Map<UUID, Set<DataCategory>> consented = consents.categoriesFor(
                candidates.stream().filter(c -> !c.leadAgencyId.equals(agencyId)).map(c -> c.id).toList(), agencyId, agency.kind);
        return candidates.stream().filter(c -> SharingRules.forAgency(c.leadAgencyId.equals(agencyId), true,
                consented.getOrDefault(c.id, Set.of()), false).shows(category)).toList();
    }

    /** The survivor's data the sharing shows, opened from its sealed columns; null when it shows none. */
    public PersonalData personalData(CaseFile caseFile, Sharing sharing) {
        if (!sharing.shows(DataCategory.IDENTITY) && !sharing.shows(DataCategory.CONTACT)
                && !sharing.shows(DataCategory.ADDRESS)) {
            return null;
        }
        PersonalData all = vault.open(em.find(Survivor.class, caseFile.survivorId));
        if (all == null) {
            return null;
        }
        return new PersonalData(
                sharing.shows(DataCategory.IDENTITY) ? all.fullName() : null,
                sharing.shows(DataCategory.IDENTITY) ? all.birthDate() : null,
                sharing.shows(DataCategory.CONTACT) ? all.phone() : null,
                sharing.shows(DataCategory.ADDRESS) ? all.address() : null);
    }

    public SharedDataView sharedData(CaseFile caseFile, UUID referralId, Sharing sharing) {
        PersonalData person = personalData(caseFile, sharing);
        RiskSummary risk = null;
        if (sharing.shows(DataCategory.RISK)) {
            risk = em.createQuery("from RiskAssessment where caseId = :id order by assessedAt desc, id desc", RiskAssessment.class)
                    .setParameter("id", caseFile.id).setMaxResults(1).getResultStream().findFirst()
                    .map(a -> new RiskSummary(a.level, a.score, a.assessedAt)).orElse(null);
        }
        return new SharedDataView(caseFile.id, referralId, sharing.basis(), sharing.categories(), caseFile.riskLevel,
                person == null ? null : person.fullName(), person == null ? null : person.birthDate(),
                person == null ? null : person.phone(), person == null ? null : person.address(),
                sharing.shows(DataCategory.INCIDENT_DETAILS) ? incidents.viewsOf(cases.incidentIds(caseFile.id), sharing.categories()) : null,
                risk);
    }

    private static List<ReferralState> liveStates() {
        return java.util.Arrays.stream(ReferralState.values()).filter(s -> !s.isTerminal() && s != ReferralState.DRAFT).toList();
    }
}
