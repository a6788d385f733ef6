package kz.qorgau.perpetrator;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.common.HasText;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class PerpetratorDtos {

    private PerpetratorDtos() {}

    @Schema(name = "NewPerpetrator", description = "The person who harms her, from the incidents or cases he is in")
    public record NewPerpetrator(
            @NotNull @HasText @Size(max = 300) String fullName,
            @Past LocalDate birthDate,

            @Pattern(regexp = "^[0-9]{12}$", message = "must be twelve digits")
            @Schema(description = "His IIN, where known: checked, and kept only as a match token")
            String iin,

            @Size(max = 4000) @Schema(description = "The police's notes; police of the network alone read them")
            String notes,

            @Size(max = 50) Set<@NotNull UUID> incidentIds,
            @Size(max = 20) Set<@NotNull UUID> caseIds) {}

    @Schema(name = "PerpetratorLink", description = "One incident or one case to link him to")
    public record Link(UUID incidentId, UUID caseId) {}

    @Schema(name = "Perpetrator", description = "Sealed at rest; police of the network alone read it")
    public record PerpetratorView(
            UUID id,
            String fullName,
            LocalDate birthDate,
            String notes,
            @Schema(maxItems = 500) List<UUID> incidentIds,
            @Schema(maxItems = 100) List<UUID> caseIds,
            @Schema(maxItems = 100) List<UUID> protectiveOrderIds,
            UUID recordedByAgency,
            Instant createdAt,
            Instant updatedAt) {}
}
