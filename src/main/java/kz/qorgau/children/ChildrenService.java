package kz.qorgau.children;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.agency.Agencies;
import kz.qorgau.agency.AgencyKind;
import kz.qorgau.agency.CallerAgency;
import kz.qorgau.audit.AuditAction;
import kz.qorgau.audit.AuditTrail;
import kz.qorgau.audit.AuditTrail.Subject;
import kz.qorgau.caseaccess.CaseAccess;
import kz.qorgau.caseaccess.CaseAccess.Grant;
import kz.qorgau.casefile.CaseAnonymised;
import kz.qorgau.casefile.CaseRef;
import kz.qorgau.casefile.CaseService;
import kz.qorgau.children.ChildDtos.ChildView;
import kz.qorgau.children.ChildDtos.NewChild;
import kz.qorgau.common.ProblemException;
import kz.qorgau.common.TimeAndIds.IdGenerator;
import kz.qorgau.consent.DataCategory;
import kz.qorgau.security.AccessPolicy;
import kz.qorgau.security.Capability;
import kz.qorgau.security.TenantsConfig;

/**
 * The children of her household, recorded by the agencies on her case that see who she is, and whether each was
 * present when police attended an incident of her case. A child recorded present is notified, minimally, to the
 * district's child-protection service and the child's school ({@link ChildNotices}), in the same transaction.
 */
@ApplicationScoped
public class ChildrenService {

    /** As many children as one case keeps, and lists in one answer. */
    static final int MOST_CHILDREN = 50;

    @Inject
    EntityManager em;

    @Inject
    AccessPolicy access;

    @Inject
    CallerAgency callerAgency;

    @Inject
    CaseService cases;

    @Inject
    CaseAccess caseAccess;

    @Inject
    Agencies agencies;

    @Inject
    ChildNotices notices;

    @Inject
    AuditTrail audit;

    @Inject
    TenantsConfig tenants;

    @Inject
    IdGenerator ids;

    @Inject
    Clock clock;

    @Transactional
    public ChildView record(UUID caseId, NewChild request) {
        UUID agency = onCase(caseId);
        CaseRef caseRef = cases.workable(caseId);
        LocalDate today = LocalDate.now(
                clock.withZone(tenants.all().get(access.caller().tenantId()).zone()));
        if (!request.birthDate().isAfter(today.minusYears(18))
                || request.birthDate().isAfter(today)) {
            throw new ProblemException.InvalidInput(
                    "birthDate", "must be a child's: after " + today.minusYears(18) + " and not after today");
        }
        if (request.schoolAgencyId() != null
                && request.schoolName() != null
                && !request.schoolName().isBlank()) {
            throw new ProblemException.InvalidInput(
                    "schoolName", "name the school by schoolAgencyId or by schoolName, not both");
        }
        long recorded = em.createQuery("select count(c) from Child c where c.caseId = :case", Long.class)
                .setParameter("case", caseId)
                .getSingleResult();
        if (recorded >= MOST_CHILDREN) {
            throw new ProblemException.Conflict(
                    "too-many-children",
                    "Her case already has " + MOST_CHILDREN + " children recorded, as many as it keeps",
                    Map.of());
        }
        if (request.schoolAgencyId() != null
                && agencies.find(request.schoolAgencyId())
                        .filter(a -> a.active() && a.kind() == AgencyKind.EDUCATION)
                        .isEmpty()) {
            throw new ProblemException.InvalidInput(
                    "schoolAgencyId", "must be an active EDUCATION agency of the network");
        }
        Instant now = clock.instant();
        Child child = new Child();
        child.id = ids.newId();
        child.caseId = caseRef.id();
        child.fullName = request.fullName().strip();
        child.birthDate = request.birthDate().toString();
        child.schoolAgencyId = request.schoolAgencyId();
        child.schoolName = request.schoolName() == null || request.schoolName().isBlank()
                ? null
                : request.schoolName().strip();
        child.recordedBy = access.caller().username();
        child.recordedByAgency = agency;
        child.createdAt = now;
        child.updatedAt = now;
        em.persist(child);
        audit.record(AuditAction.CREATE, Subject.of("child", child.id, caseId), Set.of(DataCategory.IDENTITY));
        return view(child, List.of());
    }

    @Transactional
    public List<ChildView> list(UUID caseId) {
        onCase(caseId);
        List<Child> children = em.createQuery("from Child where caseId = :case order by createdAt, id", Child.class)
                .setParameter("case", caseId)
                .setMaxResults(MOST_CHILDREN)
                .getResultList();
        Map<UUID, List<UUID>> presence =
                presenceOf(children.stream().map(c -> c.id).toList());
        audit.record(AuditAction.LIST, Subject.of("child", null, caseId), Set.of(DataCategory.IDENTITY));
        return children.stream()
                .map(c -> view(c, presence.getOrDefault(c.id, List.of())))
                .toList();
    }

    /**
     * Records whether the child was at one of her case's incidents. Recording the child present sends the notices
     * (once per child, incident and kind of addressee, however often it is recorded).
     */
    @Transactional
    public ChildView presence(UUID caseId, UUID childId, UUID incidentId, boolean present) {
        onCase(caseId);
        CaseRef caseRef = cases.workable(caseId);
        Child child = em.find(Child.class, childId);
        if (child == null || !child.caseId.equals(caseId)) {
            throw new ProblemException.NotFound("Child " + childId + " of case " + caseId);
        }
        if (!cases.incidentsOf(caseId).contains(incidentId)) {
            throw new ProblemException.NotFound("Incident " + incidentId + " of case " + caseId);
        }
        Instant now = clock.instant();
        em.createNativeQuery("""
                        insert into child_presence (child_id, incident_id, tenant_id, present, recorded_by, recorded_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6)
                        on conflict (child_id, incident_id)
                        do update set present = excluded.present, recorded_by = excluded.recorded_by,
                                      recorded_at = excluded.recorded_at""")
                .setParameter(1, childId)
                .setParameter(2, incidentId)
                .setParameter(3, access.caller().tenantId())
                .setParameter(4, present)
                .setParameter(5, access.caller().username())
                .setParameter(6, java.sql.Timestamp.from(now))
                .executeUpdate();
        if (present) {
            notices.send(child, caseRef, incidentId, now);
        }
        audit.record(
                AuditAction.UPDATE,
                Subject.of("child", childId, caseId),
                Set.of(DataCategory.INCIDENT_DETAILS),
                (present ? "present at incident " : "not present at incident ") + incidentId);
        return view(child, presenceOf(List.of(childId)).getOrDefault(childId, List.of()));
    }

    /** Retention removes her case's personal data: her children's goes with it. */
    void forgetWithCase(@Observes CaseAnonymised anonymised) {
        em.createNativeQuery("update child set full_name_sealed = null, birth_date_sealed = null,"
                        + " school_name_sealed = null where case_id = ?1")
                .setParameter(1, anonymised.caseId())
                .executeUpdate();
    }

    /** The caller's agency, on her case and seeing who she is: her children are her household's identity. */
    private UUID onCase(UUID caseId) {
        access.require(Capability.KEEP_CHILD_RECORDS);
        UUID agency = callerAgency.requireRegistered();
        CaseRef caseRef = cases.find(caseId).orElseThrow(() -> new ProblemException.NotFound("Case " + caseId));
        Grant grant = caseAccess.toWork(caseRef.id(), caseRef.leadAgencyId());
        if (!grant.shows(DataCategory.IDENTITY)) {
            throw new ProblemException.Forbidden(
                    "Her consent does not cover IDENTITY for your agency: her children are her household's identity");
        }
        return agency;
    }

    private Map<UUID, List<UUID>> presenceOf(List<UUID> childIds) {
        Map<UUID, List<UUID>> presence = new HashMap<>();
        if (childIds.isEmpty()) {
            return presence;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery("""
                        select child_id, incident_id from child_presence
                        where child_id in (:children) and present order by recorded_at, incident_id""").setParameter("children", childIds).getResultList();
        for (Object[] row : rows) {
            presence.computeIfAbsent((UUID) row[0], k -> new java.util.ArrayList<>())
                    .add((UUID) row[1]);
        }
        return presence;
    }

    private ChildView view(Child child, List<UUID> presentAt) {
        LocalDate born = child.birthDate == null ? null : LocalDate.parse(child.birthDate);
        LocalDate today = LocalDate.now(
                clock.withZone(tenants.all().get(access.caller().tenantId()).zone()));
        return new ChildView(
                child.id,
                child.caseId,
                child.fullName,
                born,
                born == null ? 0 : Period.between(born, today).getYears(),
                child.schoolAgencyId,
                child.schoolName,
                presentAt,
                child.createdAt);
    }
}
