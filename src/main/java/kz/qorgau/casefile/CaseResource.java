package kz.qorgau.casefile;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import kz.qorgau.casefile.CaseDtos.CaseView;
import kz.qorgau.casefile.CaseDtos.NewCase;
import kz.qorgau.common.Page;
import kz.qorgau.common.Versioned;
import kz.qorgau.consent.ConsentDtos.ConsentView;
import kz.qorgau.consent.ConsentDtos.NewConsent;
import kz.qorgau.common.PartnerDocuments;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/v1/cases")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases")
public class CaseResource {

    @Inject
    CaseService cases;

    @Inject
    TimelineService timeline;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Operation(operationId = "openCase", description =
            "Opens a case for a survivor, led by the caller's agency, linking incidents its agency "
            + "reported.",
            summary = "Open a case for a survivor, led by the caller's agency")
    @APIResponse(responseCode = "201", description = "Opened; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    public Response open(@NotNull @Valid NewCase request, UriInfo uri) {
        Versioned<CaseView> opened = cases.open(request);
        return opened.created(Versioned.locationUnder(uri, opened.body().id()));
    }

    @GET
    @Path("/{id}")
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Operation(operationId = "getCase", description =
            "A case, for the agencies on it (its lead agency and the receivers working one of its "
            + "referrals) and coordinators. Coordinators see no personal data of the survivor.",
            summary = "Read a case: its agencies and coordinators only")
    @APIResponse(responseCode = "200", description = "The case",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    public Response get(@RestPath UUID id) {
        Versioned<CaseView> found = cases.get(id);
        return found.ok();
    }

    @GET
    @Path("/{id}/timeline")
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Operation(operationId = "getCaseTimeline", description =
            "Incidents, risk assessments, protective orders, their violations and every referral step "
            + "of the case, in time order, a page at a time. For the lead agency and coordinators.",
            summary = "The case's incidents, assessments, orders and referral steps in time order (lead agency, coordinators)")
    public Page<TimelineService.Entry> timeline(@RestPath UUID id, @RestQuery @Size(max = 512) String cursor,
            @RestQuery @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return timeline.timeline(id, cursor, limit);
    }

    @POST
    @Path("/{id}/consents")
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Operation(operationId = "recordConsent", description =
            "Records the survivor's consent to share named data categories with named agencies or kinds"
            + " of agency. A referral is submitted only under a consent covering its receiver, or under "
            + "an emergency exception.",
            summary = "Record the survivor's consent to share her data with named agencies or kinds of agency")
    @APIResponse(responseCode = "201", description = "The consent as recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsentView.class)))
    public Response recordConsent(@RestPath UUID id, @NotNull @Valid NewConsent consent) {
        ConsentView recorded = cases.recordConsent(id, consent);
        return Response.status(Response.Status.CREATED).entity(recorded).build();
    }
}
