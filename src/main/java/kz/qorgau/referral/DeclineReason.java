package kz.qorgau.referral;

public enum DeclineReason {
    NO_CAPACITY,
    OUT_OF_SCOPE,
    NOT_ELIGIBLE,
    DUPLICATE,
    /** Needs a note that says what the reason was. */
    OTHER
}
