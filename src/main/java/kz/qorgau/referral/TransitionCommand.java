package kz.qorgau.referral;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.agency.ServiceType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An action fired at a referral, with what the action needs (see {@link TransitionRequirements}). */
@Schema(name = "Transition")
public record TransitionCommand(
        @NotNull ReferralAction action,
        @Schema(description = "Required with DECLINE") DeclineReason reasonCode,

        @Size(max = 2000) @Schema(description = "Required with PAUSE and CANCEL, and with reason code or outcome OTHER")
        String note,

        @Size(max = 255)
        @jakarta.validation.constraints.Pattern(regexp = ReferralDtos.USERNAME, message = "must be a username")
        @Schema(
                description = "ACCEPT only: the username of the person in the receiving agency who takes the referral,"
                        + " whose needs-action queue (assignee=me) then holds it")
        String assignee,

        @Schema(description = "Required with COMPLETE") Outcome outcome,

        @Size(max = 20) @Schema(description = "Required with COMPLETE: the services the survivor received")
        Set<@NotNull ServiceType> servicesDelivered,

        @Schema(description = "Required with REDIRECT: the agency the new referral goes to")
        UUID redirectTo,

        @Size(max = 2000)
        @Schema(description = "REDIRECT only: the emergency exception, when no consent covers the new receiver")
        String emergencyReason) {}
