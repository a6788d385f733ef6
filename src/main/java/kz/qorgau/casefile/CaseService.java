package kz.qorgau.casefile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.agency.CallerAgency;
import kz.qorgau.audit.AuditAction;
import kz.qorgau.audit.AuditTrail;
import kz.qorgau.audit.AuditTrail.Subject;
import kz.qorgau.caseaccess.CaseAccess;
import kz.qorgau.caseaccess.CaseParties;
import kz.qorgau.caseaccess.DataItem;
import kz.qorgau.caseaccess.SharingRules.Sharing;
import kz.qorgau.casefile.CaseDtos.CaseSummary;
import kz.qorgau.casefile.CaseDtos.CaseView;
import kz.qorgau.casefile.CaseDtos.NewCase;
import kz.qorgau.casefile.CaseDtos.SharingView;
import kz.qorgau.casefile.CaseDtos.SurvivorDetails;
import kz.qorgau.casefile.CaseDtos.SurvivorView;
import kz.qorgau.casefile.SurvivorVault.PersonalData;
import kz.qorgau.common.Priority;
import kz.qorgau.common.ProblemException;
import kz.qorgau.common.ProblemException.FieldError;
import kz.qorgau.common.TimeAndIds.IdGenerator;
import kz.qorgau.common.Versioned;
import kz.qorgau.consent.ConsentDtos.ConsentView;
import kz.qorgau.consent.ConsentDtos.NewConsent;
import kz.qorgau.consent.ConsentService;
import kz.qorgau.consent.DataCategory;
import kz.qorgau.idempotency.IdempotentRequests;
import kz.qorgau.incident.IncidentService;
import kz.qorgau.matching.KnownSurvivorView;
import kz.qorgau.matching.PersonTokens;
import kz.qorgau.matching.SurvivorRecognition;
import kz.qorgau.notification.Outbox;
import kz.qorgau.security.AccessPolicy;
import kz.qorgau.security.Capability;

@ApplicationScoped
public class CaseService {

    @Inject
    SurvivorRecognition recognition;

    /** A search answers at most this many cases: a search, not a list. */
    private static final int SEARCH_HITS = 50;

    @Inject
    CaseRepository cases;

    @Inject
    IncidentService incidents;

    @Inject
    CaseParties parties;

    @Inject
    IdempotentRequests idempotent;

    @Inject
    ConsentService consents;

    @Inject
    EntityManager em;

    @Inject
    AccessPolicy access;

    @Inject
    CallerAgency callerAgency;

    @Inject
    CaseDisclosure disclosure;

    @Inject
    CaseAccess caseAccess;

    @Inject
    SurvivorVault vault;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    IdGenerator ids;

    @Inject
    jakarta.enterprise.event.Event<IncidentsLinked> incidentsLinked;

    /** A case opened, or the one a first request under the same Idempotency-Key opened. */
    public record Opened(Versioned<CaseView> caseView, boolean created) {}

    /**
     * Opens a case led by the caller's agency, for a survivor whose details it records; once per
     * Idempotency-Key when one is given.
     */
    @Transactional
    public Opened open(NewCase request, Optional<String> idempotencyKey) {
        access.require(Capability.OPEN_CASE);
        UUID lead = callerAgency.requireRegistered();
        List<UUID> incidentIds = request.incidentIds() == null
                ? List.of()
                : request.incidentIds().stream().sorted().toList();
        Set<UUID> visible = incidents.visibleAmong(incidentIds);
        List<FieldError> unknown = new ArrayList<>();
        incidentIds.stream()
                .filter(id -> !visible.contains(id))
                .forEach(id ->
                        unknown.add(new FieldError("incidentIds", "names no incident of the caller's agency: " + id)));
        if (!unknown.isEmpty()) {
            throw new ProblemException.InvalidInput(unknown);
        }
        UUID caseId = ids.newId();
        if (idempotencyKey.isPresent()) {
            IdempotentRequests.Claim claim = idempotent.claim(
                    access.caller().tenantId(), lead, "open-case", idempotencyKey.get(), request, caseId);
            if (!claim.first()) {
                return new Opened(get(claim.resourceId()), false);
            }
        }
        SurvivorDetails details = request.survivor();
        PersonTokens.problemOf(details.iin(), details.birthDate()).ifPresent(problem -> {
            throw new ProblemException.InvalidInput("survivor.iin", problem);
        });
        if (details.birthDate() != null && details.birthDate().isBefore(PersonTokens.EARLIEST_BIRTH)) {
            throw new ProblemException.InvalidInput(
                    "survivor.birthDate", "must be after " + PersonTokens.EARLIEST_BIRTH);
        }
        PersonTokens tokens = recognition.tokens(details.iin(), details.fullName(), details.birthDate());
        recognition.hold(tokens);
        SurvivorRecognition.Known known = recognition.known(tokens, null);
        // Asked before her new case exists, which would otherwise be found as hers.
        SurvivorRecognition.Known toCaller = recognition.knownToCaller(tokens, null);
        if (!known.openCases().isEmpty()) {
            // Her case is named only to a caller that gave the name and birth date it records: an IIN alone, which
            // can be guessed from a birth date, does not point to her case.
            SurvivorRecognition.OpenCase open = known.namedCase().orElse(null);
            if (open == null) {
                throw new ProblemException.Conflict(
                        "survivor-has-open-case",
                        "A survivor with this IIN has an open case in the network, under another name or birth date:"
                                + " check them with her, or with the network's coordinators",
                        Map.of());
            }
            // Its id goes only to an agency that sees the case anyway; any other hears whom to call, so that naming her
            // is no way round emergency access and its review.
            if (!caseAccess.to(open.caseId(), open.leadAgencyId()).seesCase()) {
                throw new ProblemException.Conflict(
                        "survivor-has-open-case",
                        "She already has an open case, led by agency " + open.leadAgencyId()
                                + ": call them rather than open a second",
                        Map.of("leadAgencyId", open.leadAgencyId()));
            }
            throw new ProblemException.Conflict(
                    "survivor-has-open-case",
                    "She already has open case " + open.caseId() + ", led by agency " + open.leadAgencyId()
                            + ": work with it (police may link the incident to it) rather than open a second",
                    Map.of("caseId", open.caseId(), "leadAgencyId", open.leadAgencyId()));
        }
        Instant now = clock.instant();
        Survivor survivor = vault.create(ids.newId(), access.caller().tenantId(), details, now);
        survivor.iinToken = tokens.iin();
        survivor.nameBirthToken = tokens.nameBirth();
        em.persist(survivor);

        CaseFile caseFile = new CaseFile();
        caseFile.id = caseId;
        caseFile.survivorId = survivor.id;
        caseFile.leadAgencyId = lead;
        caseFile.riskLevel = request.riskLevel() == null ? Priority.ROUTINE : request.riskLevel();
        caseFile.status = CaseFile.Status.OPEN;
        caseFile.summary = request.summary();
        caseFile.openedBy = access.caller().subject();
        caseFile.assignee = access.caller().username();
        caseFile.createdAt = now;
        caseFile.updatedAt = now;
        cases.persist(caseFile);
        cases.flush();
        incidentIds.forEach(incident -> cases.linkIncident(caseFile.id, incident));
        if (!incidentIds.isEmpty()) {
            incidentsLinked.fire(new IncidentsLinked(caseFile.id, lead, incidentIds, now));
        }
        Set<DataCategory> written = EnumSet.of(DataCategory.IDENTITY);
        if (request.survivor().phone() != null || request.survivor().email() != null) {
            written.add(DataCategory.CONTACT);
        }
        if (request.survivor().address() != null) {
            written.add(DataCategory.ADDRESS);
        }
        if (!incidentIds.isEmpty()) {
            written.add(DataCategory.INCIDENT_DETAILS);
        }
        audit.record(AuditAction.CREATE, Subject.of("case", caseFile.id, caseFile.id), written);
        Sharing sharing = caseAccess.to(caseFile.id, lead).sharing();
        CaseView opened = view(caseFile, disclosure.personalData(caseFile, sharing), sharing);
        return new Opened(
                new Versioned<>(
                        KnownSurvivorView.of(null, tokens, toCaller)
                                .map(opened::withKnown)
                                .orElse(opened),
                        caseFile.version),
                true);
    }

    /**
     * A case as the caller may see it: the lead agency all of the survivor's data, another agency on the
     * case what a consent in force covers for it, coordinators none (they oversee, they do not work it).
     */
    @Transactional
    public Versioned<CaseView> get(UUID id) {
        access.require(Capability.READ_CASES);
        CaseFile caseFile = cases.findByIdOptional(id).orElseThrow(() -> new ProblemException.NotFound("Case " + id));
        Sharing sharing = caseAccess.toSee(caseFile.id, caseFile.leadAgencyId).sharing();
        PersonalData person = disclosure.personalData(caseFile, sharing);
        audit.record(AuditAction.READ, Subject.of("case", caseFile.id, caseFile.id), shownOf(sharing, person));
        return new Versioned<>(view(caseFile, person, sharing), caseFile.version);
    }

    /**
     * Cases whose survivor has exactly this name or phone, among those the caller's agency is on and may
     * see her name (or phone) in. The search runs on keyed hashes; nothing is decrypted.
     */
    @Transactional
    public List<CaseSummary> search(String fullName, String phone) {
        access.require(Capability.SEARCH_CASES);
        if ((fullName == null) == (phone == null)) {
            throw new ProblemException.InvalidInput(
                    "survivorName", "or survivorPhone, exactly one of them, is required");
        }
        String tenant = access.caller().tenantId();
        byte[] hash = fullName != null ? vault.nameHash(tenant, fullName) : vault.phoneHash(tenant, phone);
        if (hash == null) {
            throw new ProblemException.InvalidInput(
                    fullName != null ? "survivorName" : "survivorPhone", "must not be blank");
        }
        callerAgency.requireRegistered();
        // A hit says "this person is a survivor": only for an agency that may see what it searched by.
        DataCategory searchedBy = fullName != null ? DataCategory.IDENTITY : DataCategory.CONTACT;
        List<CaseFile> found = new ArrayList<>();
        List<CaseFile> candidates = cases.bySurvivorHash(tenant, fullName != null, hash, null);
        while (!candidates.isEmpty() && found.size() < SEARCH_HITS) {
            Map<UUID, UUID> leadByCase = new java.util.HashMap<>();
            candidates.forEach(c -> leadByCase.put(c.id, c.leadAgencyId));
            Set<UUID> foundHere = caseAccess.foundBySearch(leadByCase, searchedBy);
            candidates.stream()
                    .filter(c -> foundHere.contains(c.id))
                    .limit(SEARCH_HITS - found.size())
                    .forEach(found::add);
            candidates = candidates.size() < CaseRepository.SEARCH_PAGE
                    ? List.of()
                    : cases.bySurvivorHash(tenant, fullName != null, hash, candidates.get(candidates.size() - 1));
        }
        audit.record(
                AuditAction.SEARCH,
                Subject.of("case", null, null),
                EnumSet.of(searchedBy),
                (fullName != null ? "by name" : "by phone") + ", " + found.size() + " found");
        return found.stream()
                .map(c -> new CaseSummary(
                        c.id, c.leadAgencyId, c.riskLevel, c.status, c.assignee, c.createdAt, c.updatedAt))
                .toList();
    }

    /**
     * The caller's agency's cases (those it leads, and those a live referral makes it a party to), or a
     * coordinator's whole network, in order of change: ids, risk, status and times, no personal data, so that
     * the list shows no more of a case than any of its readers may see.
     */
    @Transactional
    public kz.qorgau.common.Page<CaseSummary> caseload(
            CaseFile.Status status,
            Priority riskLevel,
            String assignee,
            Instant updatedSince,
            String cursor,
            int limit) {
        access.require(Capability.READ_CASES);
        Optional<UUID> agency;
        if (kz.qorgau.security.AccessRules.seesWholeNetwork(access.caller())) {
            agency = Optional.empty();
        } else {
            agency = Optional.of(callerAgency.requireRegistered());
        }
        Optional<kz.qorgau.common.Keyset> after = Optional.ofNullable(cursor).map(kz.qorgau.common.Keyset::fromCursor);
        String person = assignee == null ? null : access.caller().person(assignee);
        if (person != null && agency.isEmpty()) {
            throw new ProblemException.InvalidInput("assignee", "names a person of the caller's own agency");
        }
        List<CaseSummary> rows = cases.caseload(
                access.caller().tenantId(), agency, status, riskLevel, person, updatedSince, after, limit + 1);
        audit.record(
                AuditAction.LIST, Subject.of("case", null, null), Set.of(), agency.isPresent() ? "agency" : "network");
        return kz.qorgau.common.Keyset.page(
                rows, limit, c -> new kz.qorgau.common.Keyset(c.updatedAt(), c.id()), c -> c);
    }

    /**
     * The lead agency's case workers and admin hand the case to another person of the agency, with a reason for
     * the audit trail. Another agency on the case may see it but holds none of its people (403).
     */
    @Transactional
    public Versioned<CaseDtos.AssignmentView> reassign(UUID id, CaseDtos.Assignment assignment, long expectedVersion) {
        access.require(Capability.ASSIGN_WORK);
        CaseFile caseFile = cases.findByIdOptional(id)
                .filter(c -> access.caller().belongsTo(c.leadAgencyId))
                .orElseGet(() -> {
                    // Not the lead: a case it may see is forbidden to it, any other is not found.
                    if (kz.qorgau.security.AccessRules.may(access.caller(), Capability.READ_CASES)) {
                        onCase(id);
                        throw new ProblemException.Forbidden("Only the case's lead agency hands it to another person");
                    }
                    throw new ProblemException.NotFound("Case " + id);
                });
        callerAgency.requireRegistered();
        Versioned.requireCurrent("case", caseFile.version, expectedVersion);
        if (caseFile.status == CaseFile.Status.CLOSED) {
            throw new ProblemException.Conflict("case-closed", "Case " + id + " is closed", Map.of());
        }
        if (!assignment.assignee().equals(caseFile.assignee)) {
            moveTo(caseFile, assignment.assignee(), assignment.reason());
            cases.flush();
        }
        return new Versioned<>(
                new CaseDtos.AssignmentView(caseFile.id, caseFile.status, caseFile.assignee, caseFile.version),
                caseFile.version);
    }

    /** Every open case the agency leads that one person holds, to another: a leaver's cases. Its caller checks. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> handOverCases(UUID agencyId, String from, String to, String reason) {
        List<CaseFile> held = cases.list(
                "leadAgencyId = ?1 and assignee = ?2 and status = ?3 order by id",
                agencyId,
                from,
                CaseFile.Status.OPEN);
        held.forEach(c -> moveTo(c, to, reason));
        cases.flush();
        return held.stream().map(c -> c.id).toList();
    }

    private void moveTo(CaseFile caseFile, String assignee, String reason) {
        String before = caseFile.assignee;
        caseFile.assignee = assignee;
        caseFile.updatedAt = clock.instant();
        cases.getEntityManager()
                .createNativeQuery("insert into case_assignment (id, tenant_id, case_id, assignee, previous, reason,"
                        + " actor, at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, ids.newId())
                .setParameter(2, access.caller().tenantId())
                .setParameter(3, caseFile.id)
                .setParameter(4, assignee)
                .setParameter(5, before)
                .setParameter(6, kz.qorgau.privacy.SealedText.seal(reason.strip()))
                .setParameter(7, access.caller().subject())
                .setParameter(8, java.sql.Timestamp.from(caseFile.updatedAt))
                .executeUpdate();
        audit.record(
                AuditAction.ASSIGN,
                Subject.of("case", caseFile.id, caseFile.id),
                Set.of(),
                "from " + (before == null ? "nobody" : before) + " to " + assignee);
    }

    /**
     * The lead agency closes its case once nothing is under way for it: every referral ended. From then
     * on it takes no new referrals, and retention counts its time from here.
     */
    @Transactional
    public Versioned<CaseView> close(UUID id, long expectedVersion, String reason) {
        access.require(Capability.CLOSE_CASE);
        CaseFile caseFile = onCase(id);
        if (!access.caller().belongsTo(caseFile.leadAgencyId)) {
            throw new ProblemException.Forbidden("Only the case's lead agency closes it");
        }
        Versioned.requireCurrent("case", caseFile.version, expectedVersion);
        // Waits for referrals being made on the case right now, so the count below includes them.
        cases.getEntityManager().lock(caseFile, LockModeType.PESSIMISTIC_WRITE);
        if (caseFile.status == CaseFile.Status.CLOSED) {
            throw new ProblemException.Conflict("case-closed", "Case " + id + " is already closed", Map.of());
        }
        long open = parties.liveReferrals(caseFile.id);
        if (open > 0) {
            throw new ProblemException.Conflict(
                    "referrals-open",
                    "Case " + id + " has " + open + " referrals under way; end them first",
                    Map.of("openReferrals", open));
        }
        Instant now = clock.instant();
        caseFile.status = CaseFile.Status.CLOSED;
        caseFile.closedAt = now;
        caseFile.closedBy = access.caller().subject();
        caseFile.closeReason = reason.strip();
        caseFile.updatedAt = now;
        cases.flush();
        audit.record(AuditAction.UPDATE, Subject.of("case", caseFile.id, caseFile.id), Set.of(), "closed");
        Sharing sharing = caseAccess.to(caseFile.id, caseFile.leadAgencyId).sharing();
        return new Versioned<>(view(caseFile, disclosure.personalData(caseFile, sharing), sharing), caseFile.version);
    }

    @Transactional
    public ConsentView recordConsent(UUID caseId, NewConsent consent) {
        access.require(Capability.RECORD_CONSENT);
        CaseFile caseFile = onCase(caseId);
        if (caseFile.status == CaseFile.Status.CLOSED) {
            throw new ProblemException.Conflict("case-closed", "Case " + caseId + " is closed", Map.of());
        }
        if (!caseAccess.to(caseFile.id, caseFile.leadAgencyId).recordsConsent()) {
            throw new ProblemException.Forbidden("Only the case's lead agency records her consent");
        }
        caseFile.updatedAt = clock.instant();
        ConsentView recorded = consents.record(caseFile.id, caseFile.createdAt, consent);
        // Conflicts surface here, inside the request, rather than at commit.
        cases.flush();
        audit.record(AuditAction.CREATE, Subject.of("consent", recorded.id(), caseFile.id), recorded.categories());
        return recorded;
    }

    /**
     * The survivor withdrew a consent whole. From now on the agencies it covered see only the minimal view
     * of her case, and each of them hears of it (with the lead agency): either side of a referral that went
     * under it may then WITHDRAW the referral.
     */
    @Transactional
    public ConsentView withdrawConsent(UUID caseId, UUID consentId) {
        access.require(Capability.RECORD_CONSENT);
        // Her withdrawal is recorded whatever the state of the case.
        CaseFile caseFile = onCase(caseId);
        // The case first, then the consent, in the order a referral being sent takes them: a referral sent
        // at this moment goes out before the withdrawal (and its receiver hears of it) or not under it at all.
        cases.getEntityManager().lock(caseFile, LockModeType.PESSIMISTIC_WRITE);
        ConsentService.Withdrawal withdrawal = consents.withdrawWhole(
                caseFile.id,
                consentId,
                parties.of(caseFile.id, caseFile.leadAgencyId),
                access.caller().belongsTo(caseFile.leadAgencyId));
        Instant now = withdrawal.consent().withdrawnAt();
        caseFile.updatedAt = now;
        // The lead agency hears which agencies lost their view; each of those hears of itself alone, so that
        // no agency learns from it who else is helping her.
        outbox.append(
                "consent",
                consentId,
                "consent.withdrawn",
                Set.of(caseFile.leadAgencyId),
                Map.of(
                        "consentId",
                        consentId,
                        "caseId",
                        caseFile.id,
                        "agenciesAffected",
                        List.copyOf(withdrawal.agenciesAffected()),
                        "at",
                        now));
        for (UUID agency : withdrawal.agenciesAffected()) {
            if (!agency.equals(caseFile.leadAgencyId)) {
                outbox.append(
                        "consent",
                        consentId,
                        "consent.withdrawn",
                        Set.of(agency),
                        Map.of(
                                "consentId",
                                consentId,
                                "caseId",
                                caseFile.id,
                                "agenciesAffected",
                                List.of(agency),
                                "at",
                                now));
            }
        }
        cases.flush();
        audit.record(
                AuditAction.WITHDRAW_CONSENT, Subject.of("consent", consentId, caseFile.id), withdrawal.categories());
        return withdrawal.consent();
    }

    /**
     * Links an incident of the caller's police agency to one of its open cases: a later call-out about her. Linking
     * one already linked changes nothing.
     */
    @Transactional
    public List<UUID> linkIncident(UUID id, UUID incidentId) {
        access.require(Capability.LINK_INCIDENTS);
        CaseRef caseRef = workable(id);
        if (incidents.visibleAmong(List.of(incidentId)).isEmpty()) {
            throw new ProblemException.InvalidInput("incidentId", "names no incident of the caller's agency");
        }
        if (cases.linkIncident(caseRef.id(), incidentId)) {
            Instant now = clock.instant();
            em.find(CaseFile.class, caseRef.id()).updatedAt = now;
            audit.record(
                    AuditAction.UPDATE,
                    Subject.of("case", caseRef.id(), caseRef.id()),
                    Set.of(DataCategory.INCIDENT_DETAILS),
                    "incident " + incidentId + " linked");
            incidentsLinked.fire(new IncidentsLinked(caseRef.id(), caseRef.leadAgencyId(), List.of(incidentId), now));
        }
        return cases.incidentIds(caseRef.id());
    }

    /** The incidents linked to the case. */
    public List<UUID> incidentsOf(UUID caseId) {
        return cases.incidentIds(caseId);
    }

    /** The person of the lead agency who holds the case. */
    public String assigneeOf(UUID caseId) {
        return cases.findByIdOptional(caseId).map(c -> c.assignee).orElse(null);
    }

    /** A case and what the caller is granted on it. */
    public record Seen(CaseRef caseRef, CaseAccess.Grant grant) {}

    /** A case the caller may see, with its grant, or 404 exactly as for one that does not exist. */
    public Seen seen(UUID id) {
        CaseFile caseFile = cases.findByIdOptional(id).orElseThrow(() -> new ProblemException.NotFound("Case " + id));
        return new Seen(CaseRef.of(caseFile), caseAccess.toSee(caseFile.id, caseFile.leadAgencyId));
    }

    /** A case the caller's agency works on and that is still open: the target of every new record. */
    public CaseRef workable(UUID id) {
        CaseFile caseFile = onCase(id);
        if (caseFile.status == CaseFile.Status.CLOSED) {
            throw new ProblemException.Conflict("case-closed", "Case " + id + " is closed", Map.of());
        }
        return CaseRef.of(caseFile);
    }

    /**
     * The case a record of the caller's network points to (a referral's, an order's): no access check, the
     * record's own capability made it.
     */
    public CaseRef of(UUID id) {
        return find(id).orElseThrow(
                        () -> new IllegalStateException("A record points to case " + id + ", which is not there"));
    }

    /** The case of the caller's network with this id, if there is one; whether the caller may see it is not asked. */
    public Optional<CaseRef> find(UUID id) {
        return cases.findByIdOptional(id).map(CaseRef::of);
    }

    /**
     * Holds the case open until commit for a referral being made on it (a share lock, so referrals of one
     * case are made side by side while a closure, which takes the update lock, waits for them and then
     * counts them), or 409 if it was closed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void holdOpen(UUID id) {
        CaseFile caseFile = em.find(CaseFile.class, id);
        // Read again under the lock: a closure that committed a moment ago is seen.
        em.flush();
        em.refresh(caseFile, LockModeType.PESSIMISTIC_READ);
        if (caseFile.status != CaseFile.Status.OPEN) {
            throw new ProblemException.Conflict("case-closed", "Case " + id + " is closed", Map.of());
        }
    }

    /** A new risk assessment set the case's level. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void riskLevelSet(UUID id, Priority level, Instant at) {
        CaseFile caseFile = em.find(CaseFile.class, id);
        caseFile.riskLevel = level;
        caseFile.updatedAt = at;
    }

    /** A case the caller's agency works on: 404 for one it may not see, 403 for one it only oversees. */
    private CaseFile onCase(UUID id) {
        CaseFile caseFile = cases.findByIdOptional(id).orElseThrow(() -> new ProblemException.NotFound("Case " + id));
        caseAccess.toWork(caseFile.id, caseFile.leadAgencyId);
        return caseFile;
    }

    /** The categories a read actually showed: the ones shared that hold a value. */
    private static Set<DataCategory> shownOf(Sharing sharing, PersonalData person) {
        Set<DataCategory> shown = EnumSet.noneOf(DataCategory.class);
        if (person != null) {
            sharing.categories().stream()
                    .filter(c -> c != DataCategory.INCIDENT_DETAILS && c != DataCategory.RISK)
                    .forEach(shown::add);
        }
        return shown;
    }

    private CaseView view(CaseFile caseFile, PersonalData person, Sharing sharing) {
        // The summary is a narrative of what happened to her: INCIDENT_DETAILS.
        return new CaseView(
                caseFile.id,
                caseFile.leadAgencyId,
                caseFile.riskLevel,
                caseFile.status,
                sharing.shows(DataItem.CASE_SUMMARY) ? caseFile.summary : null,
                person == null
                        ? null
                        : new SurvivorView(
                                caseFile.survivorId,
                                person.fullName(),
                                person.birthDate(),
                                person.phone(),
                                person.address(),
                                person.email()),
                SharingView.of(sharing),
                caseFile.assignee,
                cases.incidentIds(caseFile.id),
                consents.ofCase(caseFile.id, access.caller().belongsTo(caseFile.leadAgencyId)),
                caseFile.createdAt,
                caseFile.updatedAt,
                caseFile.closedAt,
                null);
    }
}
