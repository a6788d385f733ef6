package kz.qorgau.conference;

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
import kz.qorgau.common.PartnerDocuments;
import kz.qorgau.conference.ConferenceDtos.ActionView;
import kz.qorgau.conference.ConferenceDtos.ConferenceCaseView;
import kz.qorgau.conference.ConferenceDtos.Decision;
import kz.qorgau.conference.ConferenceDtos.Minutes;
import kz.qorgau.conference.ConferenceDtos.NewAction;
import kz.qorgau.conference.ConferenceDtos.Research;
import kz.qorgau.conference.ConferenceDtos.ResearchView;
import kz.qorgau.conference.ConferenceDtos.SummaryView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** A case before a risk conference: the chair's decision, the members' summary and research, the minutes and plan. */
@Path("/api/v1/conference-cases/{id}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Risk conferences")
public class ConferenceCaseResource {

    @Inject
    ConferenceAgenda agenda;

    @Inject
    ConferenceHearing hearing;

    @GET
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Operation(
            operationId = "getConferenceCase",
            summary = "A case before a risk conference: why, the chair's decision, the risks and minutes",
            description = "The chair agency, the case's lead agency and the proposing agency always; the other members"
                    + " once it is listed; 404 to anyone else.")
    public ConferenceCaseView get(@RestPath("id") UUID id) {
        return hearing.get(id);
    }

    @POST
    @Path("/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Operation(
            operationId = "decideConferenceCase",
            summary = "List a proposed case on a meeting, or decline it, with a reason",
            description = "The chair agency's case workers, once per proposal (409 after); LIST names a meeting of the"
                    + " series not yet held. A case is listed only once a recorded risk assessment of her is at the"
                    + " network's level or above, whatever proposed it (409 not-high-risk). The case's lead agency hears either way. Listing"
                    + " records, for the auditor, each member that will see the case without her consent"
                    + " (HIGH_RISK_BASIS).")
    public ConferenceCaseView decide(@RestPath("id") UUID id, @NotNull @Valid Decision decision) {
        return agenda.decide(id, decision);
    }

    @GET
    @Path("/summary")
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Operation(
            operationId = "getConferenceSummary",
            summary = "What a member sees of a listed case",
            description = "Members of the series. Every member sees the minimal summary the high risk allows (risk"
                    + " level and score, children, orders, incident count and dates, the agencies involved); her"
                    + " consent adds what it covers for the member. The basis is in the answer and in the audit"
                    + " trail; a read without consent is also recorded as HIGH_RISK_BASIS.")
    public SummaryView summary(@RestPath("id") UUID id) {
        return hearing.summary(id);
    }

    @PUT
    @Path("/research")
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Operation(
            operationId = "recordConferenceResearch",
            summary = "Record what the caller's agency knows before the meeting",
            description =
                    "Members of the series, until the meeting is held (409 after); replaces the agency's"
                            + " earlier research, and says something of one of the three at least (400 otherwise). Sealed at rest; read by the meeting's members alone.")
    public ResearchView recordResearch(@RestPath("id") UUID id, @NotNull @Valid Research research) {
        return hearing.recordResearch(id, research);
    }

    @GET
    @Path("/research")
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Operation(
            operationId = "listConferenceResearch",
            summary = "Every member's research on a listed case",
            description = "Members of the series; each read is audited.")
    public List<ResearchView> research(@RestPath("id") UUID id) {
        return hearing.research(id);
    }

    @PUT
    @Path("/minutes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Operation(
            operationId = "recordConferenceMinutes",
            summary = "Record the risks identified and the minutes of a listed case",
            description =
                    "The chair agency's case workers, once the meeting sat (409 meeting-not-held before); one"
                            + " of the two at least, and one left out keeps what was recorded of it. Sealed at rest; for the members and the case's lead agency.")
    public ConferenceCaseView minutes(@RestPath("id") UUID id, @NotNull @Valid Minutes minutes) {
        return hearing.recordMinutes(id, minutes);
    }

    @POST
    @Path("/actions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Operation(
            operationId = "addConferenceAction",
            summary = "Add an action to a listed case's plan",
            description = "The chair agency's case workers, once the meeting sat. Owned by an agency that sat in the"
                    + " series when the meeting was held, or by the case's lead agency, due"
                    + " later than now. With a referral, the action makes it at once as a DRAFT from its owner, which"
                    + " must work the case (409 owner-not-on-case); the owner submits it under the ordinary consent"
                    + " rules. The owner hears of it (action.assigned); past its due time undone, the chair and"
                    + " the owner hear action.overdue and coordinators list it.")
    @APIResponse(
            responseCode = "201",
            description = "The action",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ActionView.class)))
    public Response addAction(@RestPath("id") UUID id, @NotNull @Valid NewAction request) {
        return Response.status(Response.Status.CREATED)
                .entity(hearing.addAction(id, request))
                .build();
    }

    @GET
    @Path("/actions")
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Operation(
            operationId = "listConferenceActions",
            summary = "A listed case's action plan",
            description = "Members of the series and the case's lead agency.")
    public List<ActionView> actions(@RestPath("id") UUID id) {
        return hearing.actions(id);
    }
}
