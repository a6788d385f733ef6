package kz.qorgau.agency;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.common.HasText;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class DirectoryDtos {

    private DirectoryDtos() {}

    @Schema(name = "DirectoryEntryUpdate", description = "What the agency offers now; replaces its whole entry")
    public record EntryUpdate(
            @NotNull @Size(max = 20) Set<@NotNull ServiceType> services,
            @NotNull @Size(max = 50) Set<@NotNull @HasText @Size(max = 200) String> districts,

            @NotNull @Size(max = 10)
            Set<
                            @NotNull
                            @Pattern(regexp = "^[a-z]{2,3}$", message = "must be an ISO 639 language code such as kk")
                            String>
                    languages,

            @Size(max = 500) String hours,

            @Min(0) @Max(10000) @Schema(description = "For shelters: places free now")
            Integer freePlaces,

            @NotNull Boolean acceptingReferrals,

            @Size(max = 300)
            @Schema(description = "How senders reach the agency about a referral (a duty phone, a desk); shown to all")
            String contactPoint) {}

    @Schema(name = "DirectoryEntry")
    public record EntryView(
            UUID agencyId,
            String name,
            AgencyKind kind,
            @Schema(maxItems = 20) Set<ServiceType> services,
            @Schema(maxItems = 50) Set<String> districts,
            @Schema(maxItems = 10) Set<String> languages,
            String hours,
            Integer freePlaces,
            boolean acceptingReferrals,

            @Schema(description = "Active, accepting referrals, and a free place where it counts places")
            boolean acceptingNow,

            @Schema(description = "When its staff last updated the entry")
            Instant updatedAt,

            String contactPoint,

            @Schema(
                    description = "Only where the agency made its address public, or to its own staff: a shelter's"
                            + " address is confidential by default")
            String streetAddress) {}

    @Schema(name = "PremisesUpdate", description = "Where the agency is, and whether that is confidential")
    public record PremisesUpdate(
            @Size(max = 500) @Schema(description = "Its street address; absent to remove it")
            String streetAddress,

            @NotNull @Schema(description = "Shown to its own staff alone (and to a sender it shares it with) when true")
            Boolean addressConfidential) {}

    @Schema(name = "Premises")
    public record PremisesView(UUID agencyId, String streetAddress, boolean addressConfidential) {}
}
