package kz.qorgau.document;

import java.util.UUID;
import kz.qorgau.caseaccess.SharingRules.Sharing;
import kz.qorgau.consent.DataCategory;

/** Who reads a document: plain functions. */
public final class DocumentRules {

    private DocumentRules() {}

    /**
     * The agency that attached a document reads it; any other only while her consent (or, for a referral's
     * receiver, the referral it holds her data through) lets it see the document's category.
     */
    public static boolean mayRead(UUID readerAgency, UUID uploaderAgency, DataCategory category, Sharing sharing) {
        return readerAgency.equals(uploaderAgency) || (sharing != null && sharing.shows(category));
    }
}
