package kz.qorgau.emergencyaccess;

/** The fixed reasons an agency not on her case may open its emergency view: anything else waits for consent. */
public enum EmergencyReason {
    /** She is brought in injured or unconscious, and those treating her need to know whom to call. */
    MEDICAL_EMERGENCY,
    /** Police or a crew are on their way to a call where she may be in danger now. */
    IMMINENT_DANGER,
    /** She is reported missing. */
    MISSING_PERSON,
    /** A child of her household may be in danger now. */
    CHILD_IN_DANGER,
    /** A welfare check ordered by someone with the power to order it. */
    WELFARE_CHECK
}
