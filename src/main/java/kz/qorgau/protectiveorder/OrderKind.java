package kz.qorgau.protectiveorder;

public enum OrderKind {
    /** Issued by the police for a short term. */
    POLICE_PROTECTIVE_ORDER,
    /** Restrictions on the offender's conduct set by a court. */
    COURT_RESTRICTIONS,
    OTHER
}
