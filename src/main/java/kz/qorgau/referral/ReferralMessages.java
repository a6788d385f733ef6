package kz.qorgau.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.agency.CallerAgency;
import kz.qorgau.audit.AuditAction;
import kz.qorgau.audit.AuditTrail;
import kz.qorgau.audit.AuditTrail.Subject;
import kz.qorgau.common.Keyset;
import kz.qorgau.common.Page;
import kz.qorgau.common.ProblemException;
import kz.qorgau.common.TimeAndIds.IdGenerator;
import kz.qorgau.notification.Outbox;
import kz.qorgau.referral.ReferralDtos.MessageView;
import kz.qorgau.security.AccessPolicy;
import kz.qorgau.security.Capability;

/**
 * The two sides of a referral write to each other on it: the receiver can ask before it decides, the sender
 * answer, without the phone. Only those two agencies read the thread; each message is one transaction with
 * its audit entry and a {@code referral.message} event that carries no text.
 */
@ApplicationScoped
public class ReferralMessages {

    static final String RETRACTED_EVENT = "referral.message-retracted";

    @Inject
    EntityManager em;

    @Inject
    ReferralRepository referrals;

    @Inject
    AccessPolicy access;

    @Inject
    CallerAgency callerAgency;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    @Inject
    IdGenerator ids;

    @Inject
    Clock clock;

    @Inject
    kz.qorgau.consent.ConsentService consents;

    @Inject
    kz.qorgau.agency.Agencies agencies;

    @Transactional
    public MessageView write(UUID referralId, String text) {
        access.require(Capability.WORK_REFERRALS);
        Referral referral = sideOf(referralId);
        Side side = side(referral);
        if (referral.state.isTerminal()) {
            throw new ProblemException.Conflict(
                    "referral-ended",
                    "Referral " + referral.id + " has ended (" + referral.state + "); its thread is closed",
                    Map.of("state", referral.state));
        }
        if (kz.qorgau.common.Text.hasInvisible(text)) {
            // A right-to-left override or a control character can make a message read as another in a portal.
            throw new ProblemException.InvalidInput("text", "must not hold control or invisible format characters");
        }
        UUID agency = callerAgency.requireRegistered();
        ReferralMessage message = new ReferralMessage();
        message.id = ids.newId();
        message.referralId = referral.id;
        message.authorAgencyId = agency;
        message.side = side;
        message.author = access.caller().username();
        message.text = text.strip();
        message.createdAt = clock.instant();
        em.persist(message);
        audit.record(
                AuditAction.CREATE, Subject.of("referral-message", message.id, referral.caseId), Set.of(), side.name());
        outbox.append("referral", referral.id, "referral.message", audience(referral), event(referral, message));
        return view(message);
    }

    @Transactional
    public Page<MessageView> thread(UUID referralId, String cursor, int limit) {
        access.require(Capability.READ_REFERRALS);
        Referral referral = sideOf(referralId);
        Set<Side> sides = sides(referral);
        Optional<Keyset> after = Optional.ofNullable(cursor).map(Keyset::fromCursor);
        var query = em.createQuery(
                        "from ReferralMessage m where m.referralId = :referral"
                                + (after.isPresent() ? " and (m.createdAt, m.id) > (:afterTime, :afterId)" : "")
                                + " order by m.createdAt, m.id",
                        ReferralMessage.class)
                .setParameter("referral", referral.id)
                .setMaxResults(limit + 1);
        after.ifPresent(k -> query.setParameter("afterTime", k.updatedAt()).setParameter("afterId", k.id()));
        List<ReferralMessage> rows = query.getResultList();
        audit.record(AuditAction.READ, Subject.of("referral-messages", referral.id, referral.caseId), Set.of());
        boolean readsOtherSide = sides.contains(Side.SENDER) || receiverStillShared(referral);
        return Keyset.page(
                rows,
                limit,
                m -> new Keyset(m.createdAt, m.id),
                m -> sides.contains(m.side) || readsOtherSide ? view(m) : withheld(m));
    }

    /** The author takes a message back: its text is no longer shown, the message stays, marked retracted. */
    @Transactional
    public MessageView retract(UUID referralId, UUID messageId) {
        access.require(Capability.WORK_REFERRALS);
        Referral referral = sideOf(referralId);
        sides(referral);
        ReferralMessage message = Optional.ofNullable(em.find(ReferralMessage.class, messageId))
                .filter(m -> m.referralId.equals(referral.id))
                .orElseThrow(() -> new ProblemException.NotFound("Message " + messageId));
        if (!access.caller().belongsTo(message.authorAgencyId)
                || !message.author.equals(access.caller().username())) {
            throw new ProblemException.Forbidden("Only its author retracts a message");
        }
        if (message.retractedAt != null) {
            throw new ProblemException.Conflict(
                    "message-retracted", "Message " + messageId + " was already retracted", Map.of());
        }
        message.retractedAt = clock.instant();
        audit.record(
                AuditAction.UPDATE, Subject.of("referral-message", message.id, referral.caseId), Set.of(), "retracted");
        Map<String, Object> payload = event(referral, message);
        payload.put("retractedAt", message.retractedAt);
        outbox.append("referral", referral.id, RETRACTED_EVENT, audience(referral), payload);
        return view(message);
    }

    /** A referral the caller may see (404 as for none otherwise). */
    private Referral sideOf(UUID id) {
        return referrals.visibleTo(access.caller(), id);
    }

    /**
     * The receiver reads what the sender wrote while it may still see her data through the referral: the
     * referral live, and a consent covering it in force or the emergency exception it was sent under. Once her
     * consent is withdrawn or the referral has ended, it keeps its own messages' text alone, as with the note.
     */
    private boolean receiverStillShared(Referral referral) {
        if (referral.state.isTerminal()) {
            return false;
        }
        if (referral.consentId == null && referral.emergencyReason != null) {
            return true;
        }
        return agencies.find(referral.receiverAgencyId)
                .flatMap(receiver -> consents.covering(referral.caseId, receiver.id(), receiver.kind()))
                .isPresent();
    }

    /** The caller's sides of the referral; coordinators, who see every referral, are neither (403). */
    private Set<Side> sides(Referral referral) {
        Set<Side> sides = ReferralSides.of(
                access.caller(), referral.senderAgencyId, referral.receiverAgencyId, !referral.wasSent());
        if (sides.isEmpty()) {
            throw new ProblemException.Forbidden("A referral's messages are for its two agencies alone");
        }
        return sides;
    }

    /** Which side the caller writes for: a draft has nobody on the other side yet. */
    private Side side(Referral referral) {
        Set<Side> sides = sides(referral);
        if (!referral.wasSent()) {
            throw new ProblemException.Conflict(
                    "referral-not-sent", "Referral " + referral.id + " is a draft: nobody is there to read", Map.of());
        }
        return sides.contains(Side.RECEIVER) ? Side.RECEIVER : Side.SENDER;
    }

    private static Set<UUID> audience(Referral referral) {
        return Set.of(referral.senderAgencyId, referral.receiverAgencyId);
    }

    /** What partners hear: who wrote on which referral and when, never the text. */
    private static Map<String, Object> event(Referral referral, ReferralMessage message) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("referralId", referral.id);
        payload.put("messageId", message.id);
        payload.put("fromAgencyId", message.authorAgencyId);
        payload.put("side", message.side);
        payload.put("at", message.createdAt);
        return payload;
    }

    /** The other side's message, its text withheld: she no longer shares her data with the reader. */
    private static MessageView withheld(ReferralMessage m) {
        return new MessageView(
                m.id, m.referralId, m.authorAgencyId, m.side, m.author, null, m.createdAt, m.retractedAt);
    }

    private static MessageView view(ReferralMessage m) {
        return new MessageView(
                m.id,
                m.referralId,
                m.authorAgencyId,
                m.side,
                m.author,
                m.retractedAt == null ? m.text : null,
                m.createdAt,
                m.retractedAt);
    }
}
