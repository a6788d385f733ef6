package kz.qorgau.consent;

/** The kinds of a survivor's data a consent lets an agency see. */
public enum DataCategory {
    IDENTITY,
    CONTACT,
    ADDRESS,
    INCIDENT_DETAILS,
    RISK
}
