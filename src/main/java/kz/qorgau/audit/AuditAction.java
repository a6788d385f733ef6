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
    /**
     * A risk conference showed a member agency the minimal summary of a case without her consent, on the basis of
     * its high risk: one entry per agency when the case is listed, and per summary read.
     */
    HIGH_RISK_BASIS,
    ANONYMISE,
    /** A referral handed from one person of the receiving agency to another. */
    ASSIGN,
    /** Who gets notified changed: a webhook subscription made, stopped, or its events sent again. */
    WEBHOOK_SUBSCRIBE,
    WEBHOOK_UNSUBSCRIBE,
    WEBHOOK_REPLAY,
    /** An agency not on the case opened its emergency view, or read the case through it (break-glass). */
    EMERGENCY_ACCESS
}
