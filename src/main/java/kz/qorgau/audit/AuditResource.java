package kz.qorgau.audit;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import kz.qorgau.audit.AuditDtos.CheckpointView;
import kz.qorgau.audit.AuditDtos.EntryView;
import kz.qorgau.audit.AuditDtos.VerificationRequest;
import kz.qorgau.audit.AuditDtos.VerificationView;
import kz.qorgau.common.Page;
import kz.qorgau.common.PartnerDocuments;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/v1/audit")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit trail")
public class AuditResource {

    @Inject
    AuditService audit;

    @Inject
    AuditCheckpoints checkpoints;

    @GET
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Operation(
            operationId = "listAuditEntries",
            description = "Every read and write of case data in the caller's network, oldest first, a page at a time: "
                    + "who (subject, agency, roles), what, which record and data categories, when, and the request. "
                    + "For auditors; entries never carry case content.",
            summary = "Read the network's audit trail (auditors)")
    public Page<EntryView> list(
            @RestQuery @Size(max = 255) @Pattern(regexp = "[^\\x00]*", message = "must not contain NUL characters")
                    String actor,
            @RestQuery("agencyId") UUID agencyId,
            @RestQuery("recordId") UUID recordId,
            @RestQuery("caseId") UUID caseId,
            @RestQuery("action") AuditAction action,
            @RestQuery("from") Instant from,
            @RestQuery("to") Instant to,
            @RestQuery @Size(max = 512) String cursor,
            @RestQuery @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return audit.list(new AuditService.Filter(actor, agencyId, recordId, caseId, action, from, to), cursor, limit);
    }

    @GET
    @Path("/verification")
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Operation(
            operationId = "verifyAuditTrail",
            description = "Recomputes the network's audit chain from its first entry and says whether any entry was "
                    + "changed, removed, added or reordered outside the service, whether the head was rewound, "
                    + "whether entries were refused or left unchained, and where the chain first breaks.",
            summary = "Verify that the audit trail is whole (auditors)")
    public VerificationView verify() {
        return audit.verify(null);
    }

    @POST
    @Path("/verification")
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Operation(
            operationId = "verifyAuditTrailAgainstCheckpoint",
            description = "As the GET, and also whether the present chain extends a checkpoint the auditor kept: "
                    + "its signature verifies with the published key, the chain holds its entry with its hash, and "
                    + "every entry up to it verifies. Truncation, a rewound or rewritten chain and reordering all "
                    + "fail it.",
            summary = "Verify the audit trail against a checkpoint kept outside the service (auditors)")
    public VerificationView verifyAgainst(@NotNull @Valid VerificationRequest request) {
        return audit.verify(request.checkpoint());
    }

    @POST
    @Path("/checkpoints")
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Operation(
            operationId = "takeAuditCheckpoint",
            description = "Chains what has committed and signs the chain head (sequence, hash, time) with the "
                    + "network's Ed25519 key; the same checkpoint goes to the log and, as event audit.checkpoint, to "
                    + "every subscriber whose roles read the audit trail. The service also takes one every "
                    + "qorgau.audit.checkpoint-every (an hour by default). 409 when the head does not name the last "
                    + "chained entry: verify the trail.",
            summary = "Take a signed checkpoint of the audit chain now (auditors)")
    public CheckpointView checkpoint() {
        return checkpoints.takeNow();
    }
}
