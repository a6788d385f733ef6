package kz.qorgau.document;

import java.util.UUID;
import kz.qorgau.caseaccess.SharingRules.Sharing;
import kz.qorgau.consent.DataCategory;

/** Who reads a document: plain functions. */
public final class DocumentRules {

    private DocumentRules() {}

    /**
     * The agency that attached a document reads it; any other only while her consent (or, for a referral's
     * receiver, the referral it holds her data through) lets it see who she is and the document's category: a
     * certificate or a court decision names her, whatever else it holds.
     */
    public static boolean mayRead(UUID readerAgency, UUID uploaderAgency, DataCategory category, Sharing sharing) {
        return readerAgency.equals(uploaderAgency)
                || (sharing != null && sharing.shows(DataCategory.IDENTITY) && sharing.shows(category));
    }

    /** The category a document is stored under: its kind's, where its kind has one, and it must agree. */
    public static boolean agrees(DocumentKind kind, DataCategory category) {
        return kind.category().map(category::equals).orElse(true);
    }
}
