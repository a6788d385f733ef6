package kz.qorgau.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class AccessRulesTest {

    private static final UUID OWN = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();

    private static Caller caller(Role role, UUID agency) {
        return new Caller("almaty", Optional.ofNullable(agency), Set.of(role), "sub");
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void everyRoleReadsTheDirectoryOfItsNetwork(Role role) {
        assertTrue(AccessRules.may(caller(role, OWN), Capability.READ_AGENCIES));
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
    @EnumSource(value = Role.class, names = {"AGENCY_ADMIN", "COORDINATOR"}, mode = EnumSource.Mode.EXCLUDE)
    void noOtherRoleEditsAgencies(Role role) {
        assertFalse(AccessRules.may(caller(role, OWN), Capability.EDIT_AGENCY));
        assertFalse(AccessRules.mayEditAgency(caller(role, OWN), OWN, false));
    }
}
