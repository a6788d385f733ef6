package kz.qorgau.audit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
            description = "Whether the tenant's audit chain is whole, checked from its first entry; with a checkpoint,"
                    + " also whether the chain still extends it")
    public record VerificationView(
            boolean intact,
            long entriesChecked,

            @Schema(description = "The last sequence number the chain head records")
            long headSeq,

            @Schema(description = "The first entry that fails, absent when the chain is intact")
            Long brokenAtSeq,

            @Schema(
                    description = "Why it fails: changed, missing, inserted, out of order, a rewound head, entries"
                            + " the service did not write, entries left unchained")
            String problem,

            @Schema(
                    description = "Entries the chainer refused because their MAC does not match: rows written"
                            + " outside the service, kept unchained as evidence")
            long refusedEntries,

            @Schema(description = "Entries still unchained although older than the chaining grace period")
            long overdueUnchainedEntries,

            @Schema(description = "The result for the checkpoint given, absent when none was given")
            CheckpointCheck checkpoint) {}

    @Schema(name = "AuditCheckpointCheck", description = "Whether the present chain extends a checkpoint kept outside")
    public record CheckpointCheck(
            @Schema(description = "The checkpoint's signature verifies with the published key")
            boolean signatureValid,

            @Schema(
                    description = "The chain holds the checkpoint's entry with the checkpoint's hash, and every entry"
                            + " up to it verifies")
            boolean extended,

            @Schema(description = "Why not, when it does not")
            String problem) {}

    @Schema(
            name = "AuditCheckpoint",
            description =
                    "A signed statement of the tenant's chain head: keep it outside the service, and give it back"
                            + " to POST /api/v1/audit/verification to prove nothing before it was changed, removed or reordered")
    public record CheckpointView(
            @NotBlank @Size(max = 63) String tenantId,

            @Schema(description = "The head entry's sequence number; 0 for a chain with no entry yet") @NotNull @Min(0)
            Long seq,

            @Schema(description = "The head entry's chain hash, 64 lowercase hex digits")
            @NotNull
            @jakarta.validation.constraints.Pattern(
                    regexp = "[0-9a-f]{64}",
                    message = "must be 64 lowercase hex digits")
            String hash,

            @NotNull Instant at,

            @Schema(description = "Which published key signed it") @NotBlank @Size(max = 64)
            String keyId,

            @Schema(
                    description = "Ed25519, 64 bytes in base64 with padding, over five lines each ended by \\n:"
                            + " 'qorgau-audit-checkpoint v1', tenantId, seq in decimal, hash, and at exactly as given")
            @NotNull
            @jakarta.validation.constraints.Pattern(
                    regexp = "[A-Za-z0-9+/]{86}==",
                    message = "must be a 64-byte Ed25519 signature in base64")
            String signature) {}

    @Schema(name = "AuditSigningKey", description = "The public key that signs the network's audit checkpoints")
    public record SigningKeyView(
            String keyId,
            @Schema(description = "Ed25519") String algorithm,

            @Schema(description = "The public key, base64 DER (SubjectPublicKeyInfo)")
            String publicKey) {}

    @Schema(name = "AuditVerificationRequest")
    public record VerificationRequest(@NotNull @Valid CheckpointView checkpoint) {}
}
