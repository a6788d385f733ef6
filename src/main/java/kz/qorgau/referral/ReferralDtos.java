package kz.qorgau.referral;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.agency.ServiceType;
import kz.qorgau.common.Priority;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class ReferralDtos {

    private ReferralDtos() {}

    @Schema(name = "NewReferral")
    public record NewReferral(
            @NotNull UUID caseId,

            @Schema(description = "The receiving agency of the network; or name an externalRecipient instead")
            UUID receiverAgencyId,

            @Valid
            @Schema(
                    description =
                            "A recipient off the platform, instead of receiverAgencyId: the referral's receiver is"
                                    + " then a stand-in agency of kind EXTERNAL, which a consent covers only by naming its id;"
                                    + " the recipient acts through a link and a code (POST /referrals/{id}/external-links)")
            ExternalRecipient externalRecipient,

            @NotEmpty @Size(max = 20) Set<@NotNull ServiceType> servicesRequested,
            @Size(max = 2000) String note,

            @Schema(description = "Submit at once instead of keeping a DRAFT")
            boolean submit,

            @Size(max = 2000)
            @Schema(
                    description =
                            "Why the referral must go without the survivor's consent; logged and shown to coordinators")
            String emergencyReason) {}

    @Schema(name = "ExternalRecipient", description = "An organisation or person not on the platform")
    public record ExternalRecipient(
            @NotNull @kz.qorgau.common.HasText @Size(max = 150) @Schema(description = "The organisation, as named")
            String organisation,

            @Size(max = 200) @Schema(description = "The person there, where known")
            String person,

            @NotNull
            @jakarta.validation.constraints.Pattern(
                    regexp = "^\\+?[0-9 ()-]{5,30}$",
                    message = "must be a phone number such as +7 7182 55 12 12")
            @Schema(description = "Where the sender calls to give the code")
            String phone,

            @jakarta.validation.constraints.Email @Size(max = 254)
            String email) {}

    @Schema(name = "Referral")
    public record ReferralView(
            UUID id,
            UUID caseId,
            UUID senderAgencyId,
            UUID receiverAgencyId,
            ReferralState state,
            Priority priority,
            @Schema(maxItems = 20) Set<ServiceType> servicesRequested,

            @Schema(
                    description = "The sender's note to the receiver: free text about her. The receiver reads it as "
                            + "category INCIDENT_DETAILS while the referral is live; coordinators never")
            String note,

            String assignee,
            UUID consentId,
            String emergencyReason,
            DeclineReason declineReason,
            Outcome outcome,
            @Schema(maxItems = 20) Set<ServiceType> servicesDelivered,
            UUID redirectedFromId,
            UUID redirectedToId,
            Instant submittedAt,
            Instant acknowledgedAt,
            Instant acceptedAt,

            @Schema(description = "Escalated: the acknowledgement deadline of its priority passed at this time")
            Instant acknowledgeOverdueAt,

            @Schema(description = "Escalated: the response deadline of its priority passed at this time")
            Instant respondOverdueAt,

            @Schema(
                    description =
                            "Once sent: by when the receiver must acknowledge it, by its priority's deadline in the network")
            Instant acknowledgeDueAt,

            @Schema(
                    description =
                            "Once sent: by when the receiver must accept or decline it, by its priority's deadline")
            Instant respondDueAt,

            @Schema(description = "Once accepted: by when the receiver must start it, by its priority's deadline")
            Instant startDueAt,

            @Schema(description = "Escalated: accepted and not started by its start deadline, at this time")
            Instant startOverdueAt,

            @Schema(description = "When it was last paused (ON_HOLD)")
            Instant pausedAt,

            @Schema(description = "While on hold: by when the receiver must look at it again (RESUME or end it)")
            Instant reviewDueAt,

            @Schema(description = "Escalated: still on hold after its review deadline, at this time")
            Instant reviewOverdueAt,

            Instant closedAt,
            Instant createdAt,
            Instant updatedAt,

            @Schema(description = "The version an If-Match header names, as in the ETag")
            long version,

            @Schema(
                    description = "Whether the receiver shows its (confidential) street address to the sender on this"
                            + " referral: GET its receiver-address while the referral is under way")
            boolean receiverAddressShared) {}

    @Schema(name = "ReceiverAddress", description = "The receiver's street address, as it chose to share it")
    public record ReceiverAddressView(
            UUID referralId, UUID receiverAgencyId, String streetAddress, String contactPoint, Instant sharedAt) {}

    @Schema(name = "ReferralHistoryEntry")
    public record HistoryView(
            @Schema(description = "CREATE, or the action fired")
            String action,

            ReferralState fromState,
            ReferralState toState,
            String actor,
            UUID actorAgencyId,
            String reasonCode,

            @Schema(
                    description =
                            "Free text about her: its writer's agency reads it; the other side as the referral's note")
            String note,

            @Schema(description = "ACCEPT and REASSIGN: the person of the receiving agency it was given to")
            String assignee,

            Instant at) {}

    @Schema(name = "ReferralActions", description = "What the caller may fire now")
    public record ActionsView(
            ReferralState state,
            long version,
            @Schema(maxItems = 11) List<ReferralAction> actions) {}

    @Schema(
            name = "WaitingReferral",
            description = "A referral waiting on the caller's agency (or one person of it), and by when: no more of"
                    + " the case than ids, states and times")
    public record WaitingView(
            @Schema(
                    description = "What is owed: ACKNOWLEDGE or RESPOND (accept or decline), START an accepted"
                            + " referral, or REVIEW (RESUME or end) a paused one")
            Deadline waitingFor,

            UUID referralId,
            UUID caseId,
            ReferralState state,
            Priority priority,

            @Schema(description = "Sent without consent, under the emergency exception")
            boolean emergencyException,

            UUID senderAgencyId,

            @Schema(description = "The person it is given to, once accepted")
            String assignee,

            @Schema(description = "When the deadline of its priority falls due")
            Instant dueAt,

            @Schema(description = "The due time has passed") boolean overdue,

            @Schema(description = "When the missed deadline was escalated, if it was")
            Instant escalatedAt) {}

    @Schema(
            name = "ReferralAssignment",
            description = "Hands an accepted referral to another person of the receiving agency")
    public record Assignment(
            @NotNull
            @Size(max = 255)
            @jakarta.validation.constraints.Pattern(regexp = USERNAME, message = "must be a username")
            @Schema(description = "The username of the person who takes it on")
            String assignee,

            @NotNull
            @kz.qorgau.common.HasText
            @Size(max = 500)
            @Schema(
                    description = "Why, for the history: who reads it is"
                            + " the receiving agency and the sender, as the referral's history")
            String reason) {}

    @Schema(
            name = "ReferralAssignmentResult",
            description = "Who holds the referral now; read the referral itself for the rest (an agency admin, who"
                    + " shares out the work, does not read referrals)")
    public record AssignmentView(UUID referralId, ReferralState state, String assignee, long version) {}

    @Schema(
            name = "WorkHandover",
            description = "Hands all of one person's accepted referrals to another person of the same agency, as when"
                    + " she leaves it")
    public record Handover(
            @NotNull
            @Size(max = 255)
            @jakarta.validation.constraints.Pattern(regexp = USERNAME, message = "must be a username")
            String from,

            @NotNull
            @Size(max = 255)
            @jakarta.validation.constraints.Pattern(regexp = USERNAME, message = "must be a username")
            String to,

            @NotNull @kz.qorgau.common.HasText @Size(max = 500)
            String reason) {}

    @Schema(name = "WorkHandoverResult")
    public record HandoverResult(
            @Schema(description = "How many referrals and cases changed hands")
            int moved,

            @Schema(maxItems = 10_000) List<UUID> referralIds,

            @Schema(description = "The open cases the agency leads that she held", maxItems = 10_000)
            List<UUID> caseIds) {}

    @Schema(name = "NewReferralMessage")
    public record NewMessage(
            @NotNull
            @kz.qorgau.common.HasText
            @Size(max = 2000)
            @Schema(description = "Free text for the other side of the referral; sealed at rest, never in events")
            String text) {}

    @Schema(
            name = "ReferralMessage",
            description = "A message between the two sides of a referral; a retracted one keeps its place without its"
                    + " text")
    public record MessageView(
            UUID id,
            UUID referralId,
            UUID fromAgencyId,
            Side side,

            @Schema(description = "The author's username") String author,

            @Schema(
                    description = "Absent once retracted, and, for the receiver, the sender's messages once her"
                            + " consent to it is withdrawn or the referral has ended")
            String text,

            Instant sentAt,
            Instant retractedAt) {}

    public static final String USERNAME = kz.qorgau.common.Username.PATTERN;

    /**
     * A page of referrals as JSON, under the name the documents have always given it: the list operation answers
     * JSON or CSV, so its JSON form is named here rather than taken from the method's return type.
     */
    @Schema(name = "PageReferralView")
    public record ReferralPage(
            @Schema(maxItems = 200, description = "At most the limit asked for")
            List<ReferralView> items,

            @Schema(description = "Absent on the last page") String nextCursor) {}
}
