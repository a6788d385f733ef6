package kz.qorgau.audit;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import kz.qorgau.audit.AuditDtos.EntryView;
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
            @RestQuery UUID agencyId,
            @RestQuery UUID recordId,
            @RestQuery UUID caseId,
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
                    + "changed, removed or added outside the service, and where the chain first breaks.",
            summary = "Verify that the audit trail is whole (auditors)")
    public VerificationView verify() {
        return audit.verify();
    }
}
