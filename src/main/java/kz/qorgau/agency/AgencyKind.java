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
    EDUCATION,
    /** A hotline (the 111 contact centre): its operators open cases from calls and refer; it receives no referral. */
    HOTLINE,
    /**
     * The stand-in of a recipient not on the platform, reached by a link and a code: never in the directory, never
     * registered by hand, covered only by a consent that names it.
     */
    EXTERNAL
}
