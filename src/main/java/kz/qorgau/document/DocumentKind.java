package kz.qorgau.document;

/** What a document is: lets a portal label it without opening it. */
public enum DocumentKind {
    MEDICAL_CERTIFICATE,
    COURT_DECISION,
    PROTECTIVE_ORDER,
    CONSENT_FORM,
    POLICE_REPORT,
    IDENTITY_DOCUMENT,
    OTHER
}
