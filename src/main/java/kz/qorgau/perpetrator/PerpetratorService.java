package kz.qorgau.perpetrator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.agency.CallerAgency;
import kz.qorgau.audit.AuditAction;
import kz.qorgau.audit.AuditTrail;
import kz.qorgau.audit.AuditTrail.Subject;
import kz.qorgau.casefile.CaseService;
import kz.qorgau.common.ProblemException;
import kz.qorgau.common.ProblemException.FieldError;
import kz.qorgau.common.TimeAndIds.IdGenerator;
import kz.qorgau.consent.DataCategory;
import kz.qorgau.incident.IncidentService;
import kz.qorgau.matching.PersonTokens;
import kz.qorgau.matching.SurvivorRecognition;
import kz.qorgau.perpetrator.PerpetratorDtos.Link;
import kz.qorgau.perpetrator.PerpetratorDtos.NewPerpetrator;
import kz.qorgau.perpetrator.PerpetratorDtos.PerpetratorView;
import kz.qorgau.security.AccessPolicy;
import kz.qorgau.security.Capability;

/**
 * The network's police keep one record per person who harms her, linked to the incidents and cases he is in and to
 * the orders that restrain him. He is recognised by his match tokens, as she is; a second record of him is refused.
 */
@ApplicationScoped
public class PerpetratorService {

    private static final byte[] ABSENT = new byte[0];

    @Inject
    EntityManager em;

    @Inject
    AccessPolicy access;

    @Inject
    CallerAgency callerAgency;

    @Inject
    IncidentService incidents;

    @Inject
    CaseService cases;

    @Inject
    SurvivorRecognition recognition;

    @Inject
    AuditTrail audit;

    @Inject
    IdGenerator ids;

    @Inject
    Clock clock;

    @Transactional
    public PerpetratorView record(NewPerpetrator request) {
        access.require(Capability.RECORD_PERPETRATORS);
        UUID agency = callerAgency.requireRegistered();
        List<FieldError> errors = new ArrayList<>();
        PersonTokens.problemOf(request.iin(), request.birthDate())
                .ifPresent(problem -> errors.add(new FieldError("iin", problem)));
        if (request.birthDate() != null && request.birthDate().isBefore(PersonTokens.EARLIEST_BIRTH)) {
            errors.add(new FieldError("birthDate", "must be after " + PersonTokens.EARLIEST_BIRTH));
        }
        List<UUID> incidentIds = sorted(request.incidentIds());
        List<UUID> caseIds = sorted(request.caseIds());
        errors.addAll(unknownLinks(incidentIds, caseIds, "incidentIds", "caseIds"));
        if (!errors.isEmpty()) {
            throw new ProblemException.InvalidInput(errors);
        }
        PersonTokens tokens = recognition.tokens(request.iin(), request.fullName(), request.birthDate());
        recognition.hold(tokens);
        Optional<UUID> known = matching(tokens).stream().findFirst();
        if (known.isPresent()) {
            throw new ProblemException.Conflict(
                    "perpetrator-known",
                    "The network's police already keep a record of him: " + known.get() + ". Link it instead",
                    Map.of("perpetratorId", known.get()));
        }
        Instant now = clock.instant();
        Perpetrator perpetrator = new Perpetrator();
        perpetrator.id = ids.newId();
        perpetrator.fullName = request.fullName().strip();
        perpetrator.birthDate =
                request.birthDate() == null ? null : request.birthDate().toString();
        perpetrator.notes = request.notes() == null ? null : request.notes().strip();
        perpetrator.iinToken = tokens.iin();
        perpetrator.nameBirthToken = tokens.nameBirth();
        perpetrator.recordedBy = access.caller().subject();
        perpetrator.recordedByAgency = agency;
        perpetrator.createdAt = now;
        perpetrator.updatedAt = now;
        em.persist(perpetrator);
        em.flush();
        incidentIds.forEach(incident -> link(perpetrator.id, incident, null, now));
        caseIds.forEach(caseId -> link(perpetrator.id, null, caseId, now));
        audit.record(
                AuditAction.CREATE, Subject.of("perpetrator", perpetrator.id, null), Set.of(DataCategory.IDENTITY));
        return view(perpetrator);
    }

    @Transactional
    public PerpetratorView get(UUID id) {
        access.require(Capability.READ_PERPETRATORS);
        Perpetrator perpetrator = find(id);
        audit.record(AuditAction.READ, Subject.of("perpetrator", id, null), Set.of(DataCategory.IDENTITY));
        return view(perpetrator);
    }

    /** Links him to one more incident or case of the caller's agency; linking one already linked changes nothing. */
    @Transactional
    public PerpetratorView addLink(UUID id, Link link) {
        access.require(Capability.RECORD_PERPETRATORS);
        Perpetrator perpetrator = find(id);
        if ((link.incidentId() == null) == (link.caseId() == null)) {
            throw new ProblemException.InvalidInput("link", "name one incident or one case");
        }
        List<UUID> incidentIds = link.incidentId() == null ? List.of() : List.of(link.incidentId());
        List<UUID> caseIds = link.caseId() == null ? List.of() : List.of(link.caseId());
        List<FieldError> errors = unknownLinks(incidentIds, caseIds, "incidentId", "caseId");
        if (!errors.isEmpty()) {
            throw new ProblemException.InvalidInput(errors);
        }
        Instant now = clock.instant();
        link(perpetrator.id, link.incidentId(), link.caseId(), now);
        perpetrator.updatedAt = now;
        audit.record(
                AuditAction.UPDATE,
                Subject.of("perpetrator", id, link.caseId()),
                Set.of(),
                link.incidentId() != null ? "incident " + link.incidentId() + " linked" : "case linked");
        return view(perpetrator);
    }

    /** The network's records of the person these tokens are of (the caller's network; no access check). */
    public List<UUID> matching(PersonTokens tokens) {
        if (tokens.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<UUID> found = em.createNativeQuery("""
                        select id from perpetrator
                        where tenant_id = ?1 and (iin_token = ?2
                              or name_birth_token = ?3 and (iin_token is null or length(?2) = 0))
                        order by created_at, id""", UUID.class)
                .setParameter(1, access.caller().tenantId())
                .setParameter(2, Optional.ofNullable(tokens.iin()).orElse(ABSENT))
                .setParameter(3, Optional.ofNullable(tokens.nameBirth()).orElse(ABSENT))
                .getResultList();
        return found;
    }

    /** Whether police of the caller's network linked this man to the case (for an order that restrains him). */
    public boolean linkedToCase(UUID id, UUID caseId) {
        return !em.createNativeQuery("select 1 from perpetrator_link where perpetrator_id = ?1 and case_id = ?2")
                .setParameter(1, id)
                .setParameter(2, caseId)
                .getResultList()
                .isEmpty();
    }

    /** The names of these men (of the caller's network), for the orders that restrain them; never their notes. */
    public Map<UUID, String> namesOf(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("from Perpetrator where id in :ids", Perpetrator.class)
                .setParameter("ids", ids)
                .getResultStream()
                .collect(java.util.stream.Collectors.toMap(p -> p.id, p -> p.fullName));
    }

    private Perpetrator find(UUID id) {
        return Optional.ofNullable(em.find(Perpetrator.class, id))
                .orElseThrow(() -> new ProblemException.NotFound("Perpetrator " + id));
    }

    /** Incidents of the caller's agency and cases it works, each a field error when it is not one. */
    private List<FieldError> unknownLinks(
            List<UUID> incidentIds, List<UUID> caseIds, String incidentField, String caseField) {
        List<FieldError> errors = new ArrayList<>();
        Set<UUID> visible = incidents.visibleAmong(incidentIds);
        incidentIds.stream()
                .filter(incident -> !visible.contains(incident))
                .forEach(incident -> errors.add(
                        new FieldError(incidentField, "names no incident of the caller's agency: " + incident)));
        for (UUID caseId : caseIds) {
            try {
                cases.workable(caseId);
            } catch (ProblemException.NotFound | ProblemException.Forbidden | ProblemException.Conflict notWorked) {
                errors.add(new FieldError(caseField, "names no open case the caller's agency works: " + caseId));
            }
        }
        return errors;
    }

    private void link(UUID perpetratorId, UUID incidentId, UUID caseId, Instant at) {
        String column = incidentId != null ? "incident_id" : "case_id";
        em.createNativeQuery("insert into perpetrator_link (perpetrator_id, tenant_id, " + column + ", linked_at)"
                        + " values (?1, current_setting('qorgau.tenant', true), ?2, ?3) on conflict do nothing")
                .setParameter(1, perpetratorId)
                .setParameter(2, incidentId != null ? incidentId : caseId)
                .setParameter(3, Timestamp.from(at))
                .executeUpdate();
    }

    private PerpetratorView view(Perpetrator p) {
        @SuppressWarnings("unchecked")
        List<Object[]> links = em.createNativeQuery("""
                        select incident_id, case_id from perpetrator_link where perpetrator_id = ?1
                        order by linked_at, incident_id, case_id""").setParameter(1, p.id).getResultList();
        @SuppressWarnings("unchecked")
        List<UUID> orders = em.createNativeQuery(
                        "select id from protective_order where perpetrator_id = ?1 order by created_at, id", UUID.class)
                .setParameter(1, p.id)
                .getResultList();
        return new PerpetratorView(
                p.id,
                p.fullName,
                p.birthDate == null ? null : LocalDate.parse(p.birthDate),
                p.notes,
                links.stream().filter(l -> l[0] != null).map(l -> (UUID) l[0]).toList(),
                links.stream().filter(l -> l[1] != null).map(l -> (UUID) l[1]).toList(),
                orders,
                p.recordedByAgency,
                p.createdAt,
                p.updatedAt);
    }

    private static List<UUID> sorted(Set<UUID> ids) {
        return ids == null ? List.of() : ids.stream().sorted().toList();
    }
}
