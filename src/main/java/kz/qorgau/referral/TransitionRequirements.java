package kz.qorgau.referral;

import java.util.ArrayList;
import java.util.List;
import kz.qorgau.common.ProblemException.FieldError;
import kz.qorgau.common.Text;

/**
 * What each action needs besides being allowed from the current state: a reason to decline, a note to
 * pause or cancel, an outcome to complete, a receiver to redirect to. Fields that belong to other actions
 * are refused rather than silently ignored, so a partner learns of its mistake.
 */
public final class TransitionRequirements {

    private TransitionRequirements() {}

    public static List<FieldError> check(TransitionCommand command) {
        List<FieldError> errors = new ArrayList<>();
        ReferralAction action = command.action();
        require(errors, action == ReferralAction.DECLINE, command.reasonCode() != null, "reasonCode", action);
        require(errors, action == ReferralAction.COMPLETE, command.outcome() != null, "outcome", action);
        require(
                errors,
                action == ReferralAction.COMPLETE,
                command.servicesDelivered() != null
                        && !command.servicesDelivered().isEmpty(),
                "servicesDelivered",
                action);
        require(errors, action == ReferralAction.REDIRECT, command.redirectTo() != null, "redirectTo", action);
        refuseUnless(errors, action == ReferralAction.ACCEPT, command.assignee() != null, "assignee");
        refuseUnless(errors, action == ReferralAction.REDIRECT, command.emergencyReason() != null, "emergencyReason");

        boolean noteNeeded = action == ReferralAction.PAUSE
                || action == ReferralAction.CANCEL
                || command.reasonCode() == DeclineReason.OTHER
                || command.outcome() == Outcome.OTHER;
        if (noteNeeded && isBlank(command.note())) {
            errors.add(new FieldError(
                    "note",
                    "is required with " + action
                            + (action == ReferralAction.PAUSE || action == ReferralAction.CANCEL ? "" : " and OTHER")));
        }
        return errors;
    }

    private static void require(
            List<FieldError> errors, boolean applies, boolean present, String field, ReferralAction action) {
        if (applies && !present) {
            errors.add(new FieldError(field, "is required with " + action));
        } else if (!applies && present) {
            errors.add(new FieldError(field, "does not apply to " + action));
        }
    }

    private static void refuseUnless(List<FieldError> errors, boolean applies, boolean present, String field) {
        if (!applies && present) {
            errors.add(new FieldError(field, "does not apply to this action"));
        }
    }

    private static boolean isBlank(String text) {
        return Text.blank(text);
    }
}
