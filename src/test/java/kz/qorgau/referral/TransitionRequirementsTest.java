package kz.qorgau.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.agency.ServiceType;
import kz.qorgau.common.ProblemException.FieldError;
import org.junit.jupiter.api.Test;

class TransitionRequirementsTest {

    private static TransitionCommand command(ReferralAction action) {
        return new TransitionCommand(action, null, null, null, null, null, null, null);
    }

    private static List<String> fields(TransitionCommand command) {
        return TransitionRequirements.check(command).stream()
                .map(FieldError::field)
                .toList();
    }

    @Test
    void declineNeedsAReasonCodeAndOtherNeedsANote() {
        assertEquals(List.of("reasonCode"), fields(command(ReferralAction.DECLINE)));
        assertEquals(
                List.of(),
                fields(new TransitionCommand(
                        ReferralAction.DECLINE, DeclineReason.NO_CAPACITY, null, null, null, null, null, null)));
        assertEquals(
                List.of("note"),
                fields(new TransitionCommand(
                        ReferralAction.DECLINE, DeclineReason.OTHER, " ", null, null, null, null, null)));
    }

    @Test
    void pauseAndCancelNeedAReason() {
        assertEquals(List.of("note"), fields(command(ReferralAction.PAUSE)));
        assertEquals(List.of("note"), fields(command(ReferralAction.CANCEL)));
        assertEquals(
                List.of(),
                fields(new TransitionCommand(
                        ReferralAction.CANCEL, null, "sent by mistake", null, null, null, null, null)));
    }

    @Test
    void completeNeedsAnOutcomeAndTheServicesDelivered() {
        assertEquals(List.of("outcome", "servicesDelivered"), fields(command(ReferralAction.COMPLETE)));
        assertEquals(
                List.of(),
                fields(new TransitionCommand(
                        ReferralAction.COMPLETE,
                        null,
                        null,
                        null,
                        Outcome.GOALS_MET,
                        Set.of(ServiceType.SHELTER),
                        null,
                        null)));
    }

    @Test
    void redirectNeedsTheNewReceiver() {
        assertEquals(List.of("redirectTo"), fields(command(ReferralAction.REDIRECT)));
    }

    @Test
    void fieldsOfOtherActionsAreRefused() {
        assertEquals(
                List.of("reasonCode", "redirectTo", "assignee"),
                fields(new TransitionCommand(
                        ReferralAction.START,
                        DeclineReason.DUPLICATE,
                        null,
                        "someone",
                        null,
                        null,
                        UUID.randomUUID(),
                        null)));
        assertEquals(
                List.of(),
                fields(new TransitionCommand(
                        ReferralAction.ACCEPT, null, null, "caseworker-7", null, null, null, null)));
    }
}
