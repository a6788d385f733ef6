package kz.qorgau.risk;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kz.qorgau.common.PartnerDocuments;
import kz.qorgau.risk.RiskDtos.QuestionnaireView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The network's risk checklist. */
@Path("/api/v1/risk-questionnaire")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Risk assessments")
public class RiskQuestionnaireResource {

    @Inject
    RiskService risk;

    @GET
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Operation(
            operationId = "getRiskQuestionnaire",
            description = "The network's current risk checklist: questions in Kazakh, Russian and English, the weight"
                    + " of each answer, and the scores from which the total means HIGH or EMERGENCY.",
            summary = "The network's current risk checklist, with its questions in Kazakh, Russian and English")
    public QuestionnaireView current() {
        return risk.current();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Operation(
            operationId = "publishRiskQuestionnaire",
            description = "Coordinators publish a new version of the checklist; assessments keep the version they "
                    + "were answered against.",
            summary = "Publish a new version of the network's risk checklist (coordinators)")
    @APIResponse(
            responseCode = "201",
            description = "The new version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = QuestionnaireView.class)))
    public Response publish(@NotNull Questionnaire definition) {
        return Response.status(Response.Status.CREATED)
                .entity(risk.publish(definition))
                .build();
    }
}
