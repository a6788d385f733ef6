package kz.qorgau.safecontact;

/** What came of an attempt to reach her. */
public enum ContactOutcome {
    REACHED,
    NO_ANSWER,
    /** Someone else answered: he may now know that an agency is in touch with her. */
    ANSWERED_BY_SOMEONE_ELSE,
    /** She or the caller judged the contact unsafe (she could not speak, he was there). */
    UNSAFE;

    /** Whether the lead agency must hear of it at once: her safety may have changed. */
    public boolean compromising() {
        return this == ANSWERED_BY_SOMEONE_ELSE || this == UNSAFE;
    }
}
