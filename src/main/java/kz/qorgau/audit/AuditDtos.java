package kz.qorgau.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class AuditDtos {

    private AuditDtos() {}

    @Schema(
            name = "AuditEntry",
            description = "Who did what to which record, touching which data categories; never the content")
    public record EntryView(
            long seq,
            UUID id,
            Instant at,

            @Schema(description = "The token subject, or system:<job> for background work")
            String actor,

            UUID actorAgencyId,
            @Schema(maxItems = 7) List<String> actorRoles,
            AuditAction action,

            @Schema(description = "case, survivor, consent, referral, incident, risk-assessment, protective-order, ...")
            String recordType,

            UUID recordId,
            UUID caseId,

            @Schema(maxItems = 5, description = "The survivor's data categories the action showed or changed")
            List<String> categories,

            @Schema(description = "The referral action fired, the search made, or a similar short fact")
            String detail,

            String requestId) {}

    @Schema(
            name = "AuditVerification",
            description = "Whether the tenant's audit chain is whole, checked from its first entry")
    public record VerificationView(
            boolean intact,
            long entriesChecked,

            @Schema(description = "The last sequence number the chain head records")
            long headSeq,

            @Schema(description = "The first entry that fails, absent when the chain is intact")
            Long brokenAtSeq,

            @Schema(description = "Why it fails: changed, missing, inserted or out of order")
            String problem) {}
}
