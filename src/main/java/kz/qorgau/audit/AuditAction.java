package kz.qorgau.audit;

/** What was done to the record an audit entry names. */
public enum AuditAction {
    READ,
    LIST,
    SEARCH,
    CREATE,
    UPDATE,
    TRANSITION,
    /** A referral sent without the survivor's consent, under the emergency exception. */
    EMERGENCY_EXCEPTION,
    WITHDRAW_CONSENT,
    ANONYMISE,
    /** A referral handed from one person of the receiving agency to another. */
    ASSIGN,
    /** Who gets notified changed: a webhook subscription made, stopped, or its events sent again. */
    WEBHOOK_SUBSCRIBE,
    WEBHOOK_UNSUBSCRIBE,
    WEBHOOK_REPLAY
}
