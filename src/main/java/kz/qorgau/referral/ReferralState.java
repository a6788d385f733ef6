package kz.qorgau.referral;

public enum ReferralState {
    DRAFT,
    SUBMITTED,
    ACKNOWLEDGED,
    ACCEPTED,
    IN_PROGRESS,
    ON_HOLD,
    COMPLETED,
    DECLINED,
    CANCELLED,
    WITHDRAWN;

    public boolean isTerminal() {
        return this == COMPLETED || this == DECLINED || this == CANCELLED || this == WITHDRAWN;
    }

    /** The receiver has taken the survivor on: while in these states it is one of the case's agencies. */
    public boolean receiverIsOnTheCase() {
        return this == ACCEPTED || this == IN_PROGRESS || this == ON_HOLD;
    }
}
