package kz.qorgau.conference;

/** Why a case came before a conference. */
public enum Criterion {
    /** A risk checklist with at least the network's number of ticks (DASH: 14). */
    RISK_SCORE,
    /** An assessor set the risk at or above the network's level by professional judgement. */
    PROFESSIONAL_JUDGEMENT,
    /** At least the network's number of incidents linked to the case within its window (three in twelve months). */
    ESCALATION,
    /** A new incident within the window of the case's last hearing. */
    REPEAT,
    /** An agency on the case asked, with a reason. */
    AGENCY
}
