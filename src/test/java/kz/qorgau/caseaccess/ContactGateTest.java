package kz.qorgau.caseaccess;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import kz.qorgau.caseaccess.ContactRelease.ContactRulesStanding;
import org.junit.jupiter.api.Test;

class ContactGateTest {

    @Test
    void withoutRulesNothingThatReachesHerLeavesTheLead() {
        assertEquals(
                Map.of(
                        DataItem.SURVIVOR_PHONE, Withholding.NO_CONTACT_RULES,
                        DataItem.SURVIVOR_ADDRESS, Withholding.NO_CONTACT_RULES,
                        DataItem.SURVIVOR_EMAIL, Withholding.NO_CONTACT_RULES,
                        DataItem.ORDER_PLACES, Withholding.NO_CONTACT_RULES),
                ContactGate.withheld(null));
    }

    @Test
    void beforeAcknowledgingNothingIsReleasedAndAnUnsafeChannelIsNamed() {
        assertEquals(
                Map.of(
                        DataItem.SURVIVOR_PHONE, Withholding.RULES_NOT_ACKNOWLEDGED,
                        DataItem.SURVIVOR_ADDRESS, Withholding.CHANNEL_UNSAFE,
                        DataItem.SURVIVOR_EMAIL, Withholding.RULES_NOT_ACKNOWLEDGED,
                        DataItem.ORDER_PLACES, Withholding.CHANNEL_UNSAFE),
                ContactGate.withheld(new ContactRulesStanding(1, false, true, false, true)));
    }

    @Test
    void afterAcknowledgingOnlyWhatNoSafeChannelUsesIsKept() {
        assertEquals(
                Map.of(
                        DataItem.SURVIVOR_ADDRESS, Withholding.CHANNEL_UNSAFE,
                        DataItem.ORDER_PLACES, Withholding.CHANNEL_UNSAFE),
                ContactGate.withheld(new ContactRulesStanding(2, true, true, false, true)));
        assertEquals(
                Map.of(DataItem.SURVIVOR_EMAIL, Withholding.CHANNEL_UNSAFE),
                ContactGate.withheld(new ContactRulesStanding(2, true, true, true, false)));
        assertEquals(Map.of(), ContactGate.withheld(new ContactRulesStanding(2, true, true, true, true)));
    }

    @Test
    void aSharingKeepsOnlyTheWithholdingsItsCategoriesWouldShow() {
        SharingRules.Sharing sharing = new SharingRules.Sharing(
                SharingRules.SharingBasis.CONSENT, java.util.Set.of(kz.qorgau.consent.DataCategory.CONTACT));
        SharingRules.Sharing gated = sharing.withholding(ContactGate.withheld(null));
        assertEquals(
                Map.of(
                        DataItem.SURVIVOR_PHONE, Withholding.NO_CONTACT_RULES,
                        DataItem.SURVIVOR_EMAIL, Withholding.NO_CONTACT_RULES),
                gated.withheld());
        assertEquals(false, gated.shows(DataItem.SURVIVOR_PHONE));
        assertEquals(true, gated.shows(kz.qorgau.consent.DataCategory.CONTACT));
    }
}
