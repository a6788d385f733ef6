package kz.qorgau.agency;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import kz.qorgau.agency.AgencyDtos.AgencyChanges;
import kz.qorgau.agency.AgencyDtos.AgencyView;
import kz.qorgau.agency.AgencyDtos.NewAgency;
import kz.qorgau.common.Page;
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
import org.jboss.resteasy.reactive.RestQuery;

/** The agency directory of the caller's coordination network. */
@Path("/api/v1/agencies")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Agencies")
public class AgencyResource {

    static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    AgencyService agencies;

    @GET
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Extension(name = PartnerDocuments.POLICE_DISPATCH, value = "")
    @Extension(name = PartnerDocuments.SCHOOLS, value = "")
    @Operation(
            operationId = "listAgencies",
            description = "Agencies of the caller's network in name order, filtered by kind and service. Page with "
                    + "the nextCursor of the previous page; limit is 1 to 100.",
            summary = "List the network's agencies in name order, a page at a time")
    public Page<AgencyView> list(
            @RestQuery("kind") AgencyKind kind,
            @RestQuery("service") ServiceType service,
            @RestQuery @Size(max = 512) String cursor,
            @RestQuery @DefaultValue("20") @Min(1) @Max(100) int limit) {
        return agencies.list(kind, service, cursor, limit);
    }

    @GET
    @Path("/{id}")
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Extension(name = PartnerDocuments.POLICE_DISPATCH, value = "")
    @Extension(name = PartnerDocuments.SCHOOLS, value = "")
    @Operation(
            operationId = "getAgency",
            description = "One agency of the caller's network. An agency of another network answers 404. The ETag is "
                    + "the version to send in If-Match when changing it.",
            summary = "Read one agency; the ETag is its version, for If-Match on PATCH")
    @APIResponse(
            responseCode = "200",
            description = "The agency; ETag carries its version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AgencyView.class)))
    public Response get(@RestPath("id") UUID id) {
        return agencies.get(id).ok();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Operation(
            operationId = "registerAgency",
            description = "Coordinators register an agency of their network. Names are unique within a network (409 "
                    + "otherwise).",
            summary = "Register an agency in the network (coordinators)")
    @APIResponse(
            responseCode = "201",
            description = "Registered; Location names it",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AgencyView.class)))
    public Response register(@NotNull @Valid NewAgency request, UriInfo uri) {
        Versioned<AgencyView> created = agencies.register(request);
        return created.created(Versioned.locationUnder(uri, created.body().id()));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Operation(
            operationId = "editAgency",
            description = "A JSON merge patch (RFC 7396): absent fields stay as they are; null removes district,"
                    + " email, phone or services (an empty string also clears the first three); name, kind and"
                    + " active cannot be removed (400). An agency-admin edits its own agency only, and not its kind"
                    + " or whether it is active. A stale If-Match answers 412.",
            summary = "Change an agency (its own agency-admin, or a coordinator); If-Match guards against lost updates")
    @APIResponse(
            responseCode = "200",
            description = "The agency as changed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AgencyView.class)))
    public Response edit(
            @RestPath("id") UUID id,
            @RestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid AgencyChanges changes) {
        return agencies.edit(id, changes, Versioned.expectedVersion(ifMatch)).ok();
    }
}
