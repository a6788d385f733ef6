package kz.qorgau.protectiveorder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kz.qorgau.audit.AuditAction;
import kz.qorgau.audit.AuditTrail;
import kz.qorgau.audit.AuditTrail.Subject;
import kz.qorgau.caseaccess.CaseParties;
import kz.qorgau.casefile.CaseRef;
import kz.qorgau.casefile.CaseService;
import kz.qorgau.common.Priority;
import kz.qorgau.common.TimeAndIds.IdGenerator;
import kz.qorgau.matching.IncidentPeopleRecorded;
import kz.qorgau.matching.PersonTokens;
import kz.qorgau.matching.SurvivorRecognition.NamedPerson;
import kz.qorgau.perpetrator.PerpetratorService;
import kz.qorgau.referral.ReferralService;
import kz.qorgau.security.TenantsConfig;

/**
 * Orders that are kept: an incident that names as SUSPECT a man under an active order and, as VICTIM, the survivor
 * that order protects, breaks it. The breach is recorded on the order in the incident's own transaction, her open
 * case goes to EMERGENCY with its open referrals, and the police unit that recorded the order and every agency on her
 * case hear {@code protective-order.violated} at once.
 */
@ApplicationScoped
public class OrderBreaches {

    static final String SYSTEM = "system:order-watch";

    private static final byte[] ABSENT = new byte[0];

    @Inject
    EntityManager em;

    @Inject
    PerpetratorService perpetrators;

    @Inject
    ProtectiveOrderService orders;

    @Inject
    CaseService cases;

    @Inject
    CaseParties parties;

    @Inject
    ReferralService referrals;

    @Inject
    AuditTrail audit;

    @Inject
    TenantsConfig tenants;

    @Inject
    IdGenerator ids;

    @Inject
    java.time.Clock clock;

    void onIncident(@Observes IncidentPeopleRecorded recorded) {
        List<PersonTokens> victims = tokensOf(recorded.people(), "VICTIM");
        if (victims.isEmpty()) {
            return;
        }
        Set<java.util.UUID> restrained = new LinkedHashSet<>();
        tokensOf(recorded.people(), "SUSPECT").forEach(suspect -> restrained.addAll(perpetrators.matching(suspect)));
        if (restrained.isEmpty()) {
            return;
        }
        List<ProtectiveOrder> theirs = em.createQuery(
                        "from ProtectiveOrder where perpetratorId in :men and revokedAt is null order by createdAt, id",
                        ProtectiveOrder.class)
                .setParameter("men", restrained)
                .getResultList();
        for (ProtectiveOrder order : theirs) {
            if (inForceAt(order, recorded.occurredAt()) && protects(order, victims)) {
                breach(order, recorded);
            }
        }
    }

    private boolean inForceAt(ProtectiveOrder order, Instant at) {
        ZoneId zone = tenants.all().get(order.tenantId).zone();
        LocalDate day = at.atZone(zone).toLocalDate();
        return !day.isBefore(order.issuedOn) && !day.isAfter(order.expiresOn);
    }

    /** Whether one of the incident's victims is the survivor of the order's case. */
    private boolean protects(ProtectiveOrder order, List<PersonTokens> victims) {
        for (PersonTokens victim : victims) {
            boolean her = !em.createNativeQuery("""
                            select 1 from case_file c join survivor s on s.id = c.survivor_id
                            where c.id = ?1 and (s.iin_token = ?2
                                  or s.name_birth_token = ?3 and (s.iin_token is null or length(?2) = 0))""")
                    .setParameter(1, order.caseId)
                    .setParameter(2, Optional.ofNullable(victim.iin()).orElse(ABSENT))
                    .setParameter(3, Optional.ofNullable(victim.nameBirth()).orElse(ABSENT))
                    .getResultList()
                    .isEmpty();
            if (her) {
                return true;
            }
        }
        return false;
    }

    private void breach(ProtectiveOrder order, IncidentPeopleRecorded recorded) {
        Instant now = clock.instant();
        int inserted = em.createNativeQuery("""
                        insert into protective_order_violation (id, tenant_id, order_id, occurred_at, description,
                            reported_by, reporter_agency_id, reported_at, incident_id)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) on conflict do nothing""")
                .setParameter(1, ids.newId())
                .setParameter(2, order.tenantId)
                .setParameter(3, order.id)
                .setParameter(4, java.sql.Timestamp.from(recorded.occurredAt()))
                .setParameter(
                        5,
                        kz.qorgau.privacy.SealedText.seal("Incident " + recorded.incidentId()
                                + " names the person the order restrains, with the survivor it protects"))
                .setParameter(6, SYSTEM)
                .setParameter(7, recorded.reportingAgencyId())
                .setParameter(8, java.sql.Timestamp.from(now))
                .setParameter(9, recorded.incidentId())
                .executeUpdate();
        if (inserted == 0) {
            return;
        }
        order.updatedAt = now;
        CaseRef caseRef = cases.of(order.caseId);
        String reason = "Protective order " + order.number + " broken: incident " + recorded.incidentId();
        if (caseRef.open() && Priority.EMERGENCY.isMoreUrgentThan(caseRef.riskLevel())) {
            cases.riskLevelSet(caseRef.id(), Priority.EMERGENCY, order.updatedAt);
            referrals.raiseOpenReferrals(caseRef.id(), Priority.EMERGENCY, reason);
        }
        Set<java.util.UUID> audience = new LinkedHashSet<>(parties.of(caseRef.id(), caseRef.leadAgencyId()));
        audience.add(order.recordedByAgency);
        orders.announce(order, "protective-order.violated", audience);
        audit.recordForSystem(
                order.tenantId,
                "order-watch",
                AuditAction.CREATE,
                Subject.of("order-violation", order.id, caseRef.id()),
                Set.of(),
                reason);
    }

    private static List<PersonTokens> tokensOf(List<NamedPerson> people, String role) {
        return people.stream()
                .filter(p -> p.role().equals(role) && !p.tokens().isEmpty())
                .map(NamedPerson::tokens)
                .toList();
    }
}
