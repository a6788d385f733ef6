package kz.qorgau.conference;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.YearMonth;
import java.util.UUID;
import kz.qorgau.common.Page;
import kz.qorgau.common.PartnerDocuments;
import kz.qorgau.common.Versioned;
import kz.qorgau.conference.ConferenceDtos.ActionView;
import kz.qorgau.conference.ConferenceDtos.ConferenceCaseView;
import kz.qorgau.conference.ConferenceDtos.DataReturn;
import kz.qorgau.conference.ConferenceDtos.MeetingView;
import kz.qorgau.conference.ConferenceDtos.NewMeeting;
import kz.qorgau.conference.ConferenceDtos.NewSeries;
import kz.qorgau.conference.ConferenceDtos.SeriesView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/v1/conference-series")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Risk conferences")
public class ConferenceSeriesResource {

    @Inject
    ConferenceSeriesService series;

    @Inject
    ConferenceAgenda agenda;

    @Inject
    ConferenceReturns returns;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Operation(
            operationId = "createConferenceSeries",
            summary = "Set up a risk conference for a district",
            description = "Coordinators, or the admin of the agency that will chair it. The chair sits in it; the other"
                    + " members are named here or seated later, by coordinators alone (403 to an admin): a case goes"
                    + " before the series its lead agency sits in (the oldest, if several), so seating an agency brings"
                    + " its cases before that conference.")
    @APIResponse(
            responseCode = "201",
            description = "The series",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SeriesView.class)))
    public Response create(@NotNull @Valid NewSeries request, @jakarta.ws.rs.core.Context UriInfo uri) {
        SeriesView created = series.create(request);
        return Versioned.created(Versioned.locationUnder(uri, created.id().toString()), created)
                .build();
    }

    @GET
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Operation(
            operationId = "listConferenceSeries",
            summary = "The risk conferences the caller's agency sits in (coordinators: all of the network)",
            description = "Oldest first, keyset-paged; each with its chair and member agencies.")
    public Page<SeriesView> list(
            @RestQuery @Size(max = 512) String cursor, @RestQuery @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return series.list(cursor, limit);
    }

    @GET
    @Path("/{id}")
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Operation(
            operationId = "getConferenceSeries",
            summary = "A risk conference and its member agencies",
            description = "Its members' people and coordinators; 404 to anyone else.")
    public SeriesView get(@RestPath("id") UUID id) {
        return series.get(id);
    }

    @PUT
    @Path("/{id}/members/{agencyId}")
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Operation(
            operationId = "addConferenceMember",
            summary = "Seat an agency in a risk conference",
            description = "Coordinators (the chair agency's admin hears 403: seating an agency brings its cases"
                    + " before the series); seating one already seated changes nothing. An agency seated after a"
                    + " meeting sat reads nothing of the cases it heard.")
    public SeriesView addMember(@RestPath("id") UUID id, @RestPath("agencyId") UUID agencyId) {
        return series.addMember(id, agencyId);
    }

    @DELETE
    @Path("/{id}/members/{agencyId}")
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Operation(
            operationId = "removeConferenceMember",
            summary = "An agency leaves a risk conference",
            description = "Coordinators, or the chair agency's admin. The chair stays (409). From then on the agency"
                    + " sees nothing of the series, its meetings or its cases.")
    public SeriesView removeMember(@RestPath("id") UUID id, @RestPath("agencyId") UUID agencyId) {
        return series.removeMember(id, agencyId);
    }

    @POST
    @Path("/{id}/meetings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Operation(
            operationId = "scheduleConferenceMeeting",
            summary = "Schedule a meeting of a risk conference",
            description = "The chair agency's case workers.")
    @APIResponse(
            responseCode = "201",
            description = "The meeting",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MeetingView.class)))
    public Response schedule(
            @RestPath("id") UUID id, @NotNull @Valid NewMeeting request, @jakarta.ws.rs.core.Context UriInfo uri) {
        MeetingView meeting = series.schedule(id, request);
        return Response.created(uri.getBaseUriBuilder()
                        .path("api/v1/conference-meetings/" + meeting.id())
                        .build())
                .entity(meeting)
                .build();
    }

    @GET
    @Path("/{id}/meetings")
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Operation(
            operationId = "listConferenceMeetings",
            summary = "The meetings of a risk conference, earliest first (without their agendas)",
            description = "Its members' people and coordinators; 404 to anyone else. A meeting's own answer has its"
                    + " agenda.")
    public Page<MeetingView> meetings(
            @RestPath("id") UUID id,
            @RestQuery @Size(max = 512) String cursor,
            @RestQuery @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return series.meetings(id, cursor, limit);
    }

    @GET
    @Path("/{id}/cases")
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Operation(
            operationId = "listConferenceCases",
            summary = "The chair's queue: the cases before a risk conference in a status, oldest first",
            description = "The chair agency's case workers. PROPOSED (the default) are waiting for the chair to list"
                    + " or decline them.")
    public Page<ConferenceCaseView> cases(
            @RestPath("id") UUID id,
            @RestQuery @DefaultValue("PROPOSED") ConferenceCase.Status status,
            @RestQuery @Size(max = 512) String cursor,
            @RestQuery @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return agenda.ofSeries(id, status, cursor, limit);
    }

    @GET
    @Path("/{id}/overdue-actions")
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Operation(
            operationId = "listOverdueConferenceActions",
            summary = "The actions of a conference's plans that escalated for being overdue, latest first",
            description = "Coordinators (without the actions' text) and the chair agency's case workers.")
    public Page<ActionView> overdue(
            @RestPath("id") UUID id,
            @RestQuery @Size(max = 512) String cursor,
            @RestQuery @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return returns.overdue(id, cursor, limit);
    }

    @GET
    @Path("/{id}/data-return")
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Operation(
            operationId = "getConferenceDataReturn",
            summary = "A risk conference's data return, per month, small cells withheld (coordinators)",
            description = "Per UTC calendar month of [from, to) (as 2026-11; default the three months before this"
                    + " one; at most 36; only months that have ended): cases heard, repeats, cases with children,"
                    + " actions agreed, actions done on time, referrals made from actions. Counts under 5 are"
                    + " withheld and never summed across months.")
    public DataReturn dataReturn(
            @RestPath("id") UUID id, @RestQuery("from") YearMonth from, @RestQuery("to") YearMonth to) {
        return returns.dataReturn(id, from, to);
    }
}
