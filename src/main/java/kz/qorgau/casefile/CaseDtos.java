package kz.qorgau.casefile;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.common.Priority;
import kz.qorgau.consent.ConsentDtos.ConsentView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class CaseDtos {

    private CaseDtos() {
    }

    @Schema(name = "SurvivorDetails", description = "Personal data: shown only to the agencies on the case")
    public record SurvivorDetails(
            @NotBlank @Size(max = 300) String fullName,
            @Past LocalDate birthDate,
            @Size(max = 40) @Pattern(regexp = "^\\+?[0-9 ()-]{5,40}$", message = "must be a phone number") String phone,
            @Size(max = 500) String address) {
    }

    @Schema(name = "NewCase")
    public record NewCase(
            @NotNull @Valid SurvivorDetails survivor,
            @Schema(description = "The assessed risk; ROUTINE until a risk assessment says otherwise") Priority riskLevel,
            @Size(max = 50) Set<@NotNull UUID> incidentIds,
            @Size(max = 4000) String summary) {
    }

    @Schema(name = "Case")
    public record CaseView(
            UUID id,
            UUID leadAgencyId,
            Priority riskLevel,
            CaseFile.Status status,
            String summary,
            @Schema(description = "Her personal data; absent for callers who oversee but do not work the case")
            SurvivorView survivor,
            @Schema(maxItems = 50) List<UUID> incidentIds,
            List<ConsentView> consents,
            Instant createdAt,
            Instant updatedAt) {
    }

    @Schema(name = "Survivor")
    public record SurvivorView(UUID id, String fullName, LocalDate birthDate, String phone, String address) {
    }
}
