package kz.qorgau.incident;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
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
import kz.qorgau.matching.KnownSurvivorView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class IncidentDtos {

    private IncidentDtos() {}

    public enum PersonRole {
        VICTIM,
        SUSPECT,
        CHILD,
        WITNESS,
        OTHER
    }

    @Schema(name = "PersonInvolved")
    public record PersonInvolved(
            @NotNull PersonRole role,

            @Size(max = 300) @Schema(description = "Category IDENTITY, read with INCIDENT_DETAILS")
            String name,

            @Min(0) @Max(130) Integer age,

            @Pattern(regexp = "^[0-9]{12}$", message = "must be twelve digits")
            @Schema(
                    writeOnly = true,
                    description = "The individual identification number, where known: checked, and kept only as a"
                            + " match token that recognises the same person in the network's incidents and cases;"
                            + " never returned")
            String iin,

            @Past @Schema(description = "Category IDENTITY; with a name of two words, recognises her without an IIN")
            LocalDate birthDate) {

        /** The person as stored: an IIN is kept only as its match token. */
        PersonInvolved withoutIin() {
            return new PersonInvolved(role, name, age, null, birthDate);
        }

        /** The same person without what IDENTITY covers. */
        PersonInvolved withoutIdentity() {
            return new PersonInvolved(role, null, age, null, null);
        }
    }

    @Schema(name = "NewIncident", description = "An incident as the dispatch system reports it")
    public record NewIncident(
            @Size(min = 1, max = 100)
            @Pattern(regexp = "^[\\x21-\\x7E]+$", message = "must be printable ASCII without spaces")
            @Schema(
                    description =
                            "The dispatch system's own id of the incident; a second post with it returns the first")
            String externalReference,

            @NotNull @Schema(description = "Not in the future, and within the last 30 years")
            Instant occurredAt,

            @NotNull @HasText @Size(max = 200) String district,
            @NotEmpty @Size(max = 6) Set<@NotNull ViolenceKind> violenceKinds,
            @NotNull Boolean childrenPresent,
            @NotNull Boolean weaponsInvolved,
            @NotNull Boolean injuries,
            @Size(max = 4000) String description,
            @Size(max = 20) List<@NotNull @Valid PersonInvolved> persons) {}

    @Schema(name = "Incident")
    public record IncidentView(
            UUID id,
            UUID reportingAgencyId,
            String externalReference,
            Instant occurredAt,
            String district,
            @Schema(maxItems = 6) Set<ViolenceKind> violenceKinds,
            boolean childrenPresent,
            boolean weaponsInvolved,
            boolean injuries,

            @Schema(
                    description =
                            "Category INCIDENT_DETAILS: the reporting agency's account; never shown to coordinators")
            String description,

            @Schema(maxItems = 20, description = "Category INCIDENT_DETAILS; their names also need IDENTITY")
            List<PersonInvolved> persons,

            Instant createdAt,
            Instant updatedAt,

            @Schema(
                    maxItems = 20,
                    description = "Only in the answer to reporting it: each victim the network already knows (an open"
                            + " case, incidents in the last 12 months, a risk conference), by index in persons")
            List<KnownSurvivorView> knownVictims) {}
}
