package kz.qorgau.perpetrator;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import kz.qorgau.common.PartnerDocuments;
import kz.qorgau.perpetrator.PerpetratorDtos.Link;
import kz.qorgau.perpetrator.PerpetratorDtos.NewPerpetrator;
import kz.qorgau.perpetrator.PerpetratorDtos.PerpetratorView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** The network's police's records of the people who harm the survivors. */
@Path("/api/v1/perpetrators")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Perpetrators")
public class PerpetratorResource {

    @Inject
    PerpetratorService perpetrators;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Operation(
            operationId = "recordPerpetrator",
            summary = "Record the person who harms her, from incidents or cases of the caller's agency",
            description = "Police inspectors. Sealed at rest; his IIN (checked) is kept only as a match token. One"
                    + " record per person in the network: one already recorded (by IIN, or name and birth date)"
                    + " answers 409 perpetrator-known naming it. An incident that later names him as SUSPECT,"
                    + " together with the survivor an active order of his protects, breaks the order.")
    @APIResponse(
            responseCode = "201",
            description = "Recorded",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PerpetratorView.class)))
    public Response record(@NotNull @Valid NewPerpetrator request) {
        return Response.status(Response.Status.CREATED)
                .entity(perpetrators.record(request))
                .build();
    }

    @GET
    @Path("/{id}")
    @Extension(name = PartnerDocuments.POLICE_DISPATCH, value = "")
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Operation(
            operationId = "getPerpetrator",
            summary = "Read a perpetrator's record, the police's notes included",
            description = "Police of the network (403 for other roles); 404 for another network's. Each read is"
                    + " audited.")
    public PerpetratorView get(@RestPath("id") UUID id) {
        return perpetrators.get(id);
    }

    @POST
    @Path("/{id}/links")
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Operation(
            operationId = "linkPerpetrator",
            summary = "Link him to one more incident of the caller's agency, or a case it works",
            description = "Police inspectors; exactly one of incidentId and caseId (400 otherwise).")
    public PerpetratorView link(@RestPath("id") UUID id, @NotNull @Valid Link link) {
        return perpetrators.addLink(id, link);
    }
}
