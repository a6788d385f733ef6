package kz.qorgau.casefile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import kz.qorgau.agency.CallerAgency;
import kz.qorgau.casefile.CaseDtos.CaseView;
import kz.qorgau.casefile.CaseDtos.NewCase;
import kz.qorgau.casefile.CaseDtos.SurvivorView;
import kz.qorgau.common.Priority;
import kz.qorgau.common.ProblemException;
import kz.qorgau.common.ProblemException.FieldError;
import kz.qorgau.common.TimeAndIds.IdGenerator;
import kz.qorgau.common.Versioned;
import kz.qorgau.consent.ConsentDtos.ConsentView;
import kz.qorgau.consent.ConsentDtos.NewConsent;
import kz.qorgau.consent.ConsentService;
import kz.qorgau.incident.IncidentRepository;
import kz.qorgau.security.AccessPolicy;
import kz.qorgau.security.AccessRules;
import kz.qorgau.security.Capability;

@ApplicationScoped
public class CaseService {

    @Inject
    CaseRepository cases;

    @Inject
    IncidentRepository incidents;

    @Inject
    ConsentService consents;

    @Inject
    EntityManager em;

    @Inject
    AccessPolicy access;

    @Inject
    CallerAgency callerAgency;

    @Inject
    Clock clock;

    @Inject
    IdGenerator ids;

    /** Opens a case led by the caller's agency, for a survivor whose details it records. */
    @Transactional
    public Versioned<CaseView> open(NewCase request) {
        access.require(Capability.OPEN_CASE);
        UUID lead = callerAgency.requireRegistered();
        List<UUID> incidentIds = request.incidentIds() == null ? List.of() : request.incidentIds().stream().sorted().toList();
        Set<UUID> visible = incidentIds.isEmpty() ? Set.of() : incidents.list("id in ?1", incidentIds).stream()
                .filter(i -> AccessRules.maySeeIncident(access.caller(), i.reportingAgencyId))
                .map(i -> i.id).collect(Collectors.toSet());
        List<FieldError> unknown = new ArrayList<>();
        incidentIds.stream().filter(id -> !visible.contains(id)).forEach(id ->
                unknown.add(new FieldError("incidentIds", "names no incident of the caller's agency: " + id)));
        if (!unknown.isEmpty()) {
            throw new ProblemException.InvalidInput(unknown);
        }
        Instant now = clock.instant();
        Survivor survivor = new Survivor();
        survivor.id = ids.newId();
        survivor.fullName = request.survivor().fullName().strip();
        survivor.birthDate = request.survivor().birthDate();
        survivor.phone = request.survivor().phone();
        survivor.address = request.survivor().address();
        survivor.createdAt = now;
        survivor.updatedAt = now;
        em.persist(survivor);

        CaseFile caseFile = new CaseFile();
        caseFile.id = ids.newId();
        caseFile.survivorId = survivor.id;
        caseFile.leadAgencyId = lead;
        caseFile.riskLevel = request.riskLevel() == null ? Priority.ROUTINE : request.riskLevel();
        caseFile.status = CaseFile.Status.OPEN;
        caseFile.summary = request.summary();
        caseFile.openedBy = access.caller().subject();
        caseFile.createdAt = now;
        caseFile.updatedAt = now;
        cases.persist(caseFile);
        cases.flush();
        incidentIds.forEach(incident -> cases.linkIncident(caseFile.id, incident));
        return new Versioned<>(view(caseFile, survivor), caseFile.version);
    }

    /**
     * A case as the caller may see it. Coordinators oversee the network without the survivor's personal
     * data: that is for the agencies working her case.
     */
    @Transactional
    public Versioned<CaseView> get(UUID id) {
        access.require(Capability.READ_CASES);
        CaseFile caseFile = cases.findByIdOptional(id).orElseThrow(() -> new ProblemException.NotFound("Case " + id));
        Set<UUID> onCase = cases.agenciesOn(caseFile);
        if (!AccessRules.maySeeCase(access.caller(), onCase)) {
            throw new ProblemException.NotFound("Case " + id);
        }
        Survivor survivor = AccessRules.mayWorkCase(access.caller(), onCase) ? em.find(Survivor.class, caseFile.survivorId) : null;
        return new Versioned<>(view(caseFile, survivor), caseFile.version);
    }

    @Transactional
    public ConsentView recordConsent(UUID caseId, NewConsent consent) {
        access.require(Capability.RECORD_CONSENT);
        CaseFile caseFile = workable(caseId);
        caseFile.updatedAt = clock.instant();
        ConsentView recorded = consents.record(caseFile.id, consent);
        // Conflicts surface here, inside the request, rather than at commit.
        cases.flush();
        return recorded;
    }

    /** A case the caller may see, or 404 exactly as for one that does not exist. */
    public CaseFile visible(UUID id) {
        return cases.findByIdOptional(id)
                .filter(c -> AccessRules.maySeeCase(access.caller(), cases.agenciesOn(c)))
                .orElseThrow(() -> new ProblemException.NotFound("Case " + id));
    }

    /** A case the caller's agency works on: visible to it, and it is on the case. */
    public CaseFile workable(UUID id) {
        CaseFile caseFile = cases.findByIdOptional(id)
                .orElseThrow(() -> new ProblemException.NotFound("Case " + id));
        Set<UUID> onCase = cases.agenciesOn(caseFile);
        if (!AccessRules.mayWorkCase(access.caller(), onCase)) {
            if (AccessRules.maySeeCase(access.caller(), onCase)) {
                throw new ProblemException.Forbidden("Only the agencies on the case work it");
            }
            throw new ProblemException.NotFound("Case " + id);
        }
        return caseFile;
    }

    private CaseView view(CaseFile caseFile, Survivor survivor) {
        return new CaseView(caseFile.id, caseFile.leadAgencyId, caseFile.riskLevel, caseFile.status, caseFile.summary,
                survivor == null ? null
                        : new SurvivorView(survivor.id, survivor.fullName, survivor.birthDate, survivor.phone, survivor.address),
                cases.incidentIds(caseFile.id), consents.ofCase(caseFile.id), caseFile.createdAt, caseFile.updatedAt);
    }
}
