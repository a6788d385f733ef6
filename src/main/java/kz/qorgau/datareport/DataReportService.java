package kz.qorgau.datareport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.agency.Agencies;
import kz.qorgau.audit.AuditAction;
import kz.qorgau.audit.AuditTrail;
import kz.qorgau.audit.AuditTrail.Subject;
import kz.qorgau.caseaccess.CaseAccess;
import kz.qorgau.casefile.CaseRef;
import kz.qorgau.casefile.CaseService;
import kz.qorgau.common.ProblemException;
import kz.qorgau.common.SqlValues;
import kz.qorgau.consent.ConsentDtos.ConsentView;
import kz.qorgau.consent.ConsentService;
import kz.qorgau.consent.DataCategory;
import kz.qorgau.datareport.DataHolders.Ground;
import kz.qorgau.datareport.DataHolders.HoldingBasis;
import kz.qorgau.datareport.DataHolders.Reading;
import kz.qorgau.datareport.DataReportDtos.ConsentEntry;
import kz.qorgau.datareport.DataReportDtos.DataReport;
import kz.qorgau.datareport.DataReportDtos.GroundView;
import kz.qorgau.datareport.DataReportDtos.HolderView;
import kz.qorgau.security.AccessPolicy;
import kz.qorgau.security.Capability;

/**
 * Her own view: the lead agency produces, for the survivor, the report of who holds and who has read her data. Its
 * grounds come from the referrals and the emergency accesses, its reads from the audit trail; producing it is itself
 * an entry there.
 */
@ApplicationScoped
public class DataReportService {

    /** The audit actions that show an agency what is in her case. */
    private static final String READING_ACTIONS = "'READ', 'LIST', 'SEARCH', 'EMERGENCY_ACCESS', 'HIGH_RISK_BASIS'";

    @Inject
    EntityManager em;

    @Inject
    AccessPolicy access;

    @Inject
    CaseService cases;

    @Inject
    CaseAccess caseAccess;

    @Inject
    ConsentService consents;

    @Inject
    Agencies agencies;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Transactional
    public DataReport report(UUID caseId, String language) {
        access.require(Capability.PRODUCE_DATA_REPORT);
        CaseRef caseRef = cases.find(caseId).orElseThrow(() -> new ProblemException.NotFound("Case " + caseId));
        if (!caseAccess.to(caseRef.id(), caseRef.leadAgencyId()).seesCase()) {
            throw new ProblemException.NotFound("Case " + caseId);
        }
        if (!access.caller().belongsTo(caseRef.leadAgencyId())) {
            throw new ProblemException.Forbidden("Her case's lead agency produces her report");
        }
        String tenant = access.caller().tenantId();
        Instant now = clock.instant();
        // Her name heads the report; reading it is the first read the report records.
        var survivor = cases.get(caseId).body().survivor();
        String name = survivor == null ? null : survivor.fullName();

        Map<UUID, List<Ground>> grounds = new HashMap<>();
        Set<UUID> live = new HashSet<>();
        Set<UUID> receivers = new HashSet<>();
        // When each receiver's referrals were withdrawn: a WITHDRAW takes back every consent that covers it.
        Map<UUID, List<Instant>> withdrawals = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> sent = em.createNativeQuery(
                        "select receiver_agency_id, consent_id is null, submitted_at,"
                                + " closed_at, state = 'WITHDRAWN' from referral where case_id = ?1 and submitted_at is not null")
                .setParameter(1, caseId)
                .getResultList();
        for (Object[] row : sent) {
            UUID receiver = (UUID) row[0];
            Instant closed = SqlValues.instant(row[3]);
            receivers.add(receiver);
            // A referral sent without her consent is a ground of its own while it runs; one sent under a consent
            // rests on that consent, which is a ground for as long as it covers the receiver, whatever the referral.
            if (Boolean.TRUE.equals(row[1])) {
                grounds.computeIfAbsent(receiver, a -> new ArrayList<>())
                        .add(new Ground(HoldingBasis.EMERGENCY_EXCEPTION, SqlValues.instant(row[2]), closed, null));
            }
            if (closed == null) {
                live.add(receiver);
            }
            if (Boolean.TRUE.equals(row[4])) {
                withdrawals.computeIfAbsent(receiver, a -> new ArrayList<>()).add(closed);
            }
        }
        @SuppressWarnings("unchecked")
        List<Object[]> emergencies = em.createNativeQuery(
                        "select agency_id, opened_at, expires_at from emergency_access where case_id = ?1")
                .setParameter(1, caseId)
                .getResultList();
        for (Object[] row : emergencies) {
            grounds.computeIfAbsent((UUID) row[0], a -> new ArrayList<>())
                    .add(new Ground(
                            HoldingBasis.EMERGENCY_ACCESS, SqlValues.instant(row[1]), SqlValues.instant(row[2]), null));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> conferences = em.createNativeQuery("select actor_agency_id, min(at) from audit_entry"
                        + " where tenant_id = ?1 and case_id = ?2 and actor_agency_id is not null"
                        + " and record_type like 'conference%' group by actor_agency_id")
                .setParameter(1, tenant)
                .setParameter(2, caseId)
                .getResultList();
        for (Object[] row : conferences) {
            grounds.computeIfAbsent((UUID) row[0], a -> new ArrayList<>())
                    .add(new Ground(HoldingBasis.RISK_CONFERENCE, SqlValues.instant(row[1]), null, null));
        }

        @SuppressWarnings("unchecked")
        List<Object[]> reads = em.createNativeQuery("select e.actor_agency_id, count(distinct e.id), max(e.at),"
                        + " array_remove(array_agg(distinct c.category), null),"
                        + " bool_or('coordinator' = any(e.actor_roles))"
                        + " from audit_entry e left join lateral unnest(e.categories) as c(category) on true"
                        + " where e.tenant_id = ?1 and e.case_id = ?2 and e.action in (" + READING_ACTIONS + ")"
                        // A read counts when it showed her something: a category of hers, or her case's emergency
                        // view; opening a link's code page, or a wrong code, showed nothing.
                        + " and (cardinality(e.categories) > 0 or e.record_type = 'case')"
                        + " group by e.actor_agency_id")
                .setParameter(1, tenant)
                .setParameter(2, caseId)
                .getResultList();
        List<Reading> readings = new ArrayList<>();
        long coordinatorReads = 0;
        Instant coordinatorLast = null;
        for (Object[] row : reads) {
            Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
            Arrays.stream((Object[]) row[3])
                    .map(c -> DataCategory.valueOf((String) c))
                    .forEach(categories::add);
            if (row[0] == null) {
                // Reads without an agency are the network's coordinators' (auditors read the trail, not the case).
                coordinatorReads += ((Number) row[1]).longValue();
                coordinatorLast = SqlValues.instant(row[2]);
                continue;
            }
            readings.add(
                    new Reading((UUID) row[0], ((Number) row[1]).longValue(), SqlValues.instant(row[2]), categories));
        }

        List<ConsentView> given = consents.ofCase(caseId, true);
        // Every agency her report names, loaded once: those with a ground, sent a referral or that read her data,
        // her lead agency, and those her consents name or were withdrawn from.
        Set<UUID> inReport = new HashSet<>(grounds.keySet());
        inReport.addAll(receivers);
        readings.forEach(r -> inReport.add(r.agency()));
        inReport.remove(caseRef.leadAgencyId());
        Set<UUID> named = new HashSet<>(inReport);
        named.add(caseRef.leadAgencyId());
        given.forEach(c -> {
            named.addAll(c.recipientAgencyIds());
            if (c.withdrawnFrom() != null) {
                named.addAll(c.withdrawnFrom());
            }
        });
        Map<UUID, Agencies.Facts> facts = agencies.findAll(named);
        consentGrounds(inReport, facts, given, grounds, withdrawals, now);

        Map<UUID, Set<DataCategory>> holdsNow = new HashMap<>();
        // One query per agency with a live referral of her case: a handful at most.
        live.forEach(agency -> holdsNow.put(agency, caseAccess.consentedTo(caseId, agency)));
        List<DataHolders.Holder> holders = DataHolders.of(caseRef.leadAgencyId(), grounds, readings, holdsNow);

        audit.record(
                AuditAction.READ,
                Subject.of("data-report", caseId, caseId),
                EnumSet.allOf(DataCategory.class),
                "her data report produced (" + language + ")");
        return new DataReport(
                caseId,
                name,
                language,
                now,
                access.caller().username(),
                caseRef.leadAgencyId(),
                holders.stream()
                        .map(h -> new HolderView(
                                h.agency(),
                                nameOf(facts, h.agency()),
                                facts.containsKey(h.agency())
                                        ? facts.get(h.agency()).kind()
                                        : null,
                                h.grounds().stream()
                                        .map(g -> new GroundView(g.basis(), g.since(), g.until(), g.consentId()))
                                        .toList(),
                                h.holdsNow(),
                                h.categoriesRead(),
                                h.reads(),
                                h.lastReadAt()))
                        .toList(),
                given.stream()
                        .map(c -> new ConsentEntry(
                                c.id(),
                                c.method(),
                                c.givenAt(),
                                c.expiresAt(),
                                c.withdrawnAt(),
                                c.categories(),
                                c.recipientAgencyIds().stream()
                                        .map(id -> nameOf(facts, id))
                                        .sorted()
                                        .toList(),
                                c.recipientKinds(),
                                c.withdrawnFrom() == null
                                        ? List.of()
                                        : c.withdrawnFrom().stream()
                                                .map(id -> nameOf(facts, id))
                                                .sorted()
                                                .toList()))
                        .toList(),
                coordinatorReads,
                coordinatorLast);
    }

    private static String nameOf(Map<UUID, Agencies.Facts> facts, UUID agency) {
        return facts.containsKey(agency) ? facts.get(agency).name() : Objects.toString(agency);
    }

    /**
     * Her consents are the grounds of consent: each agency in her report (one her case has sent a referral to, that
     * read her data or has another ground) gets one for every consent that covers it (by id or by its kind), from
     * when she gave it to when it ended for that agency. So a consent she gave after a referral was sent counts, and
     * one that stands is not ended by a referral that was declined or completed.
     */
    private static void consentGrounds(
            Set<UUID> inReport,
            Map<UUID, Agencies.Facts> facts,
            List<ConsentView> given,
            Map<UUID, List<Ground>> grounds,
            Map<UUID, List<Instant>> withdrawals,
            Instant now) {
        if (inReport.isEmpty() || given.isEmpty()) {
            return;
        }
        List<DataHolders.ConsentTerms> terms = given.stream()
                .map(c -> new DataHolders.ConsentTerms(
                        c.id(),
                        c.recipientAgencyIds(),
                        c.recipientKinds(),
                        c.givenAt(),
                        c.withdrawnAt() != null
                                ? c.withdrawnAt()
                                : c.expiresAt() != null && !c.expiresAt().isAfter(now) ? c.expiresAt() : null,
                        c.withdrawnFrom() == null ? Set.of() : c.withdrawnFrom()))
                .toList();
        for (UUID agency : inReport) {
            List<Ground> its = DataHolders.consentGrounds(
                    agency,
                    facts.containsKey(agency) ? facts.get(agency).kind() : null,
                    terms,
                    withdrawals.getOrDefault(agency, List.of()));
            if (!its.isEmpty()) {
                grounds.computeIfAbsent(agency, a -> new ArrayList<>()).addAll(its);
            }
        }
    }
}
