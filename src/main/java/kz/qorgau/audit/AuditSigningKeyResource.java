package kz.qorgau.audit;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import kz.qorgau.audit.AuditDtos.SigningKeyView;
import kz.qorgau.common.PartnerDocuments;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public half of the checkpoint key, for anyone who holds a checkpoint: no token needed. */
@Path("/.well-known/qorgau-audit-signing-key")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit trail")
public class AuditSigningKeyResource {

    @Inject
    AuditCheckpoints checkpoints;

    @GET
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Operation(
            operationId = "getAuditSigningKey",
            description = "The Ed25519 public key (base64 DER) that signs audit checkpoints, and its key id, so that "
                    + "a checkpoint can be checked without the service's database. Public.",
            summary = "The public key of the audit checkpoints")
    public SigningKeyView signingKey() {
        return checkpoints.signingKey();
    }
}
