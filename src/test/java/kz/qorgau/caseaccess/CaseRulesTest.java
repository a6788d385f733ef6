package kz.qorgau.caseaccess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.caseaccess.SharingRules.SharingBasis;
import kz.qorgau.consent.DataCategory;
import kz.qorgau.security.Caller;
import kz.qorgau.security.Role;
import org.junit.jupiter.api.Test;

/** The decisions about a case, for every standing an agency can have on it, without a server. */
class CaseRulesTest {

    private static final UUID AGENCY = UUID.randomUUID();
    private static final Standing LEAD = new Standing(true, false, true, false);
    private static final Standing PENDING_RECEIVER = new Standing(false, false, true, false);
    private static final Standing ACCEPTED_RECEIVER = new Standing(false, true, true, false);
    private static final Standing EMERGENCY_RECEIVER = new Standing(false, true, true, true);

    private static Caller caller(Role role) {
        return new Caller(
                "almaty", role == Role.COORDINATOR ? Optional.empty() : Optional.of(AGENCY), Set.of(role), "user");
    }

    @Test
    void theLeadAgencySeesWorksAndFollowsItsCaseWithAllOfHerData() {
        Caller inspector = caller(Role.POLICE_INSPECTOR);
        assertTrue(CaseRules.seesCase(inspector, LEAD) && CaseRules.worksCase(inspector, LEAD));
        assertTrue(CaseRules.seesOrders(inspector, LEAD) && CaseRules.seesTimeline(inspector, LEAD));
        assertEquals(
                EnumSet.allOf(DataCategory.class),
                CaseRules.sharing(inspector, LEAD, Set.of()).categories());
    }

    @Test
    void aReceiverSeesTheCaseOnlyOnceItAcceptedAndHerDataOnlyAsConsented() {
        Caller social = caller(Role.SOCIAL_WORKER);
        assertFalse(CaseRules.seesCase(social, PENDING_RECEIVER));
        assertTrue(CaseRules.seesOrders(social, PENDING_RECEIVER));
        assertTrue(CaseRules.worksCase(social, ACCEPTED_RECEIVER));
        assertFalse(CaseRules.seesTimeline(social, ACCEPTED_RECEIVER));
        assertEquals(
                Set.of(DataCategory.CONTACT),
                CaseRules.sharing(social, ACCEPTED_RECEIVER, Set.of(DataCategory.CONTACT))
                        .categories());
        assertEquals(
                SharingBasis.EMERGENCY_EXCEPTION,
                CaseRules.sharing(social, EMERGENCY_RECEIVER, Set.of()).basis());
        assertEquals(
                Set.of(),
                CaseRules.sharing(social, EMERGENCY_RECEIVER, Set.of()).categories());
    }

    @Test
    void anAgencyWithNoStandingGetsNothingAndCoordinatorsOverseeWithoutHerData() {
        Caller other = caller(Role.NGO_CASEWORKER);
        assertFalse(CaseRules.seesCase(other, Standing.NONE) || CaseRules.seesOrders(other, Standing.NONE));
        // A case worker whose part in the case ended, or that only sent it a referral, sees nothing of her.
        assertEquals(
                SharingBasis.REFERRAL_ENDED,
                CaseRules.sharing(other, Standing.NONE, Set.of(DataCategory.IDENTITY))
                        .basis());
        assertEquals(
                Set.of(),
                CaseRules.sharing(other, Standing.NONE, Set.of(DataCategory.IDENTITY))
                        .categories());
        Caller coordinator = caller(Role.COORDINATOR);
        assertTrue(
                CaseRules.seesCase(coordinator, Standing.NONE) && CaseRules.seesTimeline(coordinator, Standing.NONE));
        assertFalse(CaseRules.worksCase(coordinator, Standing.NONE));
        assertEquals(
                Set.of(),
                CaseRules.sharing(coordinator, Standing.NONE, EnumSet.allOf(DataCategory.class))
                        .categories());
        for (Role role : Set.of(Role.AUDITOR, Role.AGENCY_ADMIN, Role.POLICE_DISPATCH)) {
            assertFalse(CaseRules.seesCase(caller(role), LEAD), role + " sees a case");
            assertEquals(
                    Set.of(), CaseRules.sharing(caller(role), LEAD, Set.of()).categories(), role + " sees her data");
        }
    }
}
