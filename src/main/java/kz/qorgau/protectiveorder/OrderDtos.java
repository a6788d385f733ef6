package kz.qorgau.protectiveorder;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import kz.qorgau.common.HasText;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class OrderDtos {

    private OrderDtos() {}

    @Schema(name = "OrderCondition")
    public record Condition(
            @NotNull ConditionType type,

            @Size(max = 1000)
            @Schema(
                    description = "Required for STAY_AWAY_FROM_PLACES (the places) and OTHER; "
                            + "read as category ADDRESS, since the places are hers")
            String text) {}

    @Schema(name = "NewProtectiveOrder")
    public record NewOrder(
            @NotNull @HasText @Size(max = 100) String number,
            @NotNull OrderKind kind,
            @NotNull @HasText @Size(max = 300) String issuingAuthority,
            @NotNull LocalDate issuedOn,
            @NotNull LocalDate expiresOn,
            @NotEmpty @Size(max = 20) List<@NotNull @Valid Condition> conditions,

            @Schema(
                    description = "The person it restrains, as the network's police recorded him: an incident that"
                            + " later names him with her breaks the order")
            UUID perpetratorId) {}

    @Schema(name = "NewOrderViolation")
    public record NewViolation(
            @NotNull Instant occurredAt,
            @NotNull @HasText @Size(max = 4000) String description) {}

    @Schema(name = "OrderRevocation")
    public record Revocation(
            @NotNull @HasText @Size(max = 2000) String reason) {}

    @Schema(name = "OrderViolation")
    public record ViolationView(
            UUID id,
            Instant occurredAt,

            @Schema(description = "Category INCIDENT_DETAILS")
            String description,

            UUID reporterAgencyId,
            Instant reportedAt,

            @Schema(description = "The incident the service recognised the breach in, if it did")
            UUID incidentId) {}

    @Schema(name = "ProtectiveOrder")
    public record OrderView(
            UUID id,
            UUID caseId,
            String number,
            OrderKind kind,
            String issuingAuthority,
            LocalDate issuedOn,
            LocalDate expiresOn,
            @Schema(maxItems = 20) List<Condition> conditions,

            @Schema(description = "Derived from the dates in the network's time zone and from revocation")
            OrderStatus status,

            Instant revokedAt,

            @Schema(description = "Category INCIDENT_DETAILS")
            String revocationReason,

            List<ViolationView> violations,
            UUID recordedByAgency,
            Instant createdAt,
            UUID perpetratorId) {}
}
