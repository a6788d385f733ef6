package kz.qorgau.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.referral.ReferralSides;
import kz.qorgau.referral.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AccessRulesTest {

    private static final UUID OWN = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();

    private static Caller caller(Role role, UUID agency) {
        return new Caller("almaty", Optional.ofNullable(agency), Set.of(role), "sub");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = "EXTERNAL_RECIPIENT", mode = EnumSource.Mode.EXCLUDE)
    void everyRoleOfAPersonOrSystemReadsTheDirectoryOfItsNetwork(Role role) {
        assertTrue(AccessRules.may(caller(role, OWN), Capability.READ_AGENCIES));
    }

    @org.junit.jupiter.api.Test
    void aRecipientOffThePlatformAnswersItsReferralAndNothingElse() {
        var recipient = caller(Role.EXTERNAL_RECIPIENT, OWN);
        for (Capability capability : Capability.values()) {
            boolean expected = Set.of(Capability.READ_REFERRALS, Capability.WORK_REFERRALS, Capability.READ_SHARED_DATA)
                    .contains(capability);
            assertEquals(expected, AccessRules.may(recipient, capability), capability.name());
        }
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void onlyCoordinatorsRegisterAgencies(Role role) {
        assertEquals(role == Role.COORDINATOR, AccessRules.may(caller(role, OWN), Capability.REGISTER_AGENCY));
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void anAgencyRoleWithoutAnAgencyClaimMayDoNothing(Role role) {
        assertEquals(!role.actsForAnAgency(), AccessRules.may(caller(role, null), Capability.READ_AGENCIES));
    }

    @Test
    void agencyAdminEditsOnlyItsOwnAgencyAndNotItsKindOrActiveFlag() {
        Caller admin = caller(Role.AGENCY_ADMIN, OWN);
        assertTrue(AccessRules.mayEditAgency(admin, OWN, false));
        assertFalse(AccessRules.mayEditAgency(admin, OWN, true));
        assertFalse(AccessRules.mayEditAgency(admin, OTHER, false));
    }

    @Test
    void coordinatorEditsAnyAgencyOfItsNetwork() {
        Caller coordinator = caller(Role.COORDINATOR, null);
        assertTrue(AccessRules.mayEditAgency(coordinator, OTHER, true));
    }

    @ParameterizedTest
    @EnumSource(
            value = Role.class,
            names = {"AGENCY_ADMIN", "COORDINATOR"},
            mode = EnumSource.Mode.EXCLUDE)
    void noOtherRoleEditsAgencies(Role role) {
        assertFalse(AccessRules.may(caller(role, OWN), Capability.EDIT_AGENCY));
        assertFalse(AccessRules.mayEditAgency(caller(role, OWN), OWN, false));
    }

    @Test
    void referralSidesComeFromTheCallersAgencyAndADraftHasNoReceiverYet() {
        UUID sender = UUID.randomUUID();
        UUID receiver = UUID.randomUUID();
        assertEquals(
                Set.of(Side.SENDER), ReferralSides.of(caller(Role.POLICE_INSPECTOR, sender), sender, receiver, false));
        assertEquals(
                Set.of(Side.RECEIVER),
                ReferralSides.of(caller(Role.NGO_CASEWORKER, receiver), sender, receiver, false));
        assertEquals(Set.of(), ReferralSides.of(caller(Role.NGO_CASEWORKER, receiver), sender, receiver, true));
        assertEquals(Set.of(), ReferralSides.of(caller(Role.AGENCY_ADMIN, receiver), sender, receiver, false));
        assertEquals(Set.of(), ReferralSides.of(caller(Role.NGO_CASEWORKER, OTHER), sender, receiver, false));
    }

    @Test
    void coordinatorsSeeEveryReferralButWorkNone() {
        Caller coordinator = caller(Role.COORDINATOR, null);
        assertTrue(ReferralSides.maySee(coordinator, OWN, OTHER, false));
        assertFalse(AccessRules.may(coordinator, Capability.WORK_REFERRALS));
    }

    @Test
    void anIncidentIsItsReportingAgencysAndTheCoordinators() {
        assertTrue(AccessRules.maySeeIncident(caller(Role.POLICE_DISPATCH, OWN), OWN));
        assertFalse(AccessRules.maySeeIncident(caller(Role.POLICE_DISPATCH, OTHER), OWN));
        assertFalse(AccessRules.maySeeIncident(caller(Role.SOCIAL_WORKER, OWN), OWN));
        assertTrue(AccessRules.maySeeIncident(caller(Role.COORDINATOR, null), OWN));
    }
}
