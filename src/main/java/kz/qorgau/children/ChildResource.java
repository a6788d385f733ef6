package kz.qorgau.children;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import kz.qorgau.children.ChildDtos.ChildView;
import kz.qorgau.children.ChildDtos.NewChild;
import kz.qorgau.children.ChildDtos.Presence;
import kz.qorgau.common.PartnerDocuments;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** The children of her household, on her case. */
@Path("/api/v1/cases/{id}/children")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Children")
public class ChildResource {

    @Inject
    ChildrenService children;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Operation(
            operationId = "recordChild",
            summary = "Record a child of her household: name, birth date, school or kindergarten (sealed at rest)",
            description = "Case workers of the agencies on her open case that see her IDENTITY (403 otherwise; 404 for"
                    + " a case the caller does not see). A school is an EDUCATION agency of the network (400"
                    + " otherwise), or a name where it is not one. The child must be under 18.")
    @APIResponse(
            responseCode = "201",
            description = "Recorded",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ChildView.class)))
    public Response record(@RestPath("id") UUID id, @NotNull @Valid NewChild child) {
        return Response.status(Response.Status.CREATED)
                .entity(children.record(id, child))
                .build();
    }

    @GET
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Operation(
            operationId = "listChildren",
            summary = "The children of her household and the incidents each was present at",
            description = "The same agencies; at most 50 children. Each list is audited.")
    public List<ChildView> list(@RestPath("id") UUID id) {
        return children.list(id);
    }

    @PUT
    @Path("/{childId}/incidents/{incidentId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Operation(
            operationId = "recordChildPresence",
            summary = "Record whether the child was present when police attended one of her case's incidents",
            description = "A child recorded present sends, in the same transaction, a minimal notice to the network's"
                    + " CHILD_PROTECTION agency for the incident's district and to the child's school (an EDUCATION"
                    + " agency): once per child, incident and addressee, however often it is recorded. Without a"
                    + " child-protection agency for the district the notice goes to the coordinators at once. 404 for"
                    + " a child or incident not of this case.")
    public ChildView presence(
            @RestPath("id") UUID id,
            @RestPath("childId") UUID childId,
            @RestPath("incidentId") UUID incidentId,
            @NotNull @Valid Presence presence) {
        return children.presence(id, childId, incidentId, presence.present());
    }
}
