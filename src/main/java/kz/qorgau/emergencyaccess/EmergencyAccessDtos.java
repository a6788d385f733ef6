package kz.qorgau.emergencyaccess;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import kz.qorgau.common.HasText;
import kz.qorgau.common.Priority;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class EmergencyAccessDtos {

    private EmergencyAccessDtos() {}

    @Schema(
            name = "NewEmergencyAccess",
            description = "Opens the minimal emergency view of a case the caller's agency is not on: name the case by"
                    + " its id, or name her (full name and birth date, with her IIN where known)")
    public record OpenRequest(
            UUID caseId,
            @Valid Person person,
            @NotNull EmergencyReason reason,

            @NotNull
            @HasText
            @Size(max = 2000)
            @Schema(
                    description = "Why now and why this agency: read by the coordinator who reviews the use and by"
                            + " her lead agency. Say what happened, not more of her than the reviewer needs")
            String note) {}

    @Schema(name = "EmergencyAccessPerson", description = "Who she is, as the caller's agency has her in front of it")
    public record Person(
            @NotNull @HasText @Size(max = 300) String fullName,
            @NotNull LocalDate birthDate,

            @Pattern(regexp = "^[0-9]{12}$", message = "must be 12 digits")
            String iin) {}

    @Schema(name = "EmergencyAccessReview")
    public record ReviewRequest(
            @NotNull @Schema(description = "Whether the use was justified")
            Boolean justified,

            @NotNull @HasText @Size(max = 2000) String note) {}

    @Schema(name = "EmergencyAccess", description = "One use of emergency access and its review")
    public record AccessView(
            UUID id,
            UUID caseId,
            UUID agencyId,

            @Schema(description = "The person who opened it (username)")
            String openedBy,

            EmergencyReason reason,

            @Schema(
                    description =
                            "The opener's justification; for the opening agency, the lead agency and coordinators")
            String note,

            Instant openedAt,

            @Schema(description = "The view answers until then, and never after")
            Instant expiresAt,

            boolean active,

            @Schema(description = "How many times the view was read")
            int reads,

            Instant lastReadAt,

            @Schema(description = "A coordinator reviews the use by then")
            Instant reviewDueAt,

            @Schema(description = "When the review deadline passed unreviewed and the coordinators were told again")
            Instant escalatedAt,

            @Schema(description = "Absent until a coordinator has reviewed it")
            Review review,

            long version) {}

    @Schema(name = "EmergencyAccessReviewed")
    public record Review(boolean justified, String note, String reviewedBy, Instant reviewedAt) {}

    @Schema(
            name = "EmergencyView",
            description = "The minimal emergency view: how at risk she is, whether an order protects her, whether her"
                    + " phone and home are safe to use, and whom to call. Never her name, contact data, address,"
                    + " incidents or notes.")
    public record EmergencyView(
            UUID caseId,
            Priority riskLevel,

            @Schema(description = "Whom to call: her case's lead agency and the person who holds the case")
            LeadContact leadAgency,

            @Schema(maxItems = 20, description = "Protective orders in force today")
            List<OrderInForce> ordersInForce,

            @Schema(
                    description = "Whether any safe channel uses her phone; absent when no safe-contact rules are"
                            + " recorded, which means: do not call her, call the lead agency")
            Boolean phoneSafe,

            @Schema(description = "Whether a home visit or a letter is safe; absent when no rules are recorded")
            Boolean homeSafe,

            @Schema(description = "The emergency access this view is read under ends then")
            Instant accessExpiresAt) {}

    @Schema(name = "EmergencyLeadContact")
    public record LeadContact(UUID agencyId, String name, String phone, String contactPoint, String caseHolder) {}

    @Schema(name = "EmergencyOrderInForce")
    public record OrderInForce(String number, LocalDate expiresOn) {}
}
