package kz.qorgau.document;

import java.util.Optional;
import kz.qorgau.consent.DataCategory;

/** What a document is: lets a portal label it without opening it. */
public enum DocumentKind {
    MEDICAL_CERTIFICATE,
    COURT_DECISION,
    PROTECTIVE_ORDER,
    /** Her signed consent: her name and signature, whatever else it says. */
    CONSENT_FORM(DataCategory.IDENTITY),
    POLICE_REPORT,
    /** Her passport or identity card. */
    IDENTITY_DOCUMENT(DataCategory.IDENTITY),
    OTHER;

    private final DataCategory category;

    DocumentKind() {
        this(null);
    }

    DocumentKind(DataCategory category) {
        this.category = category;
    }

    /** The category a document of this kind is always of, whatever its uploader says. */
    public Optional<DataCategory> category() {
        return Optional.ofNullable(category);
    }
}
