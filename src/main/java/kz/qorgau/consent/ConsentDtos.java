package kz.qorgau.consent;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.agency.AgencyKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class ConsentDtos {

    private ConsentDtos() {}

    @Schema(
            name = "NewConsent",
            description = "The survivor's consent to share her data; name agencies, kinds of agency, or both")
    public record NewConsent(
            @Size(max = 50) Set<@NotNull UUID> recipientAgencyIds,
            @Size(max = 6) Set<@NotNull AgencyKind> recipientKinds,
            @NotEmpty @Size(max = 5) Set<@NotNull DataCategory> categories,
            @NotNull ConsentMethod method,

            @Schema(description = "When the survivor gave it; defaults to now")
            Instant givenAt,

            Instant expiresAt) {}

    @Schema(name = "Consent")
    public record ConsentView(
            UUID id,
            @Schema(maxItems = 50) Set<UUID> recipientAgencyIds,
            @Schema(maxItems = 6) Set<AgencyKind> recipientKinds,
            @Schema(maxItems = 5) Set<DataCategory> categories,
            ConsentMethod method,
            Instant givenAt,
            Instant expiresAt,

            @Schema(
                    description =
                            "Who recorded it: the token subject of the case worker; shown to the case's lead agency only")
            String recordedBy,

            UUID recordedByAgency,

            @Schema(description = "When the survivor withdrew it whole; absent while it stands")
            Instant withdrawnAt,

            UUID withdrawnByAgency,

            @Schema(
                    maxItems = 50,
                    description = "Agencies she withdrew it from one by one (a WITHDRAW of their referral); "
                            + "it no longer covers them, whatever else it names")
            Set<UUID> withdrawnFrom) {}
}
