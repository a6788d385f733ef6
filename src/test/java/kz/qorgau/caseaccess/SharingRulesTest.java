package kz.qorgau.caseaccess;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Set;
import kz.qorgau.caseaccess.SharingRules.SharingBasis;
import kz.qorgau.consent.DataCategory;
import org.junit.jupiter.api.Test;

class SharingRulesTest {

    private static final Set<DataCategory> IDENTITY_CONTACT = EnumSet.of(DataCategory.IDENTITY, DataCategory.CONTACT);

    @Test
    void theLeadAgencySeesAllItCollected() {
        assertEquals(
                EnumSet.allOf(DataCategory.class),
                SharingRules.forAgency(true, false, Set.of(), false).categories());
    }

    @Test
    void anotherAgencySeesExactlyWhatItsConsentCovers() {
        var sharing = SharingRules.forAgency(false, true, IDENTITY_CONTACT, false);
        assertEquals(SharingBasis.CONSENT, sharing.basis());
        assertEquals(IDENTITY_CONTACT, sharing.categories());
        // Consent wins over the exception: a referral sent in an emergency shows what consent later covers.
        assertEquals(
                IDENTITY_CONTACT,
                SharingRules.forAgency(false, true, IDENTITY_CONTACT, true).categories());
    }

    @Test
    void withoutConsentUnderTheExceptionOrOnceTheReferralEndedOnlyTheMinimalView() {
        assertEquals(
                SharingBasis.EMERGENCY_EXCEPTION,
                SharingRules.forAgency(false, true, Set.of(), true).basis());
        assertEquals(
                Set.of(), SharingRules.forAgency(false, true, Set.of(), true).categories());
        assertEquals(
                SharingBasis.NO_CONSENT,
                SharingRules.forAgency(false, true, Set.of(), false).basis());
        assertEquals(
                Set.of(), SharingRules.forAgency(false, true, Set.of(), false).categories());
        assertEquals(
                SharingBasis.REFERRAL_ENDED,
                SharingRules.forAgency(false, false, IDENTITY_CONTACT, false).basis());
        assertEquals(
                Set.of(),
                SharingRules.forAgency(false, false, IDENTITY_CONTACT, false).categories());
    }
}
