package kz.qorgau.children;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.agency.Agencies;
import kz.qorgau.agency.AgencyKind;
import kz.qorgau.agency.CallerAgency;
import kz.qorgau.audit.AuditAction;
import kz.qorgau.audit.AuditTrail;
import kz.qorgau.audit.AuditTrail.Subject;
import kz.qorgau.casefile.CaseRef;
import kz.qorgau.casefile.CaseService;
import kz.qorgau.children.ChildDtos.Contact;
import kz.qorgau.children.ChildDtos.NoticeView;
import kz.qorgau.children.ChildDtos.OverdueView;
import kz.qorgau.common.EventLog;
import kz.qorgau.common.Keyset;
import kz.qorgau.common.Page;
import kz.qorgau.common.ProblemException;
import kz.qorgau.common.TimeAndIds.IdGenerator;
import kz.qorgau.consent.DataCategory;
import kz.qorgau.incident.IncidentService;
import kz.qorgau.incident.IncidentService.Occurrence;
import kz.qorgau.security.AccessPolicy;
import kz.qorgau.security.Capability;
import kz.qorgau.security.TenantsConfig;

/**
 * The minimal notices about children at a domestic incident: sent at once to the district's child-protection
 * service and the child's school, read and acknowledged by them alone, and handed to the coordinators when no one
 * acknowledged one by the next school day (or when the district has no child-protection service to send it to).
 */
@ApplicationScoped
public class ChildNotices {

    @Inject
    EntityManager em;

    @Inject
    AccessPolicy access;

    @Inject
    CallerAgency callerAgency;

    @Inject
    Agencies agencies;

    @Inject
    CaseService cases;

    @Inject
    IncidentService incidents;

    @Inject
    EventLog events;

    @Inject
    AuditTrail audit;

    @Inject
    TenantsConfig tenants;

    @Inject
    IdGenerator ids;

    @Inject
    Clock clock;

    /** Sends the child's notices for the incident, in the caller's transaction; one already sent is not sent again. */
    @Transactional(Transactional.TxType.MANDATORY)
    void send(Child child, CaseRef caseRef, UUID incidentId, Instant now) {
        Occurrence incident = incidents.occurrence(incidentId).orElseThrow();
        TenantsConfig.Tenant settings = tenants.all().get(access.caller().tenantId());
        LocalDate incidentDate = incident.occurredAt().atZone(settings.zone()).toLocalDate();
        Instant due = SchoolDays.acknowledgeBy(
                now, settings.zone(), settings.childNotices().acknowledgeBy());
        Map<AgencyKind, Optional<UUID>> addressees = new LinkedHashMap<>();
        addressees.put(AgencyKind.CHILD_PROTECTION, agencies.serving(AgencyKind.CHILD_PROTECTION, incident.district()));
        if (child.schoolAgencyId != null) {
            addressees.put(AgencyKind.EDUCATION, Optional.of(child.schoolAgencyId));
        }
        String person = cases.assigneeOf(caseRef.id());
        addressees.forEach((kind, addressee) -> {
            UUID id = ids.newId();
            int inserted = em.createNativeQuery("""
                            insert into child_notice (id, tenant_id, child_id, incident_id, case_id, addressee_kind,
                                addressee_agency_id, district, incident_date, child_present, contact_agency_id,
                                contact_person, due_at, escalated_at, created_at)
                            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, true, ?10, ?11, ?12, ?13, ?14)
                            on conflict (child_id, incident_id, addressee_kind) do nothing""")
                    .setParameter(1, id)
                    .setParameter(2, access.caller().tenantId())
                    .setParameter(3, child.id)
                    .setParameter(4, incidentId)
                    .setParameter(5, caseRef.id())
                    .setParameter(6, kind.name())
                    .setParameter(7, addressee.orElse(null))
                    .setParameter(8, incident.district())
                    .setParameter(9, java.sql.Date.valueOf(incidentDate))
                    .setParameter(10, caseRef.leadAgencyId())
                    .setParameter(11, person)
                    // No one to send it to: it is the coordinators' at once.
                    .setParameter(12, java.sql.Timestamp.from(addressee.isPresent() ? due : now))
                    .setParameter(13, addressee.isPresent() ? null : java.sql.Timestamp.from(now))
                    .setParameter(14, java.sql.Timestamp.from(now))
                    .executeUpdate();
            if (inserted == 1) {
                addressee.ifPresent(agency -> events.append(
                        "child-notice",
                        id,
                        "child-notice.sent",
                        Set.of(agency),
                        Map.of("noticeId", id, "addresseeKind", kind, "acknowledgeBy", due)));
                audit.record(
                        AuditAction.CREATE,
                        Subject.of("child-notice", id, caseRef.id()),
                        Set.of(DataCategory.IDENTITY),
                        addressee.map(a -> kind + " " + a).orElse(kind + ": no agency serves " + incident.district()));
            }
        });
    }

    /** The caller's agency's notices, newest first; {@code open} keeps those it has not acknowledged. */
    @Transactional
    public Page<NoticeView> list(boolean open, String cursor, int limit) {
        access.require(Capability.READ_CHILD_NOTICES);
        UUID agency = callerAgency.requireRegistered();
        Optional<Keyset> after = cursor == null ? Optional.empty() : Optional.of(Keyset.fromCursor(cursor));
        StringBuilder query = new StringBuilder("from ChildNotice where addresseeAgencyId = :agency");
        if (open) {
            query.append(" and acknowledgedAt is null");
        }
        after.ifPresent(k -> query.append(" and (createdAt < :at or createdAt = :at and id < :id)"));
        query.append(" order by createdAt desc, id desc");
        var typed = em.createQuery(query.toString(), ChildNotice.class)
                .setParameter("agency", agency)
                .setMaxResults(limit + 1);
        after.ifPresent(k -> typed.setParameter("at", k.updatedAt()).setParameter("id", k.id()));
        List<ChildNotice> rows = typed.getResultList();
        boolean more = rows.size() > limit;
        List<ChildNotice> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? new Keyset(shown.get(limit - 1).createdAt, shown.get(limit - 1).id).toCursor() : null;
        audit.record(AuditAction.LIST, Subject.of("child-notice", null, null), Set.of(DataCategory.IDENTITY));
        return new Page<>(views(shown), next);
    }

    @Transactional
    public NoticeView get(UUID id) {
        ChildNotice notice = own(id);
        audit.record(AuditAction.READ, Subject.of("child-notice", id, null), Set.of(DataCategory.IDENTITY));
        return views(List.of(notice)).get(0);
    }

    /** A named person of the addressee acknowledges it; acknowledging again changes nothing. */
    @Transactional
    public NoticeView acknowledge(UUID id) {
        ChildNotice notice = own(id);
        if (notice.acknowledgedAt == null) {
            notice.acknowledgedAt = clock.instant();
            notice.acknowledgedBy = access.caller().username();
            audit.record(AuditAction.UPDATE, Subject.of("child-notice", id, null), Set.of(), "acknowledged");
        }
        return views(List.of(notice)).get(0);
    }

    /** For the coordinators: the notices no one acknowledged in time, or no agency could be sent; no child's data. */
    @Transactional
    public Page<OverdueView> overdue(String cursor, int limit) {
        access.require(Capability.READ_ESCALATIONS);
        Optional<Keyset> after = cursor == null ? Optional.empty() : Optional.of(Keyset.fromCursor(cursor));
        StringBuilder query =
                new StringBuilder("from ChildNotice where acknowledgedAt is null and escalatedAt is not null");
        after.ifPresent(k -> query.append(" and (dueAt > :at or dueAt = :at and id > :id)"));
        query.append(" order by dueAt, id");
        var typed = em.createQuery(query.toString(), ChildNotice.class).setMaxResults(limit + 1);
        after.ifPresent(k -> typed.setParameter("at", k.updatedAt()).setParameter("id", k.id()));
        return Keyset.page(
                typed.getResultList(),
                limit,
                n -> new Keyset(n.dueAt, n.id),
                n -> new OverdueView(
                        n.id,
                        n.addresseeKind,
                        n.addresseeAgencyId,
                        n.district,
                        n.incidentDate,
                        n.dueAt,
                        n.escalatedAt));
    }

    /**
     * Hands the notices of one network past their deadline to the coordinators, each once, and tells the addressee
     * and the lead agency of the case.
     *
     * @return how many were escalated
     */
    @Transactional
    int escalateOverdue(String tenantId) {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Object[]> claimed = em.createNativeQuery("""
                        update child_notice set escalated_at = ?1
                        where tenant_id = ?2 and acknowledged_at is null and escalated_at is null and due_at < ?1
                        returning id, addressee_agency_id, contact_agency_id, due_at""")
                .setParameter(1, java.sql.Timestamp.from(now))
                .setParameter(2, tenantId)
                .getResultList();
        for (Object[] row : claimed) {
            UUID id = (UUID) row[0];
            Set<UUID> audience = new HashSet<>();
            audience.add((UUID) row[2]);
            if (row[1] != null) {
                audience.add((UUID) row[1]);
            }
            events.append(
                    "child-notice",
                    id,
                    "child-notice.overdue",
                    audience,
                    Map.of("noticeId", id, "acknowledgeBy", kz.qorgau.common.SqlValues.instant(row[3])));
        }
        return claimed.size();
    }

    /** A notice addressed to the caller's agency; 404 for any other, as for one that does not exist. */
    private ChildNotice own(UUID id) {
        access.require(Capability.READ_CHILD_NOTICES);
        UUID agency = callerAgency.requireRegistered();
        ChildNotice notice = em.find(ChildNotice.class, id);
        if (notice == null || !agency.equals(notice.addresseeAgencyId)) {
            throw new ProblemException.NotFound("Child notice " + id);
        }
        return notice;
    }

    /** The notices as their addressee reads them: two queries however many. */
    private List<NoticeView> views(List<ChildNotice> notices) {
        Map<UUID, Child> children = new java.util.HashMap<>();
        Set<UUID> childIds = new HashSet<>();
        Set<UUID> contactIds = new HashSet<>();
        notices.forEach(n -> {
            childIds.add(n.childId);
            contactIds.add(n.contactAgencyId);
        });
        if (!childIds.isEmpty()) {
            em.createQuery("from Child where id in :ids", Child.class)
                    .setParameter("ids", childIds)
                    .getResultStream()
                    .forEach(c -> children.put(c.id, c));
        }
        Map<UUID, Agencies.Contact> contacts = agencies.contacts(contactIds);
        List<NoticeView> views = new ArrayList<>();
        for (ChildNotice n : notices) {
            Child child = children.get(n.childId);
            Agencies.Contact contact = contacts.get(n.contactAgencyId);
            views.add(new NoticeView(
                    n.id,
                    n.addresseeKind,
                    child == null ? null : child.fullName,
                    child == null || child.birthDate == null ? null : LocalDate.parse(child.birthDate),
                    true,
                    n.incidentDate,
                    n.childPresent,
                    new Contact(
                            n.contactAgencyId,
                            contact == null ? null : contact.name(),
                            contact == null ? null : contact.phone(),
                            contact == null ? null : contact.contactPoint(),
                            n.contactPerson),
                    n.dueAt,
                    n.acknowledgedAt,
                    n.acknowledgedBy,
                    n.escalatedAt,
                    n.createdAt));
        }
        return views;
    }
}
