package kz.qorgau.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.security.Caller;
import kz.qorgau.security.Role;
import org.junit.jupiter.api.Test;

class AssignmentRulesTest {

    private static final UUID RECEIVER = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();

    private static Caller caller(Role role, UUID agency) {
        return new Caller("almaty", Optional.ofNullable(agency), Set.of(role), "sub", "aliya");
    }

    @Test
    void theReceivingAgencysWorkersAndAdminAssignItsAdminAloneHandsOverAll() {
        for (Role role : Role.values()) {
            boolean staff = Role.CASE_WORKERS.contains(role) || role == Role.AGENCY_ADMIN;
            assertEquals(
                    staff && role.actsForAnAgency(),
                    AssignmentRules.mayAssign(caller(role, RECEIVER), RECEIVER),
                    role.name());
            assertEquals(false, AssignmentRules.mayAssign(caller(role, OTHER), RECEIVER), role + " of another agency");
            assertEquals(false, AssignmentRules.mayAssign(caller(role, null), RECEIVER), role + " of no agency");
            assertEquals(
                    role == Role.AGENCY_ADMIN,
                    AssignmentRules.mayHandOver(caller(role, RECEIVER), RECEIVER),
                    role.name());
            assertEquals(
                    false, AssignmentRules.mayHandOver(caller(role, OTHER), RECEIVER), role + " of another agency");
        }
    }

    @Test
    void aReferralIsHeldFromAcceptanceUntilItEnds() {
        Set<ReferralState> held = EnumSet.of(ReferralState.ACCEPTED, ReferralState.IN_PROGRESS, ReferralState.ON_HOLD);
        for (ReferralState state : ReferralState.values()) {
            assertEquals(held.contains(state), AssignmentRules.assignable(state), state.name());
        }
    }
}
