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
import kz.qorgau.risk.RiskDtos.AssessmentView;
import kz.qorgau.risk.RiskDtos.NewAssessment;
import kz.qorgau.risk.RiskDtos.QuestionnaireView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/v1")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Risk assessments")
public class RiskResource {

    @Inject
    RiskService risk;

    @GET
    @Path("/risk-questionnaire")
    @Operation(summary = "The network's current risk checklist, with its questions in Kazakh, Russian and English")
    public QuestionnaireView current() {
        return risk.current();
    }

    @POST
    @Path("/risk-questionnaire")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish a new version of the network's risk checklist (coordinators)")
    public Response publish(@NotNull Questionnaire definition) {
        return Response.status(Response.Status.CREATED).entity(risk.publish(definition)).build();
    }

    @POST
    @Path("/cases/{id}/risk-assessments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a risk assessment; the case's risk level, and the priority of its open referrals, follow")
    public Response assess(@RestPath UUID id, @NotNull @Valid NewAssessment assessment) {
        return Response.status(Response.Status.CREATED).entity(risk.assess(id, assessment)).build();
    }

    @GET
    @Path("/cases/{id}/risk-assessments")
    @Operation(summary = "A case's risk assessments, oldest first")
    public List<AssessmentView> ofCase(@RestPath UUID id) {
        return risk.ofCase(id);
    }
}
