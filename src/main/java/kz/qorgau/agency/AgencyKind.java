package kz.qorgau.agency;

public enum AgencyKind {
    POLICE,
    SOCIAL_PROTECTION,
    NGO_CRISIS_CENTRE,
    HEALTH,
    LEGAL_AID,
    OTHER,
    /** The district's child-protection service (guardianship and trusteeship): told when police find children. */
    CHILD_PROTECTION,
    /** A school or kindergarten: told, minimally, when a child of its was at a domestic incident. */
    EDUCATION
}
