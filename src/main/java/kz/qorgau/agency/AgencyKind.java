package kz.qorgau.agency;

public enum AgencyKind {
    POLICE,
    SOCIAL_PROTECTION,
    NGO_CRISIS_CENTRE,
    HEALTH,
    LEGAL_AID,
    OTHER
}
