package kz.qorgau.safecontact;

/** The language she wants to be spoken to in. */
public enum ContactLanguage {
    KAZAKH,
    RUSSIAN,
    OTHER
}
