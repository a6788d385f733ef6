package kz.qorgau.referral;

/** How a completed referral ended for the survivor. */
public enum Outcome {
    GOALS_MET,
    PARTIALLY_MET,
    SURVIVOR_DISENGAGED,
    SURVIVOR_RELOCATED,
    /** Needs a note that says what happened. */
    OTHER
}
