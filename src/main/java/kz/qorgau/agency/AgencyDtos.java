package kz.qorgau.agency;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the agency directory takes and gives; entities never leave the service. */
public final class AgencyDtos {

    private AgencyDtos() {}

    static final String PHONE = "^\\+?[0-9 ()-]{5,40}$";

    @Schema(name = "Agency", description = "An agency of the caller's coordination network")
    public record AgencyView(
            UUID id,
            String name,
            AgencyKind kind,
            String district,
            @Schema(maxItems = 20) Set<ServiceType> services,
            String email,
            String phone,

            @Schema(description = "Inactive agencies stay in the directory but take no new referrals")
            boolean active,

            Instant createdAt,
            Instant updatedAt) {}

    @Schema(name = "NewAgency")
    public record NewAgency(
            @NotBlank @Size(max = 200) String name,
            @NotNull AgencyKind kind,
            @Size(max = 200) String district,
            @Size(max = 20) Set<@NotNull ServiceType> services,
            @Email @Size(max = 254) String email,

            @Size(max = 40) @Pattern(regexp = PHONE, message = "must be a phone number")
            String phone) {}

    /**
     * A JSON merge patch of an agency: a field that is absent stays as it is. To clear the district,
     * email or phone send an empty string. Only coordinators change {@code kind} and {@code active}.
     */
    @Schema(name = "AgencyChanges")
    public record AgencyChanges(
            @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
            String name,

            AgencyKind kind,
            @Size(max = 200) String district,
            @Size(max = 20) Set<@NotNull ServiceType> services,
            @Email @Size(max = 254) String email,

            @Size(max = 40) @Pattern(regexp = "^$|" + PHONE, message = "must be a phone number")
            String phone,

            Boolean active) {

        boolean changesKindOrActive() {
            return kind != null || active != null;
        }
    }
}
