package kz.qorgau.protectiveorder;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.common.HasText;
import kz.qorgau.common.Priority;
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
            String text,

            @Size(min = 1, max = 4)
            @Schema(
                    description = "REPORT_TO_POLICE only, and required for it: the days of the month (1 to 28) he"
                            + " reports on, one to four of them; each is a check-in the police unit records, and one"
                            + " not recorded by its day is listed as missed")
            Set<@NotNull @Min(1) @Max(28) Integer> checkInDays) {

        /** The condition without what is her ADDRESS data. */
        Condition withoutPlaces() {
            return new Condition(type, null, checkInDays);
        }
    }

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
            UUID perpetratorId,

            @Schema(
                    description = "Category INCIDENT_DETAILS: the name of the man it restrains, where police recorded"
                            + " him; his record itself is the police's")
            String restrainedPerson) {}

    @Schema(name = "CheckIn", description = "He reported to police on a day his order's check-ins fall on")
    public record NewCheckIn(
            @NotNull @Schema(description = "The check-in's day, in the network's calendar")
            LocalDate dueOn) {}

    @Schema(name = "OrderCheckIn")
    public record CheckInView(UUID protectiveOrderId, LocalDate dueOn, Instant attendedAt, String recordedBy) {}

    @Schema(name = "MissedCheckIn", description = "A check-in its day passed without the police unit recording it")
    public record MissedCheckIn(UUID protectiveOrderId, UUID caseId, String number, LocalDate dueOn) {}

    @Schema(
            name = "CourtPrompt",
            description = "A police order about to expire while her risk is still high, with no court order after it:"
                    + " time to apply to the court for special requirements")
    public record CourtPrompt(
            UUID protectiveOrderId, UUID caseId, String number, LocalDate expiresOn, Priority riskLevel) {}
}
