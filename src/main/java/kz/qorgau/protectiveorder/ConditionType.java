package kz.qorgau.protectiveorder;

public enum ConditionType {
    NO_CONTACT,
    /** Needs a text naming the places. */
    STAY_AWAY_FROM_PLACES,
    LEAVE_SHARED_HOME,
    ATTEND_CORRECTION_PROGRAMME,
    /** Needs a text saying what the condition is. */
    OTHER;

    public boolean needsText() {
        return this == STAY_AWAY_FROM_PLACES || this == OTHER;
    }
}
