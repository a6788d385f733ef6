package kz.qorgau.datareport;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.agency.AgencyKind;
import kz.qorgau.consent.ConsentMethod;
import kz.qorgau.consent.DataCategory;
import kz.qorgau.datareport.DataHolders.HoldingBasis;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class DataReportDtos {

    private DataReportDtos() {}

    @Schema(
            name = "DataReport",
            description = "For the survivor: every agency that holds or has read her data, on which ground, what it may"
                    + " see now and what it read, and the consents she gave and withdrew; from the referrals, emergency"
                    + " accesses and the audit trail")
    public record DataReport(
            UUID caseId,

            @Schema(description = "Her name, as the report is hers")
            String survivorName,

            @Schema(description = "kk, ru or en: the language of the PDF")
            String language,

            Instant producedAt,

            @Schema(description = "The username of the lead agency's staff member who produced it")
            String producedBy,

            UUID leadAgencyId,
            @Schema(maxItems = 500) List<HolderView> agencies,
            @Schema(maxItems = 500) List<ConsentEntry> consents,

            @Schema(description = "Reads of her case by the network's coordinators, who see no personal data")
            long coordinatorReads,

            Instant coordinatorLastReadAt) {}

    @Schema(name = "DataHolder")
    public record HolderView(
            UUID agencyId,
            String agencyName,
            AgencyKind kind,

            @Schema(maxItems = 100, description = "Why it has, or had, her data, oldest first")
            List<GroundView> grounds,

            @Schema(maxItems = 5, description = "What it may see of her now")
            Set<DataCategory> holdsNow,

            @Schema(maxItems = 5, description = "What the audit trail shows it read")
            Set<DataCategory> categoriesRead,

            long reads,
            Instant lastReadAt) {}

    @Schema(name = "DataHoldingGround")
    public record GroundView(HoldingBasis basis, Instant since, Instant until, UUID consentId) {}

    @Schema(name = "DataReportConsent")
    public record ConsentEntry(
            UUID id,
            ConsentMethod method,
            Instant givenAt,
            Instant expiresAt,
            Instant withdrawnAt,
            @Schema(maxItems = 5) Set<DataCategory> categories,
            @Schema(maxItems = 50) List<String> recipientAgencies,
            @Schema(maxItems = 10) Set<AgencyKind> recipientKinds,

            @Schema(maxItems = 50, description = "Agencies she withdrew it from one by one")
            List<String> withdrawnFrom) {}
}
