package kz.qorgau.conference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.audit.AuditAction;
import kz.qorgau.audit.AuditTrail;
import kz.qorgau.audit.AuditTrail.Subject;
import kz.qorgau.caseaccess.CaseAccess;
import kz.qorgau.caseaccess.CaseParties;
import kz.qorgau.caseaccess.SharingRules;
import kz.qorgau.caseaccess.SharingRules.Sharing;
import kz.qorgau.casefile.CaseAnonymised;
import kz.qorgau.casefile.CaseDisclosure;
import kz.qorgau.casefile.CaseIncidents;
import kz.qorgau.casefile.CaseRef;
import kz.qorgau.casefile.CaseService;
import kz.qorgau.casefile.LatestRisk;
import kz.qorgau.common.ProblemException;
import kz.qorgau.common.TimeAndIds.IdGenerator;
import kz.qorgau.conference.ConferenceDtos.ActionView;
import kz.qorgau.conference.ConferenceDtos.Completion;
import kz.qorgau.conference.ConferenceDtos.ConferenceCaseView;
import kz.qorgau.conference.ConferenceDtos.Minutes;
import kz.qorgau.conference.ConferenceDtos.NewAction;
import kz.qorgau.conference.ConferenceDtos.OrderFacts;
import kz.qorgau.conference.ConferenceDtos.Research;
import kz.qorgau.conference.ConferenceDtos.ResearchView;
import kz.qorgau.conference.ConferenceDtos.SummaryView;
import kz.qorgau.consent.DataCategory;
import kz.qorgau.notification.Outbox;
import kz.qorgau.protectiveorder.CaseOrders;
import kz.qorgau.referral.ReferralService;
import kz.qorgau.security.AccessPolicy;
import kz.qorgau.security.Capability;

/**
 * A case a conference hears: its summary for each member (on the basis that member stands on), the members'
 * research, the meeting's risks and minutes, and its action plan. A listed case is its series' members' to see; its
 * minutes and plan are also its lead agency's; anyone else hears 404, as for one that does not exist.
 */
@ApplicationScoped
public class ConferenceHearing {

    static final String ASSIGNED = "action.assigned";
    static final String DONE = "action.done";

    @Inject
    EntityManager em;

    @Inject
    AccessPolicy access;

    @Inject
    ConferenceSeriesService series;

    @Inject
    CaseService cases;

    @Inject
    CaseAccess caseAccess;

    @Inject
    CaseParties parties;

    @Inject
    CaseDisclosure disclosure;

    @Inject
    CaseIncidents incidents;

    @Inject
    CaseOrders orders;

    @Inject
    LatestRisk latestRisk;

    @Inject
    ReferralService referrals;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    @Inject
    IdGenerator ids;

    @Inject
    Clock clock;

    /** How the caller's agency stands to a case before a series. */
    private record Standing(
            ConferenceCase item,
            ConferenceSeries series,
            CaseRef caseRef,
            boolean member,
            boolean chair,
            boolean lead) {}

    /** The case before the series as the caller may see it: the chair, the lead and the proposer always, members once listed. */
    @Transactional
    public ConferenceCaseView get(UUID id) {
        access.require(Capability.HEAR_CONFERENCE_CASES);
        Standing standing = standing(id, LockModeType.NONE);
        boolean proposer =
                standing.item().proposedByAgency != null && access.caller().belongsTo(standing.item().proposedByAgency);
        boolean listedMember = standing.member() && standing.item().status == ConferenceCase.Status.LISTED;
        if (!standing.chair() && !standing.lead() && !proposer && !listedMember) {
            throw notFound(id);
        }
        audit.record(
                AuditAction.READ,
                Subject.of("conference-case", id, standing.caseRef().id()),
                Set.of());
        return ConferenceAgenda.view(standing.item(), true);
    }

    /**
     * What a member sees of a listed case: the minimal summary its high risk allows every member (risk, children,
     * orders, incidents, agencies), and her data as far as a consent of hers covers the member. Every read is
     * audited with its basis; a read without consent also as a high-risk exception.
     */
    @Transactional
    public SummaryView summary(UUID id) {
        access.require(Capability.HEAR_CONFERENCE_CASES);
        Standing standing = listedForMember(id);
        CaseRef caseRef = standing.caseRef();
        UUID agency = access.caller().agencyId().orElseThrow();
        Sharing sharing = caseAccess.ofConferenceMember(caseRef.id(), caseRef.leadAgencyId(), agency);
        ConferenceRules.ConferenceBasis basis =
                ConferenceRules.basis(sharing.basis() == SharingRules.SharingBasis.LEAD_AGENCY, sharing.categories());
        var risk = latestRisk.of(caseRef.id());
        List<CaseIncidents.Facts> linked = incidents.of(caseRef.id());
        // His name says who she is as often as hers does: it is her INCIDENT_DETAILS, not the minimal summary.
        boolean hisName = sharing.categories().contains(DataCategory.INCIDENT_DETAILS);
        List<OrderFacts> orderFacts = orders.of(caseRef.id()).stream()
                .map(o -> new OrderFacts(
                        o.kind().name(),
                        o.issuedOn(),
                        o.expiresOn(),
                        o.revokedAt() != null,
                        hisName ? o.restrainedPerson() : null))
                .toList();
        Set<DataCategory> shown = EnumSet.of(DataCategory.RISK);
        shown.addAll(sharing.categories());
        audit.record(
                AuditAction.READ, Subject.of("conference-case", id, caseRef.id()), shown, "summary, basis " + basis);
        if (basis == ConferenceRules.ConferenceBasis.HIGH_RISK) {
            audit.record(
                    AuditAction.HIGH_RISK_BASIS,
                    Subject.of("conference-case", id, caseRef.id()),
                    Set.of(DataCategory.RISK),
                    "agency " + agency + " read the minimal summary without consent");
        }
        return new SummaryView(
                id,
                caseRef.id(),
                basis,
                sharing.categories(),
                caseRef.riskLevel(),
                risk.map(r -> r.score()).orElse(null),
                linked.stream().anyMatch(CaseIncidents.Facts::childrenPresent),
                linked.size(),
                linked.stream().map(CaseIncidents.Facts::occurredAt).toList(),
                orderFacts,
                parties.of(caseRef.id(), caseRef.leadAgencyId()).stream()
                        .sorted()
                        .toList(),
                basis == ConferenceRules.ConferenceBasis.HIGH_RISK
                        ? null
                        : disclosure.sharedData(caseRef.id(), null, sharing));
    }

    /** A member records (or replaces) what its agency knows, until the meeting is held. */
    @Transactional
    public ResearchView recordResearch(UUID id, Research research) {
        access.require(Capability.HEAR_CONFERENCE_CASES);
        Standing standing = listedForMember(id, LockModeType.PESSIMISTIC_WRITE);
        // Shared: the attendance that holds the meeting waits for research under way, and research after it is refused.
        if (em.find(ConferenceMeeting.class, standing.item().meetingId, LockModeType.PESSIMISTIC_READ)
                .held()) {
            throw new ProblemException.Conflict(
                    "meeting-held", "The meeting that heard this case was held; research is for before it", Map.of());
        }
        if (blankToNull(research.survivor()) == null
                && blankToNull(research.children()) == null
                && blankToNull(research.perpetrator()) == null) {
            throw new ProblemException.InvalidInput(
                    "research", "give what the agency knows of the survivor, the children or the perpetrator");
        }
        UUID agency = access.caller().agencyId().orElseThrow();
        // The conference case is locked above, so two recordings of one agency's research replace each other.
        ConferenceResearch record = em.createQuery(
                        "from ConferenceResearch where conferenceCaseId = :id and agencyId = :agency",
                        ConferenceResearch.class)
                .setParameter("id", id)
                .setParameter("agency", agency)
                .getResultStream()
                .findFirst()
                .orElse(null);
        boolean created = record == null;
        if (created) {
            record = new ConferenceResearch();
            record.id = ids.newId();
            record.conferenceCaseId = id;
            record.agencyId = agency;
        }
        record.survivor = blankToNull(research.survivor());
        record.children = blankToNull(research.children());
        record.perpetrator = blankToNull(research.perpetrator());
        record.recordedBy = access.caller().username();
        record.recordedAt = clock.instant();
        if (created) {
            em.persist(record);
        }
        audit.record(
                created ? AuditAction.CREATE : AuditAction.UPDATE,
                Subject.of("conference-research", id, standing.caseRef().id()),
                Set.of(DataCategory.IDENTITY));
        return view(record);
    }

    @Transactional
    public List<ResearchView> research(UUID id) {
        access.require(Capability.HEAR_CONFERENCE_CASES);
        Standing standing = listedForMember(id);
        List<ResearchView> all = em.createQuery(
                        "from ConferenceResearch where conferenceCaseId = :id order by recordedAt, agencyId",
                        ConferenceResearch.class)
                .setParameter("id", id)
                .getResultStream()
                .map(ConferenceHearing::view)
                .toList();
        audit.record(
                AuditAction.READ,
                Subject.of("conference-research", id, standing.caseRef().id()),
                all.isEmpty() ? Set.of() : Set.of(DataCategory.IDENTITY),
                all.size() + " agencies' research");
        return all;
    }

    /** The chair records the risks the meeting identified and its minutes of the case. */
    @Transactional
    public ConferenceCaseView recordMinutes(UUID id, Minutes minutes) {
        access.require(Capability.RUN_CONFERENCES);
        Standing standing = listedForChair(id);
        requireHeardAndOpen(standing);
        if (blankToNull(minutes.risks()) == null && blankToNull(minutes.minutes()) == null) {
            throw new ProblemException.InvalidInput("minutes", "give the risks identified, the minutes, or both");
        }
        // A part left out keeps what was recorded: two of the chair's staff may write one part each.
        Optional.ofNullable(blankToNull(minutes.risks())).ifPresent(risks -> standing.item().risks = risks);
        Optional.ofNullable(blankToNull(minutes.minutes())).ifPresent(text -> standing.item().minutes = text);
        em.flush();
        audit.record(
                AuditAction.UPDATE,
                Subject.of("conference-case", id, standing.caseRef().id()),
                Set.of(),
                "minutes");
        return ConferenceAgenda.view(standing.item(), true);
    }

    /**
     * The chair records one action of the plan, owned by a member (or the lead agency) and due at a later time. An
     * action that is a referral makes it at once, as a DRAFT of its owner, which must work the case.
     */
    @Transactional
    public ActionView addAction(UUID id, NewAction request) {
        access.require(Capability.RUN_CONFERENCES);
        Standing standing = listedForChair(id);
        requireHeardAndOpen(standing);
        CaseRef caseRef = standing.caseRef();
        UUID owner = request.ownerAgencyId();
        Optional<Instant> held =
                Optional.ofNullable(em.find(ConferenceMeeting.class, standing.item().meetingId).heldAt);
        // An agency seated after the meeting took no part in it, and could neither see nor complete the action.
        boolean tookPart = ConferenceRules.tookPart(series.seatedSince(standing.series().id, owner), held);
        if (!tookPart && !owner.equals(caseRef.leadAgencyId())) {
            throw new ProblemException.InvalidInput(
                    "ownerAgencyId",
                    "names no agency that sat in the series when the meeting was held, nor the case's lead agency");
        }
        Instant now = clock.instant();
        if (!request.dueAt().isAfter(now) || request.dueAt().isAfter(now.plus(ConferenceSeriesService.FARTHEST))) {
            throw new ProblemException.InvalidInput("dueAt", "must be later than now, and within two years");
        }
        ConferenceAction action = new ConferenceAction();
        action.id = ids.newId();
        action.conferenceCaseId = id;
        action.seriesId = standing.series().id;
        action.caseId = caseRef.id();
        action.ownerAgencyId = owner;
        action.description = request.description().strip();
        action.dueAt = request.dueAt();
        action.createdBy = access.caller().username();
        action.createdAt = now;
        if (request.referral() != null) {
            if (!caseAccess.isOnCase(caseRef.id(), caseRef.leadAgencyId(), owner)) {
                throw new ProblemException.Conflict(
                        "owner-not-on-case",
                        "Agency " + owner + " does not work case " + caseRef.id()
                                + ": an action that is a referral is owned by its lead agency or an agency that"
                                + " accepted a referral of it",
                        Map.of());
            }
            action.referralId = referrals.draftForConference(
                    caseRef.id(),
                    owner,
                    request.referral().receiverAgencyId(),
                    request.referral().servicesRequested(),
                    // The plan's words are the members'; what the receiver reads of her is her consent's to decide.
                    null);
        }
        em.persist(action);
        em.flush();
        audit.record(
                AuditAction.CREATE,
                Subject.of("conference-action", action.id, caseRef.id()),
                Set.of(),
                action.referralId == null ? "action" : "action, referral " + action.referralId);
        outbox.append("action", action.id, ASSIGNED, audienceOf(action), payload(action));
        return view(action, true);
    }

    @Transactional
    public List<ActionView> actions(UUID id) {
        access.require(Capability.HEAR_CONFERENCE_CASES);
        Standing standing = standing(id, LockModeType.NONE);
        boolean seen = standing.item().status == ConferenceCase.Status.LISTED && (standing.member() || standing.lead());
        if (!seen) {
            throw notFound(id);
        }
        audit.record(
                AuditAction.LIST,
                Subject.of("conference-actions", id, standing.caseRef().id()),
                Set.of());
        return em.createQuery(
                        "from ConferenceAction where conferenceCaseId = :id order by createdAt, id",
                        ConferenceAction.class)
                .setParameter("id", id)
                .setMaxResults(200)
                .getResultStream()
                .map(a -> view(a, true))
                .toList();
    }

    /** The owning agency marks its action done, with a note; once. */
    @Transactional
    public ActionView complete(UUID actionId, Completion completion) {
        access.require(Capability.COMPLETE_CONFERENCE_ACTIONS);
        ConferenceAction action = Optional.ofNullable(
                        em.find(ConferenceAction.class, actionId, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> new ProblemException.NotFound("Conference action " + actionId));
        Standing standing = standing(action.conferenceCaseId, LockModeType.NONE);
        // An owner that has left the series (and does not lead the case) no longer sees the action.
        boolean owner = access.caller().belongsTo(action.ownerAgencyId) && (standing.member() || standing.lead());
        if (!owner) {
            if (standing.member() || standing.lead()) {
                throw new ProblemException.Forbidden("Only the agency that owns an action marks it done");
            }
            throw new ProblemException.NotFound("Conference action " + actionId);
        }
        if (action.done()) {
            throw new ProblemException.Conflict(
                    "action-done", "Action " + actionId + " was done at " + action.doneAt, Map.of());
        }
        action.doneAt = clock.instant();
        action.doneBy = access.caller().username();
        action.doneNote = completion.note().strip();
        em.flush();
        audit.record(AuditAction.UPDATE, Subject.of("conference-action", action.id, action.caseId), Set.of(), "done");
        outbox.append("action", action.id, DONE, audienceOf(action), payload(action));
        return view(action, true);
    }

    /** Retention: a case that is anonymised loses what conferences wrote of her, in the same transaction. */
    void forgetWithCase(@Observes CaseAnonymised anonymised) {
        em.createQuery("update ConferenceCase set reason = null, decisionReason = null, risks = null, minutes = null"
                        + " where caseId = :case")
                .setParameter("case", anonymised.caseId())
                .executeUpdate();
        em.createQuery("update ConferenceAction set description = null, doneNote = null where caseId = :case")
                .setParameter("case", anonymised.caseId())
                .executeUpdate();
        em.createQuery("delete from ConferenceResearch r where r.conferenceCaseId in"
                        + " (select c.id from ConferenceCase c where c.caseId = :case)")
                .setParameter("case", anonymised.caseId())
                .executeUpdate();
    }

    private Standing standing(UUID id, LockModeType lock) {
        ConferenceCase item =
                Optional.ofNullable(em.find(ConferenceCase.class, id, lock)).orElseThrow(() -> notFound(id));
        ConferenceSeries owning = em.find(ConferenceSeries.class, item.seriesId);
        CaseRef caseRef = cases.of(item.caseId);
        Optional<UUID> agency = access.caller().agencyId();
        Optional<Instant> held = Optional.ofNullable(item.meetingId)
                .map(meeting -> em.find(ConferenceMeeting.class, meeting))
                .map(meeting -> meeting.heldAt);
        boolean member = agency.map(a -> ConferenceRules.tookPart(series.seatedSince(item.seriesId, a), held))
                .orElse(false);
        return new Standing(
                item,
                owning,
                caseRef,
                member,
                ConferenceRules.runsMeetings(access.caller(), owning.chairAgencyId),
                agency.map(caseRef.leadAgencyId()::equals).orElse(false));
    }

    private Standing listedForMember(UUID id) {
        return listedForMember(id, LockModeType.NONE);
    }

    private Standing listedForMember(UUID id, LockModeType lock) {
        Standing standing = standing(id, lock);
        if (!standing.member() || standing.item().status != ConferenceCase.Status.LISTED) {
            throw notFound(id);
        }
        return standing;
    }

    private Standing listedForChair(UUID id) {
        Standing standing = standing(id, LockModeType.PESSIMISTIC_WRITE);
        if (!standing.member()) {
            throw notFound(id);
        }
        if (!standing.chair()) {
            throw new ProblemException.Forbidden("The chair agency's staff record a meeting's minutes and plan");
        }
        if (standing.item().status != ConferenceCase.Status.LISTED) {
            throw new ProblemException.Conflict(
                    "not-listed",
                    "Conference case " + id + " is " + standing.item().status + ": only a listed case has a plan",
                    Map.of("conferenceCaseStatus", standing.item().status));
        }
        return standing;
    }

    /** The plan and minutes are the meeting's: recorded once it sat, and not on a case closed since. */
    private void requireHeardAndOpen(Standing standing) {
        if (!em.find(ConferenceMeeting.class, standing.item().meetingId).held()) {
            throw new ProblemException.Conflict(
                    "meeting-not-held",
                    "The meeting that hears this case has not sat: record its attendance first",
                    Map.of());
        }
        if (!standing.caseRef().open()) {
            throw new ProblemException.Conflict(
                    "case-closed", "Case " + standing.caseRef().id() + " is closed", Map.of());
        }
    }

    private Set<UUID> audienceOf(ConferenceAction action) {
        UUID chair = em.find(ConferenceSeries.class, action.seriesId).chairAgencyId;
        return chair.equals(action.ownerAgencyId) ? Set.of(chair) : Set.of(chair, action.ownerAgencyId);
    }

    static Map<String, Object> payload(ConferenceAction action) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("actionId", action.id);
        payload.put("conferenceCaseId", action.conferenceCaseId);
        payload.put("caseId", action.caseId);
        payload.put("ownerAgencyId", action.ownerAgencyId);
        payload.put("dueAt", action.dueAt);
        payload.put("referralId", action.referralId);
        payload.put("doneAt", action.doneAt);
        return payload;
    }

    /** @param withText false for coordinators, who see no case content */
    static ActionView view(ConferenceAction a, boolean withText) {
        return new ActionView(
                a.id,
                a.conferenceCaseId,
                a.caseId,
                a.ownerAgencyId,
                withText ? a.description : null,
                a.dueAt,
                a.referralId,
                a.doneAt,
                a.doneBy,
                withText ? a.doneNote : null,
                a.overdueAt);
    }

    private static ResearchView view(ConferenceResearch r) {
        return new ResearchView(r.agencyId, r.survivor, r.children, r.perpetrator, r.recordedBy, r.recordedAt);
    }

    private static String blankToNull(String text) {
        return text == null || kz.qorgau.common.Text.blank(text) ? null : text.strip();
    }

    private static ProblemException.NotFound notFound(UUID id) {
        return new ProblemException.NotFound("Conference case " + id);
    }
}
