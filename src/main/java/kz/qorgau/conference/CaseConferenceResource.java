package kz.qorgau.conference;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import kz.qorgau.common.PartnerDocuments;
import kz.qorgau.conference.ConferenceDtos.ConferenceCaseView;
import kz.qorgau.conference.ConferenceDtos.NewProposal;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/v1/cases/{id}/conference-proposals")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Risk conferences")
public class CaseConferenceResource {

    @Inject
    ConferenceAgenda agenda;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Operation(
            operationId = "proposeCaseToConference",
            summary = "Propose a case to a risk conference, with a reason",
            description = "Case workers of an agency on the case, to a series their agency and the case's lead"
                    + " agency both sit in (400 otherwise); 409"
                    + " already-proposed while the case waits there. The network's criteria also propose cases on"
                    + " their own: a checklist score at or above its threshold (14), an assessor's judgement at or"
                    + " above its level (HIGH), three incidents within twelve months, or a new incident within"
                    + " twelve months of a hearing (a repeat).")
    @APIResponse(
            responseCode = "201",
            description = "The proposal, waiting for the chair",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ConferenceCaseView.class)))
    public Response propose(@RestPath("id") UUID id, @NotNull @Valid NewProposal request) {
        return Response.status(Response.Status.CREATED)
                .entity(agenda.proposeByAgency(id, request))
                .build();
    }
}
