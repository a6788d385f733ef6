package kz.qorgau.risk;

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
import java.util.List;
import java.util.UUID;
import kz.qorgau.common.PartnerDocuments;
import kz.qorgau.risk.RiskDtos.AssessmentView;
import kz.qorgau.risk.RiskDtos.NewAssessment;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/**
 * A case's risk assessments. A root of its own: JAX-RS picks the root resource by its longest literal path
 * first, so a sub-path of /api/v1/cases declared elsewhere would never be reached.
 */
@Path("/api/v1/cases/{caseId}/risk-assessments")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Risk assessments")
public class RiskAssessmentResource {

    @Inject
    RiskService risk;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Operation(
            operationId = "recordRiskAssessment",
            description = "Answers every question of the current checklist. The score sets the level; the assessor "
                    + "may raise it, never lower it, with a reason. The case takes the level, and its open "
                    + "referrals below it are raised to it.",
            summary = "Record a risk assessment; the case's risk level, and the priority of its open referrals, follow")
    @APIResponse(
            responseCode = "201",
            description = "The assessment as recorded",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AssessmentView.class)))
    public Response assess(@RestPath("caseId") UUID caseId, @NotNull @Valid NewAssessment assessment) {
        return Response.status(Response.Status.CREATED)
                .entity(risk.assess(caseId, assessment))
                .build();
    }

    @GET
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Operation(
            operationId = "listRiskAssessments",
            description = "The case's assessments, oldest first. The answers are shown to the agencies on the case "
                    + "only.",
            summary = "A case's risk assessments, oldest first")
    public List<AssessmentView> ofCase(@RestPath("caseId") UUID caseId) {
        return risk.ofCase(caseId);
    }
}
