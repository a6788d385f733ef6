package kz.qorgau.agency;

/** The catalogue of services an agency can offer a survivor; a sender picks a receiver by them. */
public enum ServiceType {
    SHELTER,
    PSYCHOLOGICAL_COUNSELLING,
    LEGAL_AID,
    MEDICAL_CARE,
    SOCIAL_BENEFITS,
    CHILD_PROTECTION,
    CRISIS_HOTLINE,
    HOUSING_SUPPORT,
    EMPLOYMENT_SUPPORT,
    INTERPRETATION
}
