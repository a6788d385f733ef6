package kz.qorgau.conference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.audit.AuditAction;
import kz.qorgau.audit.AuditTrail;
import kz.qorgau.audit.AuditTrail.Subject;
import kz.qorgau.caseaccess.CaseAccess;
import kz.qorgau.casefile.CaseDtos.RiskSummary;
import kz.qorgau.casefile.CaseIncidents;
import kz.qorgau.casefile.CaseRef;
import kz.qorgau.casefile.CaseService;
import kz.qorgau.casefile.IncidentsLinked;
import kz.qorgau.casefile.LatestRisk;
import kz.qorgau.common.Keyset;
import kz.qorgau.common.Page;
import kz.qorgau.common.ProblemException;
import kz.qorgau.common.TimeAndIds.IdGenerator;
import kz.qorgau.conference.ConferenceDtos.ConferenceCaseView;
import kz.qorgau.conference.ConferenceDtos.Decision;
import kz.qorgau.conference.ConferenceDtos.NewProposal;
import kz.qorgau.conference.ConferenceDtos.Verdict;
import kz.qorgau.notification.Outbox;
import kz.qorgau.risk.RiskAssessed;
import kz.qorgau.security.AccessPolicy;
import kz.qorgau.security.Capability;
import kz.qorgau.security.TenantsConfig;

/**
 * How a case gets onto a conference's agenda: proposed by the network's criteria as its assessments and incidents
 * come in, or by an agency on the case with a reason; the chair lists it on a meeting or declines it, with a
 * reason, and the case's lead agency hears either way. A case goes before the series its lead agency sits in.
 */
@ApplicationScoped
public class ConferenceAgenda {

    static final String PROPOSED = "conference.case-proposed";
    static final String LISTED = "conference.case-listed";
    static final String DECLINED = "conference.case-declined";
    static final String REPEAT = "conference.repeat";

    private static final String CRITERIA = "system:conference-criteria";

    @Inject
    EntityManager em;

    @Inject
    AccessPolicy access;

    @Inject
    TenantsConfig tenants;

    @Inject
    ConferenceSeriesService series;

    @Inject
    CaseService cases;

    @Inject
    CaseAccess caseAccess;

    @Inject
    CaseIncidents incidents;

    @Inject
    LatestRisk latestRisk;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    @Inject
    IdGenerator ids;

    @Inject
    Clock clock;

    /** A new assessment at or above the network's threshold proposes the case. */
    void onAssessment(@Observes RiskAssessed assessed) {
        ConferenceRules.byAssessment(criteria(), assessed.score(), assessed.scoredLevel(), assessed.level())
                .ifPresent(criterion -> propose(assessed.caseId(), assessed.leadAgencyId(), criterion, false));
    }

    /**
     * New incidents linked to a case: a repeat if one of them happened within the window after a hearing of it (the
     * chair is told), or else an escalation if enough of its incidents fall within the escalation window.
     */
    void onIncidents(@Observes IncidentsLinked linked) {
        ConferenceRules.Criteria criteria = criteria();
        List<CaseIncidents.Facts> all = incidents.of(linked.caseId());
        List<Instant> linkedNow = all.stream()
                .filter(incident -> linked.incidentIds().contains(incident.incidentId()))
                .map(CaseIncidents.Facts::occurredAt)
                .toList();
        if (ConferenceRules.repeat(criteria, lastHeard(linked.caseId()), linkedNow)) {
            propose(linked.caseId(), linked.leadAgencyId(), Criterion.REPEAT, true);
            return;
        }
        List<Instant> times = all.stream().map(CaseIncidents.Facts::occurredAt).toList();
        if (ConferenceRules.escalated(criteria, times, linked.at())) {
            propose(linked.caseId(), linked.leadAgencyId(), Criterion.ESCALATION, false);
        }
    }

    /** An agency on the case asks a series it sits in to hear her case. */
    @Transactional
    public ConferenceCaseView proposeByAgency(UUID caseId, NewProposal request) {
        access.require(Capability.HEAR_CONFERENCE_CASES);
        CaseRef caseRef = cases.workable(caseId);
        UUID agency = access.caller().agencyId().orElseThrow();
        ConferenceSeriesService.Seated seated = series.visible(request.seriesId(), LockModeType.NONE);
        // A case goes before a series its lead agency sits in: no other agency takes her case to a table the lead
        // agency is not at, where its members would see her summary on the high-risk basis.
        if (!seated.members().contains(caseRef.leadAgencyId())) {
            throw new ProblemException.InvalidInput(
                    "seriesId", "names a series the case's lead agency does not sit in");
        }
        Optional<ConferenceCase> waiting = waiting(request.seriesId(), caseRef.id());
        if (waiting.isPresent()) {
            throw new ProblemException.Conflict(
                    "already-proposed",
                    "Case " + caseId + " already waits before series " + request.seriesId(),
                    Map.of("conferenceCaseId", waiting.get().id));
        }
        ConferenceCase proposal = newProposal(
                request.seriesId(), caseRef, Criterion.AGENCY, request.reason().strip(), agency);
        return view(proposal, true);
    }

    /** The chair's queue: the cases before its series, in a status, oldest first. */
    @Transactional
    public Page<ConferenceCaseView> ofSeries(UUID seriesId, ConferenceCase.Status status, String cursor, int limit) {
        access.require(Capability.RUN_CONFERENCES);
        ConferenceSeriesService.Seated seated = series.visible(seriesId, LockModeType.NONE);
        series.requireChair(seated.series());
        Optional<Keyset> after = Optional.ofNullable(cursor).map(Keyset::fromCursor);
        var query = em.createQuery(
                        "from ConferenceCase c where c.seriesId = :series and c.status = :status"
                                + (after.isPresent() ? " and (c.proposedAt, c.id) > (:afterTime, :afterId)" : "")
                                + " order by c.proposedAt, c.id",
                        ConferenceCase.class)
                .setParameter("series", seriesId)
                .setParameter("status", status)
                .setMaxResults(limit + 1);
        after.ifPresent(k -> query.setParameter("afterTime", k.updatedAt()).setParameter("afterId", k.id()));
        audit.record(AuditAction.LIST, Subject.of("conference-cases", seriesId, null), Set.of(), status.name());
        return Keyset.page(query.getResultList(), limit, c -> new Keyset(c.proposedAt, c.id), c -> view(c, true));
    }

    /** The chair lists a proposed case on a meeting not yet held, or declines it; both with a reason. */
    @Transactional
    public ConferenceCaseView decide(UUID conferenceCaseId, Decision decision) {
        access.require(Capability.RUN_CONFERENCES);
        ConferenceCase proposal = Optional.ofNullable(
                        em.find(ConferenceCase.class, conferenceCaseId, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> new ProblemException.NotFound("Conference case " + conferenceCaseId));
        ConferenceSeriesService.Seated seated;
        try {
            seated = series.visible(proposal.seriesId, LockModeType.NONE);
        } catch (ProblemException.NotFound hidden) {
            throw new ProblemException.NotFound("Conference case " + conferenceCaseId);
        }
        series.requireChair(seated.series());
        if (proposal.status != ConferenceCase.Status.PROPOSED) {
            throw new ProblemException.Conflict(
                    "already-decided",
                    "Conference case " + conferenceCaseId + " was already " + proposal.status,
                    Map.of("conferenceCaseStatus", proposal.status));
        }
        CaseRef caseRef = cases.of(proposal.caseId);
        Instant now = clock.instant();
        if (decision.verdict() == Verdict.LIST
                && !ConferenceRules.mayList(latestRisk.of(caseRef.id()).map(RiskSummary::level), criteria())) {
            // The level is not named: the chair has no basis to read it before the case is listed.
            throw new ProblemException.Conflict(
                    "not-high-risk",
                    "Case " + caseRef.id() + " has no recorded risk assessment at the network's conference level ("
                            + criteria().judgementLevel() + " or above): its members would see its summary without"
                            + " her consent on a high risk nobody found. Have her risk assessed (a professional"
                            + " judgement may raise it) before listing it",
                    Map.of());
        }
        if (decision.verdict() == Verdict.LIST) {
            if (decision.meetingId() == null) {
                throw new ProblemException.InvalidInput("meetingId", "names the meeting to list the case on");
            }
            // Locked: a listing and the meeting's attendance (which holds it) happen one after the other.
            ConferenceMeeting meeting = Optional.ofNullable(
                            em.find(ConferenceMeeting.class, decision.meetingId(), LockModeType.PESSIMISTIC_WRITE))
                    .filter(m -> m.seriesId.equals(proposal.seriesId))
                    .orElseThrow(
                            () -> new ProblemException.InvalidInput("meetingId", "names no meeting of this series"));
            if (meeting.held()) {
                throw new ProblemException.Conflict(
                        "meeting-held", "Meeting " + meeting.id + " was held; list the case on a later one", Map.of());
            }
            proposal.status = ConferenceCase.Status.LISTED;
            proposal.meetingId = meeting.id;
        } else {
            proposal.status = ConferenceCase.Status.DECLINED;
        }
        proposal.decidedAt = now;
        proposal.decidedBy = access.caller().username();
        proposal.decisionReason = decision.reason().strip();
        em.flush();
        audit.record(
                AuditAction.UPDATE,
                Subject.of("conference-case", proposal.id, proposal.caseId),
                Set.of(),
                proposal.status.name());
        if (proposal.status == ConferenceCase.Status.LISTED) {
            traceHighRiskBasis(proposal, caseRef, seated.members());
        }
        Map<String, Object> payload = payload(proposal);
        payload.put("meetingId", proposal.meetingId);
        outbox.append(
                "conference",
                proposal.id,
                proposal.status == ConferenceCase.Status.LISTED ? LISTED : DECLINED,
                new LinkedHashSet<>(List.of(caseRef.leadAgencyId(), seated.series().chairAgencyId)),
                payload);
        return view(proposal, true);
    }

    /**
     * Each member that will see the case without her consent, on its high risk alone, leaves a trace for the
     * auditor when the case is listed; each summary read leaves another.
     */
    private void traceHighRiskBasis(ConferenceCase listed, CaseRef caseRef, Set<UUID> members) {
        for (UUID member : members) {
            ConferenceRules.ConferenceBasis basis = ConferenceRules.basis(
                    member.equals(caseRef.leadAgencyId()), caseAccess.consentedTo(caseRef.id(), member));
            if (basis == ConferenceRules.ConferenceBasis.HIGH_RISK) {
                audit.record(
                        AuditAction.HIGH_RISK_BASIS,
                        Subject.of("conference-case", listed.id, caseRef.id()),
                        Set.of(),
                        "agency " + member + " sees the minimal summary without consent");
            }
        }
    }

    /**
     * A criterion met: the case goes before its lead agency's series, unless it already waits there. This runs inside
     * the assessment's or the incident's own transaction, so it must never fail it: a proposal made at the same moment
     * by another request wins, and this one proposes nothing.
     */
    private void propose(UUID caseId, UUID leadAgency, Criterion criterion, boolean repeat) {
        List<UUID> seated = series.seriesOf(leadAgency);
        if (seated.isEmpty()) {
            return;
        }
        UUID seriesId = seated.get(0);
        Optional<ConferenceCase> waiting = waiting(seriesId, caseId);
        if (waiting.isPresent()) {
            if (repeat) {
                waiting.get().repeat = true;
                tellChairOfRepeat(waiting.get());
            }
            return;
        }
        CaseRef caseRef = cases.of(caseId);
        UUID id = ids.newId();
        Instant now = clock.instant();
        int inserted = em.createNativeQuery("""
                        insert into conference_case (id, tenant_id, series_id, case_id, criterion, repeat, proposed_by,
                                                     proposed_at, status)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'PROPOSED')
                        on conflict (series_id, case_id) where status = 'PROPOSED' do nothing""")
                .setParameter(1, id)
                .setParameter(2, caseRef.tenantId())
                .setParameter(3, seriesId)
                .setParameter(4, caseId)
                .setParameter(5, criterion.name())
                .setParameter(6, repeat)
                .setParameter(7, CRITERIA)
                .setParameter(8, java.sql.Timestamp.from(now))
                .executeUpdate();
        if (inserted == 0) {
            return;
        }
        ConferenceCase proposal = em.find(ConferenceCase.class, id);
        proposed(proposal, caseRef);
        if (repeat) {
            tellChairOfRepeat(proposal);
        }
    }

    private ConferenceCase newProposal(
            UUID seriesId, CaseRef caseRef, Criterion criterion, String reason, UUID agency) {
        ConferenceCase proposal = new ConferenceCase();
        proposal.id = ids.newId();
        proposal.seriesId = seriesId;
        proposal.caseId = caseRef.id();
        proposal.criterion = criterion;
        proposal.reason = reason;
        proposal.proposedByAgency = agency;
        proposal.proposedBy = access.caller().username();
        proposal.proposedAt = clock.instant();
        proposal.status = ConferenceCase.Status.PROPOSED;
        em.persist(proposal);
        em.flush();
        proposed(proposal, caseRef);
        return proposal;
    }

    /** The trace and the chair's (and a proposing agency's) event of a new proposal. */
    private void proposed(ConferenceCase proposal, CaseRef caseRef) {
        Subject subject = Subject.of("conference-case", proposal.id, caseRef.id());
        if (proposal.proposedByAgency == null) {
            audit.recordForSystem(
                    caseRef.tenantId(),
                    "conference-criteria",
                    AuditAction.CREATE,
                    subject,
                    Set.of(),
                    proposal.criterion.name());
        } else {
            audit.record(AuditAction.CREATE, subject, Set.of(), proposal.criterion.name());
        }
        UUID chair = em.find(ConferenceSeries.class, proposal.seriesId).chairAgencyId;
        Set<UUID> audience = new LinkedHashSet<>();
        audience.add(chair);
        if (proposal.proposedByAgency != null) {
            audience.add(proposal.proposedByAgency);
        }
        outbox.append("conference", proposal.id, PROPOSED, audience, payload(proposal));
    }

    private void tellChairOfRepeat(ConferenceCase proposal) {
        UUID chair = em.find(ConferenceSeries.class, proposal.seriesId).chairAgencyId;
        outbox.append("conference", proposal.id, REPEAT, Set.of(chair), payload(proposal));
    }

    /** The case waits before the series: proposed, or listed on a meeting not yet held. */
    private Optional<ConferenceCase> waiting(UUID seriesId, UUID caseId) {
        return em.createQuery(
                        "select c from ConferenceCase c where c.seriesId = :series and c.caseId = :case and (c.status"
                                + " = 'PROPOSED' or c.status = 'LISTED' and exists (select 1 from ConferenceMeeting m"
                                + " where m.id = c.meetingId and m.heldAt is null)) order by c.proposedAt desc",
                        ConferenceCase.class)
                .setParameter("series", seriesId)
                .setParameter("case", caseId)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /** When a conference last heard the case: the latest held meeting it was listed on. */
    Optional<Instant> lastHeard(UUID caseId) {
        return Optional.ofNullable(em.createQuery(
                        "select max(m.heldAt) from ConferenceCase c, ConferenceMeeting m where m.id = c.meetingId"
                                + " and c.caseId = :case and c.status = 'LISTED'",
                        Instant.class)
                .setParameter("case", caseId)
                .getSingleResult());
    }

    ConferenceRules.Criteria criteria() {
        TenantsConfig.Conferences settings =
                tenants.all().get(access.caller().tenantId()).conferences();
        return new ConferenceRules.Criteria(
                settings.riskScore(),
                settings.judgementLevel(),
                settings.escalationIncidents(),
                settings.escalationWindow(),
                settings.repeatWindow());
    }

    private static Map<String, Object> payload(ConferenceCase proposal) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("conferenceCaseId", proposal.id);
        payload.put("seriesId", proposal.seriesId);
        payload.put("caseId", proposal.caseId);
        payload.put("criterion", proposal.criterion);
        payload.put("repeat", proposal.repeat);
        payload.put("status", proposal.status);
        return payload;
    }

    /** @param withText whether the reader may read the reasons (the chair, members once listed, the lead) */
    static ConferenceCaseView view(ConferenceCase c, boolean withText) {
        return new ConferenceCaseView(
                c.id,
                c.seriesId,
                c.caseId,
                c.criterion,
                c.repeat,
                c.status,
                c.meetingId,
                c.proposedByAgency,
                c.proposedAt,
                withText ? c.reason : null,
                c.decidedAt,
                withText ? c.decisionReason : null,
                withText ? c.risks : null,
                withText ? c.minutes : null);
    }
}
