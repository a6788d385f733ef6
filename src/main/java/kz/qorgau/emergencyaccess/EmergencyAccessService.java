package kz.qorgau.emergencyaccess;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.agency.Agencies;
import kz.qorgau.agency.CallerAgency;
import kz.qorgau.audit.AuditAction;
import kz.qorgau.audit.AuditTrail;
import kz.qorgau.audit.AuditTrail.Subject;
import kz.qorgau.caseaccess.CaseAccess;
import kz.qorgau.casefile.CaseRef;
import kz.qorgau.casefile.CaseService;
import kz.qorgau.common.EventLog;
import kz.qorgau.common.Keyset;
import kz.qorgau.common.Page;
import kz.qorgau.common.ProblemException;
import kz.qorgau.common.SqlValues;
import kz.qorgau.common.TimeAndIds.IdGenerator;
import kz.qorgau.emergencyaccess.EmergencyAccessDtos.AccessView;
import kz.qorgau.emergencyaccess.EmergencyAccessDtos.EmergencyView;
import kz.qorgau.emergencyaccess.EmergencyAccessDtos.LeadContact;
import kz.qorgau.emergencyaccess.EmergencyAccessDtos.OpenRequest;
import kz.qorgau.emergencyaccess.EmergencyAccessDtos.OrderInForce;
import kz.qorgau.emergencyaccess.EmergencyAccessDtos.Review;
import kz.qorgau.emergencyaccess.EmergencyAccessDtos.ReviewRequest;
import kz.qorgau.matching.SurvivorRecognition;
import kz.qorgau.security.AccessPolicy;
import kz.qorgau.security.Capability;
import kz.qorgau.security.Role;
import kz.qorgau.security.TenantsConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Break-glass: an agency that is not on a case opens, with a reason, a short window on its minimal emergency view.
 * Each open and each read is in the audit trail, the lead agency and the coordinators hear of the opening at once,
 * and a coordinator judges every use.
 */
@ApplicationScoped
public class EmergencyAccessService {

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
    SurvivorRecognition recognition;

    @Inject
    Agencies agencies;

    @Inject
    EventLog events;

    @Inject
    AuditTrail audit;

    @Inject
    TenantsConfig tenants;

    @Inject
    Clock clock;

    @Inject
    IdGenerator ids;

    @ConfigProperty(name = "qorgau.emergency-access.lasts", defaultValue = "1h")
    Duration lasts;

    @ConfigProperty(name = "qorgau.emergency-access.review-within", defaultValue = "72h")
    Duration reviewWithin;

    @Transactional
    public AccessView open(OpenRequest request) {
        access.require(Capability.OPEN_EMERGENCY_ACCESS);
        UUID agency = callerAgency.requireRegistered();
        if ((request.caseId() == null) == (request.person() == null)) {
            throw new ProblemException.InvalidInput("caseId", "or person, exactly one of them, names the case");
        }
        CaseRef caseRef = identified(request)
                .filter(CaseRef::open)
                .orElseThrow(() -> new ProblemException.NotFound("An open case of hers"));
        if (caseAccess.to(caseRef.id(), caseRef.leadAgencyId()).seesCase()) {
            throw new ProblemException.Conflict(
                    "already-on-case",
                    "Your agency already sees case " + caseRef.id() + ": read it as usual",
                    Map.of("caseId", caseRef.id()));
        }
        Instant now = clock.instant();
        Optional<UUID> running = em.createQuery(
                        "select a.id from EmergencyAccess a where a.caseId = ?1 and a.agencyId = ?2"
                                + " and a.expiresAt > ?3",
                        UUID.class)
                .setParameter(1, caseRef.id())
                .setParameter(2, agency)
                .setParameter(3, now)
                .getResultStream()
                .findFirst();
        if (running.isPresent()) {
            throw new ProblemException.Conflict(
                    "emergency-access-active",
                    "Your agency's emergency access to this case is open until it ends: read it",
                    Map.of("emergencyAccessId", running.get()));
        }
        EmergencyAccess opened = new EmergencyAccess();
        opened.id = ids.newId();
        opened.caseId = caseRef.id();
        opened.agencyId = agency;
        opened.openedBy = access.caller().subject();
        opened.openedByName = access.caller().username();
        opened.reason = request.reason();
        opened.note = request.note().strip();
        opened.openedAt = now;
        opened.expiresAt = now.plus(lasts);
        opened.reviewDueAt = now.plus(reviewWithin);
        em.persist(opened);
        audit.record(
                AuditAction.EMERGENCY_ACCESS,
                Subject.of("emergency-access", opened.id, caseRef.id()),
                Set.of(),
                "opened: " + request.reason() + ", until " + opened.expiresAt);
        Map<String, Object> payload = payload(opened);
        events.append(
                "emergency-access",
                opened.id,
                "emergency-access.opened",
                Set.of(caseRef.leadAgencyId(), agency),
                payload);
        return view(opened, true);
    }

    /** The minimal emergency view of the case, while the caller's agency's access lasts; each read is audited. */
    @Transactional
    public EmergencyView read(UUID id) {
        access.require(Capability.OPEN_EMERGENCY_ACCESS);
        EmergencyAccess opened = own(id);
        Instant now = clock.instant();
        // One statement counts the read and checks the window, so a read at the last moment is either counted or
        // refused.
        int counted = em.createNativeQuery("update emergency_access set reads = reads + 1, last_read_at = ?2"
                        + " where id = ?1 and expires_at > ?2")
                .setParameter(1, opened.id)
                .setParameter(2, Timestamp.from(now))
                .executeUpdate();
        CaseRef caseRef = cases.of(opened.caseId);
        if (counted == 0 || !caseRef.open()) {
            throw new ProblemException.Conflict(
                    "emergency-access-ended",
                    "This emergency access ended at "
                            + (caseRef.open() ? opened.expiresAt : "the closure of the case")
                            + "; open another only for a new emergency",
                    Map.of("expiresAt", opened.expiresAt));
        }
        audit.record(
                AuditAction.EMERGENCY_ACCESS,
                Subject.of("case", caseRef.id(), caseRef.id()),
                Set.of(),
                "emergency view read under access " + opened.id + " (" + opened.reason + ")");
        return emergencyView(caseRef, opened.expiresAt);
    }

    @Transactional
    public AccessView get(UUID id) {
        access.require(Capability.READ_EMERGENCY_ACCESS);
        EmergencyAccess opened = readable(id);
        audit.record(AuditAction.READ, Subject.of("emergency-access", opened.id, opened.caseId), Set.of());
        return view(opened, true);
    }

    /**
     * Coordinators: the network's uses, newest first (unreviewed=true: those waiting for review, oldest deadline
     * first). Anyone else: its own agency's uses.
     */
    @Transactional
    public Page<AccessView> list(boolean unreviewed, String cursor, int limit) {
        access.require(Capability.READ_EMERGENCY_ACCESS);
        Optional<Keyset> after = Optional.ofNullable(cursor).map(Keyset::fromCursor);
        boolean oversight = access.caller().has(Role.COORDINATOR);
        StringBuilder where = new StringBuilder("where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (!oversight) {
            where.append(" and a.agencyId = :agency");
            params.put("agency", callerAgency.requireRegistered());
        }
        String order;
        if (unreviewed) {
            where.append(" and a.reviewedAt is null");
            after.ifPresent(k -> where.append(" and (a.reviewDueAt, a.id) > (:afterTime, :afterId)"));
            order = " order by a.reviewDueAt, a.id";
        } else {
            after.ifPresent(k -> where.append(" and (a.openedAt, a.id) < (:afterTime, :afterId)"));
            order = " order by a.openedAt desc, a.id desc";
        }
        after.ifPresent(k -> {
            params.put("afterTime", k.updatedAt());
            params.put("afterId", k.id());
        });
        var query = em.createQuery("select a from EmergencyAccess a " + where + order, EmergencyAccess.class)
                .setMaxResults(limit + 1);
        params.forEach(query::setParameter);
        List<EmergencyAccess> rows = query.getResultList();
        audit.record(AuditAction.LIST, Subject.of("emergency-access", null, null), Set.of());
        return Keyset.page(
                rows,
                limit,
                a -> new Keyset(unreviewed ? a.reviewDueAt : a.openedAt, a.id),
                a -> view(
                        a,
                        oversight
                                || a.agencyId.equals(access.caller().agencyId().orElse(null))));
    }

    /** A coordinator judges one use, once: justified or not, with a note. */
    @Transactional
    public AccessView review(UUID id, ReviewRequest request) {
        access.require(Capability.REVIEW_EMERGENCY_ACCESS);
        EmergencyAccess opened = em.find(EmergencyAccess.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (opened == null) {
            throw new ProblemException.NotFound("Emergency access " + id);
        }
        if (opened.reviewedAt != null) {
            throw new ProblemException.Conflict(
                    "already-reviewed",
                    "This use was reviewed at " + opened.reviewedAt + " by " + opened.reviewedBy,
                    Map.of("justified", opened.justified));
        }
        Instant now = clock.instant();
        opened.reviewedAt = now;
        opened.reviewedBy = access.caller().username();
        opened.justified = request.justified();
        opened.reviewNote = request.note().strip();
        if (!request.justified() && opened.expiresAt.isAfter(now)) {
            // An unjustified use ends when it is judged so.
            opened.expiresAt = now;
        }
        em.flush();
        audit.record(
                AuditAction.UPDATE,
                Subject.of("emergency-access", opened.id, opened.caseId),
                Set.of(),
                "reviewed: " + (request.justified() ? "justified" : "not justified"));
        Map<String, Object> payload = payload(opened);
        payload.put("justified", opened.justified);
        events.append(
                "emergency-access",
                opened.id,
                "emergency-access.reviewed",
                Set.of(opened.agencyId, cases.of(opened.caseId).leadAgencyId()),
                payload);
        return view(opened, true);
    }

    /** The job: uses whose review deadline passed unreviewed are told to the coordinators once more. */
    @Transactional
    public int escalateOverdue(String tenant) {
        Instant now = clock.instant();
        List<EmergencyAccess> overdue = em.createQuery(
                        "select a from EmergencyAccess a where a.reviewedAt is null and a.escalatedAt is null"
                                + " and a.reviewDueAt <= ?1 order by a.reviewDueAt, a.id",
                        EmergencyAccess.class)
                .setParameter(1, now)
                .setMaxResults(500)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", -2)
                .getResultList();
        for (EmergencyAccess opened : overdue) {
            opened.escalatedAt = now;
            events.append(
                    "emergency-access",
                    opened.id,
                    "emergency-access.review-overdue",
                    Set.of(opened.agencyId),
                    payload(opened));
            audit.recordForSystem(
                    tenant,
                    "emergency-access-review",
                    AuditAction.UPDATE,
                    Subject.of("emergency-access", opened.id, opened.caseId),
                    Set.of(),
                    "review overdue since " + opened.reviewDueAt);
        }
        return overdue.size();
    }

    /** Retention removes her personal data: the notes of the uses, which may speak of her, go with it. */
    void forgetWithCase(@jakarta.enterprise.event.Observes kz.qorgau.casefile.CaseAnonymised anonymised) {
        em.createNativeQuery("update emergency_access set note_sealed = null, review_note_sealed = null"
                        + " where case_id = ?1")
                .setParameter(1, anonymised.caseId())
                .executeUpdate();
    }

    /** The case named by id, or the open case her name and birth date (and IIN) find in the network. */
    private Optional<CaseRef> identified(OpenRequest request) {
        if (request.caseId() != null) {
            return cases.find(request.caseId());
        }
        var person = request.person();
        List<SurvivorRecognition.OpenCase> found = recognition
                .knownToCaller(
                        recognition.tokens(person.iin(), person.fullName().strip(), person.birthDate()), null)
                .openCases();
        if (found.size() > 1) {
            throw new ProblemException.Conflict(
                    "several-cases",
                    "She has more than one open case: ask the police or the hotline for the case id",
                    Map.of());
        }
        return found.stream().findFirst().flatMap(c -> cases.find(c.caseId()));
    }

    private EmergencyView emergencyView(CaseRef caseRef, Instant until) {
        var lead = agencies.contacts(Set.of(caseRef.leadAgencyId())).get(caseRef.leadAgencyId());
        LocalDate today = LocalDate.now(
                clock.withZone(tenants.all().get(caseRef.tenantId()).zone()));
        @SuppressWarnings("unchecked")
        List<Object[]> orders = em.createNativeQuery("select number, expires_on from protective_order"
                        + " where case_id = ?1 and revoked_at is null and issued_on <= ?2 and expires_on >= ?2"
                        + " order by expires_on, number limit 20")
                .setParameter(1, caseRef.id())
                .setParameter(2, today)
                .getResultList();
        List<OrderInForce> inForce = new ArrayList<>();
        for (Object[] row : orders) {
            inForce.add(new OrderInForce((String) row[0], SqlValues.localDate(row[1])));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rules = em.createNativeQuery("select phone_safe, address_safe from contact_rules"
                        + " where case_id = ?1 order by version desc limit 1")
                .setParameter(1, caseRef.id())
                .getResultList();
        return new EmergencyView(
                caseRef.id(),
                caseRef.riskLevel(),
                new LeadContact(
                        caseRef.leadAgencyId(),
                        lead == null ? null : lead.name(),
                        lead == null ? null : lead.phone(),
                        lead == null ? null : lead.contactPoint(),
                        cases.assigneeOf(caseRef.id())),
                inForce,
                rules.isEmpty() ? null : (Boolean) rules.get(0)[0],
                rules.isEmpty() ? null : (Boolean) rules.get(0)[1],
                until);
    }

    /** A use of the caller's own agency, or 404 as for one that does not exist. */
    private EmergencyAccess own(UUID id) {
        EmergencyAccess opened = em.find(EmergencyAccess.class, id);
        if (opened == null || !access.caller().belongsTo(opened.agencyId)) {
            throw new ProblemException.NotFound("Emergency access " + id);
        }
        return opened;
    }

    /** A use the caller may read: its agency's own, one on a case its agency leads, or any for coordinators. */
    private EmergencyAccess readable(UUID id) {
        EmergencyAccess opened = em.find(EmergencyAccess.class, id);
        if (opened == null) {
            throw new ProblemException.NotFound("Emergency access " + id);
        }
        if (access.caller().has(Role.COORDINATOR) || access.caller().belongsTo(opened.agencyId)) {
            return opened;
        }
        boolean leads = cases.find(opened.caseId)
                .map(c -> access.caller().belongsTo(c.leadAgencyId()))
                .orElse(false);
        if (!leads) {
            throw new ProblemException.NotFound("Emergency access " + id);
        }
        return opened;
    }

    private AccessView view(EmergencyAccess a, boolean withNotes) {
        Instant now = clock.instant();
        return new AccessView(
                a.id,
                a.caseId,
                a.agencyId,
                a.openedByName,
                a.reason,
                withNotes ? a.note : null,
                a.openedAt,
                a.expiresAt,
                now.isBefore(a.expiresAt),
                a.reads,
                a.lastReadAt,
                a.reviewDueAt,
                a.escalatedAt,
                a.reviewedAt == null
                        ? null
                        : new Review(a.justified, withNotes ? a.reviewNote : null, a.reviewedBy, a.reviewedAt),
                a.version);
    }

    /** What partners hear: ids, the reason and times, never the notes. */
    private static Map<String, Object> payload(EmergencyAccess a) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("emergencyAccessId", a.id);
        payload.put("caseId", a.caseId);
        payload.put("agencyId", a.agencyId);
        payload.put("reason", a.reason);
        payload.put("openedAt", a.openedAt);
        payload.put("expiresAt", a.expiresAt);
        payload.put("reviewDueAt", a.reviewDueAt);
        return payload;
    }
}
