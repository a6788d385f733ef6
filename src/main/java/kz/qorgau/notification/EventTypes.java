package kz.qorgau.notification;

import java.util.Set;
import java.util.TreeSet;

/**
 * Every type of event the outbox writes. A subscription names only these (a typo such as "referral.acepted"
 * or a wildcard would otherwise be a subscription that silently never fires), and the outbox refuses any
 * other, so the list cannot fall behind the code that emits events.
 */
public final class EventTypes {

    private static final Set<String> KNOWN = Set.copyOf(new TreeSet<>(Set.of(
            "referral.created",
            "referral.submitted",
            "referral.acknowledged",
            "referral.accepted",
            "referral.declined",
            "referral.started",
            "referral.paused",
            "referral.resumed",
            "referral.completed",
            "referral.cancelled",
            "referral.withdrawn",
            "referral.redirected",
            "referral.escalated",
            "referral.reprioritised",
            "referral.reassigned",
            "referral.message",
            "referral.message-retracted",
            "referral.document",
            "referral.document-erased",
            "referral.external-link-locked",
            "consent.withdrawn",
            "incident.reported",
            "case.incident-reported",
            "case.contact-rules-changed",
            "case.contact-compromised",
            "protective-order.recorded",
            "protective-order.violated",
            "protective-order.revoked",
            "protective-order.expiring",
            "protective-order.check-in-missed",
            "audit.checkpoint",
            "conference.case-proposed",
            "conference.case-listed",
            "conference.case-declined",
            "conference.repeat",
            "action.assigned",
            "action.overdue",
            "action.done",
            "child-notice.sent",
            "child-notice.overdue",
            "emergency-access.opened",
            "emergency-access.reviewed",
            "emergency-access.review-overdue")));

    private EventTypes() {}

    public static boolean isKnown(String eventType) {
        return KNOWN.contains(eventType);
    }

    /** The kind of record an event is about (its reader rule's key in {@link EventReaders}): the type's prefix. */
    public static String aggregateOf(String eventType) {
        return eventType.substring(0, eventType.indexOf('.'));
    }

    /** Sorted, for messages and documents. */
    public static Set<String> all() {
        return new TreeSet<>(KNOWN);
    }
}
