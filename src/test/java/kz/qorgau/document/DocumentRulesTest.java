package kz.qorgau.document;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.caseaccess.SharingRules;
import kz.qorgau.caseaccess.SharingRules.Sharing;
import kz.qorgau.consent.DataCategory;
import org.junit.jupiter.api.Test;

class DocumentRulesTest {

    private final UUID police = UUID.randomUUID();
    private final UUID centre = UUID.randomUUID();

    @Test
    void anotherAgencyReadsADocumentOnlyWhileHerConsentCoversItsCategory() {
        Sharing consented = SharingRules.forAgency(
                false, true, EnumSet.of(DataCategory.IDENTITY, DataCategory.INCIDENT_DETAILS), false);
        assertTrue(DocumentRules.mayRead(centre, police, DataCategory.INCIDENT_DETAILS, consented));
        assertFalse(DocumentRules.mayRead(centre, police, DataCategory.RISK, consented));
        // A document names her: what happened to her, without who she is, is not enough.
        Sharing anonymous = SharingRules.forAgency(false, true, EnumSet.of(DataCategory.INCIDENT_DETAILS), false);
        assertFalse(DocumentRules.mayRead(centre, police, DataCategory.INCIDENT_DETAILS, anonymous));
        Sharing ended = SharingRules.forAgency(false, false, Set.of(), false);
        assertFalse(DocumentRules.mayRead(centre, police, DataCategory.INCIDENT_DETAILS, ended));
        Sharing emergency = SharingRules.forAgency(false, true, Set.of(), true);
        assertFalse(DocumentRules.mayRead(centre, police, DataCategory.IDENTITY, emergency), "the minimal view");
    }

    @Test
    void anIdentityDocumentOrAConsentFormIsOfHerIdentityWhateverItsUploaderSays() {
        assertFalse(DocumentRules.agrees(DocumentKind.IDENTITY_DOCUMENT, DataCategory.INCIDENT_DETAILS));
        assertFalse(DocumentRules.agrees(DocumentKind.CONSENT_FORM, DataCategory.RISK));
        assertTrue(DocumentRules.agrees(DocumentKind.IDENTITY_DOCUMENT, DataCategory.IDENTITY));
        assertTrue(DocumentRules.agrees(DocumentKind.COURT_DECISION, DataCategory.INCIDENT_DETAILS));
    }

    @Test
    void theAgencyThatAttachedADocumentAlwaysReadsIt() {
        Sharing ended = SharingRules.forAgency(false, false, Set.of(), false);
        assertTrue(DocumentRules.mayRead(centre, centre, DataCategory.RISK, ended));
        assertTrue(DocumentRules.mayRead(centre, centre, DataCategory.RISK, null));
    }
}
