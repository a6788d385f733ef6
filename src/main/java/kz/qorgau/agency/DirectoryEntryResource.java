package kz.qorgau.agency;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import kz.qorgau.agency.DirectoryDtos.EntryUpdate;
import kz.qorgau.agency.DirectoryDtos.EntryView;
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

/** An agency's directory entry; a root of its own for the reason given on RiskAssessmentResource. */
@Path("/api/v1/agencies/{id}/directory-entry")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Service directory")
public class DirectoryEntryResource {

    @Inject
    DirectoryService directory;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Operation(
            operationId = "updateDirectoryEntry",
            description = "Replaces the agency's whole directory entry and stamps the time of the update. Its own "
                    + "staff, or a coordinator, keep it, at the version If-Match names (the agency's ETag): 428 "
                    + "without it, 412 when someone changed the agency meanwhile.",
            summary = "Replace the agency's directory entry (its own staff, or a coordinator)")
    @APIResponse(
            responseCode = "200",
            description = "The entry as replaced; the ETag is the agency's new version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EntryView.class)))
    public Response update(
            @RestPath("id") UUID id,
            @RestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid EntryUpdate update) {
        return directory.update(id, update, Versioned.expectedVersion(ifMatch)).ok();
    }
}
