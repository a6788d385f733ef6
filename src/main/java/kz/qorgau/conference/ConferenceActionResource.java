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
import java.util.UUID;
import kz.qorgau.common.PartnerDocuments;
import kz.qorgau.conference.ConferenceDtos.ActionView;
import kz.qorgau.conference.ConferenceDtos.Completion;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/v1/conference-actions/{id}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Risk conferences")
public class ConferenceActionResource {

    @Inject
    ConferenceHearing hearing;

    @POST
    @Path("/completion")
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Operation(
            operationId = "completeConferenceAction",
            summary = "Mark an action of a conference's plan done, with a note",
            description = "The case workers of the agency that owns it; once (409 after). The chair hears of it"
                    + " (action.done).")
    public ActionView complete(@RestPath("id") UUID id, @NotNull @Valid Completion completion) {
        return hearing.complete(id, completion);
    }
}
