package kz.qorgau.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.agency.CallerAgency;
import kz.qorgau.audit.AuditAction;
import kz.qorgau.audit.AuditTrail;
import kz.qorgau.audit.AuditTrail.Subject;
import kz.qorgau.common.ProblemException;
import kz.qorgau.common.Versioned;
import kz.qorgau.notification.Outbox;
import kz.qorgau.referral.ReferralDtos.Assignment;
import kz.qorgau.referral.ReferralDtos.AssignmentView;
import kz.qorgau.referral.ReferralDtos.Handover;
import kz.qorgau.referral.ReferralDtos.HandoverResult;
import kz.qorgau.security.AccessPolicy;
import kz.qorgau.security.Capability;

/**
 * Hand-over inside the receiving agency: one referral to another person, or all of one person's to another
 * when she leaves. Each change is one transaction with its history entry, audit entry and event.
 */
@ApplicationScoped
public class ReferralAssignments {

    static final String REASSIGNED = "REASSIGN";

    @Inject
    ReferralService referrals;

    @Inject
    kz.qorgau.casefile.CaseService cases;

    @Inject
    ReferralRepository repository;

    @Inject
    AccessPolicy access;

    @Inject
    CallerAgency callerAgency;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Transactional
    public Versioned<AssignmentView> reassign(UUID id, Assignment assignment, long expectedVersion) {
        access.require(Capability.ASSIGN_WORK);
        // The sides see it, and so does the receiving agency's admin, who shares out its work.
        Referral referral = repository
                .findByIdOptional(id)
                .filter(r -> ReferralSides.maySee(access.caller(), r.senderAgencyId, r.receiverAgencyId, !r.wasSent())
                        || r.wasSent() && access.caller().belongsTo(r.receiverAgencyId))
                .orElseThrow(() -> new ProblemException.NotFound("Referral " + id));
        if (!AssignmentRules.mayAssign(access.caller(), referral.receiverAgencyId)) {
            throw new ProblemException.Forbidden(
                    "Only the receiving agency hands its referrals from one person to" + " another");
        }
        callerAgency.requireRegistered();
        Versioned.requireCurrent("referral", referral.version, expectedVersion);
        if (!AssignmentRules.assignable(referral.state)) {
            throw new ProblemException.Conflict(
                    "not-assignable",
                    referral.state.isTerminal()
                            ? "A " + referral.state + " referral has ended: it keeps who held it last"
                            : "A " + referral.state + " referral is held by nobody yet: ACCEPT names who takes it",
                    Map.of("state", referral.state));
        }
        if (!assignment.assignee().equals(referral.assignee)) {
            moveTo(referral, assignment.assignee(), assignment.reason());
            repository.flush();
        }
        return new Versioned<>(
                new AssignmentView(referral.id, referral.state, referral.assignee, referral.version), referral.version);
    }

    @Transactional
    public HandoverResult handOver(UUID agencyId, Handover handover) {
        access.require(Capability.HAND_OVER_WORK);
        if (!AssignmentRules.mayHandOver(access.caller(), agencyId)) {
            // Another agency's people are not this caller's to know of: as for an agency that does not exist.
            throw new ProblemException.NotFound("Agency " + agencyId);
        }
        callerAgency.requireRegistered();
        if (handover.from().equals(handover.to())) {
            throw new ProblemException.InvalidInput("to", "must be another person than from");
        }
        List<Referral> held = repository.list(
                "receiverAgencyId = ?1 and assignee = ?2 and state in ?3 order by id",
                agencyId,
                handover.from(),
                List.of(ReferralState.ACCEPTED, ReferralState.IN_PROGRESS, ReferralState.ON_HOLD));
        for (Referral referral : held) {
            moveTo(referral, handover.to(), handover.reason());
        }
        repository.flush();
        List<UUID> caseIds = cases.handOverCases(agencyId, handover.from(), handover.to(), handover.reason());
        // The hand-over itself, even one that found nothing to move: whose work was looked for, and what moved.
        audit.record(
                AuditAction.ASSIGN,
                Subject.of("agency", agencyId, null),
                Set.of(),
                "hand-over from " + handover.from() + " to " + handover.to() + ": " + held.size() + " referrals, "
                        + caseIds.size() + " cases");
        return new HandoverResult(
                held.size() + caseIds.size(), held.stream().map(r -> r.id).toList(), caseIds);
    }

    private void moveTo(Referral referral, String assignee, String reason) {
        String before = referral.assignee;
        referral.assignee = assignee;
        referral.updatedAt = clock.instant();
        referrals.record(referral, REASSIGNED, referral.state, null, reason, assignee);
        audit.record(
                AuditAction.ASSIGN,
                Subject.of("referral", referral.id, referral.caseId),
                Set.of(),
                "from " + (before == null ? "nobody" : before) + " to " + assignee);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("referralId", referral.id);
        payload.put("caseId", referral.caseId);
        payload.put("receiverAgencyId", referral.receiverAgencyId);
        payload.put("state", referral.state);
        payload.put("assignee", assignee);
        payload.put("previousAssignee", before);
        payload.put("at", referral.updatedAt);
        // A hand-over is the receiving agency's own business; the sender reads who holds it on the referral.
        outbox.append("referral", referral.id, "referral.reassigned", Set.of(referral.receiverAgencyId), payload);
    }
}
