package kz.qorgau.document;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.common.Page;
import kz.qorgau.common.PartnerDocuments;
import kz.qorgau.consent.DataCategory;
import kz.qorgau.document.DocumentDtos.DocumentView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/v1/referrals/{id}/documents")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents")
public class ReferralDocumentResource {

    @Inject
    Documents documents;

    @Inject
    DocumentConfig config;

    @GET
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Operation(
            operationId = "listReferralDocuments",
            summary = "The documents on a referral, oldest first",
            description = "For the referral's two sides (coordinators 403). The receiver sees a document while the"
                    + " referral is live and her consent lets it see the document's category; its own always.")
    public Page<DocumentView> list(
            @RestPath("id") UUID id,
            @RestQuery @Size(max = 512) String cursor,
            @RestQuery @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return documents.ofReferral(id, cursor, limit);
    }

    @POST
    @Consumes({DocumentUploads.PDF, DocumentUploads.JPEG, DocumentUploads.PNG, MediaType.APPLICATION_OCTET_STREAM})
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Operation(
            operationId = "attachReferralDocument",
            summary = "Attach a document to a referral",
            description = DocumentUploads.DESCRIPTION
                    + " Either side, from the draft until the referral ends; both hear referral.document.")
    @APIResponse(
            responseCode = "201",
            description = "The document's record; its bytes are sealed and stored",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(
            responseCode = "200",
            description = DocumentUploads.REPLAYED,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DocumentView.class)))
    public Response attach(
            @RestPath("id") UUID id,
            @RestQuery @NotNull DocumentKind kind,
            @RestQuery @NotNull DataCategory category,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @RestHeader("Idempotency-Key")
                    @Size(min = 1, max = 100)
                    @Pattern(regexp = "^[\\x21-\\x7E]+$", message = "must be printable ASCII without spaces")
                    String idempotencyKey,
            @Context UriInfo uri,
            byte[] body) {
        return DocumentUploads.attached(
                documents.attachToReferral(id, kind, category, contentType, body, Optional.ofNullable(idempotencyKey)),
                uri);
    }

    @GET
    @Path("/{documentId}/content")
    // One type, as a streamed answer needs: its own type is the document's, set on the answer (DocumentUploads).
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Operation(
            operationId = "downloadReferralDocument",
            summary = "Download a document of a referral",
            description = DocumentUploads.DOWNLOAD)
    @APIResponse(
            responseCode = "200",
            description = "The document's bytes, as an attachment named after its kind and id",
            content = {
                @Content(
                        mediaType = DocumentUploads.PDF,
                        schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(
                        mediaType = DocumentUploads.JPEG,
                        schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = DocumentUploads.PNG, schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    @io.smallrye.common.annotation.Blocking
    public org.jboss.resteasy.reactive.RestMulti<byte[]> download(
            @RestPath("id") UUID id, @RestPath("documentId") UUID documentId) {
        return DocumentUploads.download(documents.referralContent(id, documentId), config);
    }

    @POST
    @Path("/{documentId}/erasure")
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Operation(
            operationId = "eraseReferralDocument",
            summary = "Erase a document attached by mistake",
            description = DocumentUploads.ERASURE)
    public DocumentView erase(@RestPath("id") UUID id, @RestPath("documentId") UUID documentId) {
        return documents.eraseFromReferral(id, documentId);
    }
}
