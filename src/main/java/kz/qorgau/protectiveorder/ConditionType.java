package kz.qorgau.protectiveorder;

public enum ConditionType {
    NO_CONTACT,
    /** Needs a text naming the places. */
    STAY_AWAY_FROM_PLACES,
    LEAVE_SHARED_HOME,
    ATTEND_CORRECTION_PROGRAMME,
    /** A court's special requirement: no acquiring, carrying or keeping weapons. */
    NO_WEAPONS,
    /** A court's special requirement: no alcohol, drugs or other intoxicants. */
    NO_ALCOHOL_OR_DRUGS,
    /** A court's special requirement: report to police one to four times a month, on the order's check-in days. */
    REPORT_TO_POLICE,
    /** Needs a text saying what the condition is. */
    OTHER;

    public boolean needsText() {
        return this == STAY_AWAY_FROM_PLACES || this == OTHER;
    }
}
