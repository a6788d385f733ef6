package kz.qorgau.external;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import kz.qorgau.common.PartnerDocuments;
import kz.qorgau.external.ExternalLinkDtos.IssuedLink;
import kz.qorgau.external.ExternalLinkDtos.LinkView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** The sender's links to a referral's recipient off the platform. */
@Path("/api/v1/referrals/{id}/external-links")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recipients off the platform")
public class ExternalLinkResource {

    @Inject
    ExternalLinks links;

    @POST
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Operation(
            operationId = "issueExternalLink",
            summary = "Give the recipient off the platform a single-use link and a code (the last link stops working)",
            description = "The sender's case workers, on a SUBMITTED or ACKNOWLEDGED referral to an externalRecipient"
                    + " (409 nothing-to-answer otherwise; 409 not-off-platform for a referral to an agency of the"
                    + " network). The link lasts qorgau.external-links.lasts (72 hours); the page asks for the code,"
                    + " five wrong codes lock it, and the recipient then sees what her consent gives the recipient's"
                    + " stand-in and acknowledges, accepts or declines with a reason. The url and code are shown"
                    + " only in this answer.")
    @APIResponse(
            responseCode = "201",
            description = "Issued",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IssuedLink.class)))
    public Response issue(@RestPath("id") UUID id) {
        IssuedLink issued = links.issue(id);
        return Response.created(URI.create("/api/v1/referrals/" + id + "/external-links/" + issued.id()))
                .entity(issued)
                .build();
    }

    @GET
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Operation(
            operationId = "listExternalLinks",
            summary = "The links issued for the referral, newest first, and how each was used",
            description = "The sender's case workers; never the url or the code.")
    @APIResponse(
            responseCode = "200",
            description = "The links, newest first",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
                                            implementation = LinkView.class,
                                            maxItems = 100)))
    public List<LinkView> list(@RestPath("id") UUID id) {
        return links.list(id);
    }

    @POST
    @Path("/{linkId}/revocation")
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Operation(
            operationId = "revokeExternalLink",
            summary = "Stop a link working: its page then says it was withdrawn, and nothing else",
            description = "The sender's case workers; revoking a revoked link changes nothing. 409 link-spent once the"
                    + " recipient answered through it.")
    public LinkView revoke(@RestPath("id") UUID id, @RestPath("linkId") UUID linkId) {
        return links.revoke(id, linkId);
    }
}
