package kz.qorgau.agency;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import kz.qorgau.agency.DirectoryDtos.PremisesUpdate;
import kz.qorgau.agency.DirectoryDtos.PremisesView;
import kz.qorgau.common.PartnerDocuments;
import kz.qorgau.common.Versioned;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

/** Where an agency is: a shelter's own staff alone know it. */
@Path("/api/v1/agencies/{id}/premises")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Service directory")
public class PremisesResource {

    @Inject
    DirectoryService directory;

    @GET
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Operation(
            operationId = "getPremises",
            summary = "Read the agency's street address and whether it is confidential (its own staff alone)",
            description = "Its own case workers and admin; 403 for anyone else of the network, coordinators"
                    + " included: a shelter's address is its own to give.")
    @APIResponse(
            responseCode = "200",
            description = "Its premises; the ETag is the agency's version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PremisesView.class)))
    public Response get(@RestPath("id") UUID id) {
        return directory.premises(id).ok();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Operation(
            operationId = "updatePremises",
            summary = "Replace the agency's street address and whether it is confidential (its own staff alone)",
            description = "At the agency's version (If-Match with its ETag: 428 without, 412 when it changed). A"
                    + " confidential address is in no directory answer to another agency; a referral's sender sees it"
                    + " only when the agency shares it on that referral.")
    @APIResponse(
            responseCode = "200",
            description = "Its premises as replaced; the ETag is the agency's new version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PremisesView.class)))
    public Response update(
            @RestPath("id") UUID id,
            @RestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid PremisesUpdate update) {
        return directory
                .updatePremises(id, update, Versioned.expectedVersion(ifMatch))
                .ok();
    }
}
