package kz.qorgau.casefile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import kz.qorgau.caseaccess.DataItem;
import kz.qorgau.caseaccess.SharingRules.Sharing;
import kz.qorgau.casefile.CaseDtos.RiskSummary;
import kz.qorgau.casefile.CaseDtos.SharedDataView;
import kz.qorgau.casefile.SurvivorVault.PersonalData;
import kz.qorgau.incident.IncidentService;

/**
 * The survivor's data a sharing shows, opened only for its categories. What the caller is granted is
 * {@code caseaccess.CaseAccess}'s to decide; this assembles what that grant shows.
 */
@ApplicationScoped
public class CaseDisclosure {

    @Inject
    EntityManager em;

    @Inject
    CaseRepository cases;

    @Inject
    IncidentService incidents;

    @Inject
    SurvivorVault vault;

    @Inject
    LatestRisk latestRisk;

    /** The survivor's data the sharing shows, opened from its sealed columns; null when it shows none. */
    PersonalData personalData(CaseFile caseFile, Sharing sharing) {
        if (!sharing.shows(DataItem.SURVIVOR_NAME)
                && !sharing.shows(DataItem.SURVIVOR_BIRTH_DATE)
                && !sharing.shows(DataItem.SURVIVOR_PHONE)
                && !sharing.shows(DataItem.SURVIVOR_ADDRESS)
                && !sharing.shows(DataItem.SURVIVOR_EMAIL)) {
            return null;
        }
        PersonalData all = vault.open(em.find(Survivor.class, caseFile.survivorId));
        if (all == null) {
            return null;
        }
        return new PersonalData(
                sharing.shows(DataItem.SURVIVOR_NAME) ? all.fullName() : null,
                sharing.shows(DataItem.SURVIVOR_BIRTH_DATE) ? all.birthDate() : null,
                sharing.shows(DataItem.SURVIVOR_PHONE) ? all.phone() : null,
                sharing.shows(DataItem.SURVIVOR_ADDRESS) ? all.address() : null,
                sharing.shows(DataItem.SURVIVOR_EMAIL) ? all.email() : null);
    }

    /** What one referral's receiver (or sender) sees of her through it: the data the sharing shows. */
    public SharedDataView sharedData(UUID caseId, UUID referralId, Sharing sharing) {
        CaseFile caseFile = em.find(CaseFile.class, caseId);
        PersonalData person = personalData(caseFile, sharing);
        RiskSummary risk = sharing.shows(DataItem.RISK_ASSESSMENT)
                ? latestRisk.of(caseFile.id).orElse(null)
                : null;
        return new SharedDataView(
                caseFile.id,
                referralId,
                sharing.basis(),
                sharing.categories(),
                caseFile.riskLevel,
                person == null ? null : person.fullName(),
                person == null ? null : person.birthDate(),
                person == null ? null : person.phone(),
                person == null ? null : person.address(),
                person == null ? null : person.email(),
                sharing.shows(DataItem.INCIDENT_ACCOUNT)
                        ? incidents.viewsOf(
                                cases.incidentIds(caseFile.id), sharing.shows(DataItem.INCIDENT_PERSON_NAMES))
                        : null,
                risk,
                CaseDtos.WithheldItem.of(sharing));
    }
}
