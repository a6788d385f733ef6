package kz.qorgau.conference;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import kz.qorgau.common.PartnerDocuments;
import kz.qorgau.conference.ConferenceDtos.Attendance;
import kz.qorgau.conference.ConferenceDtos.MeetingView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/v1/conference-meetings/{id}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Risk conferences")
public class ConferenceMeetingResource {

    @Inject
    ConferenceSeriesService series;

    @GET
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Operation(
            operationId = "getConferenceMeeting",
            summary = "A meeting, its agenda (ids and why each case is on it, no content) and its attendance",
            description = "Its series' members' people and coordinators; 404 to anyone else. The agenda is empty"
                    + " to a member seated after the meeting was held.")
    public MeetingView get(@RestPath("id") UUID id) {
        return series.meeting(id);
    }

    @PUT
    @Path("/attendance")
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Operation(
            operationId = "recordConferenceAttendance",
            summary = "Record who took part in a meeting; it is held from then",
            description = "The chair agency's case workers, once the meeting's time has come (409 before), and once"
                    + " (409 meeting-held after). The meeting is held at that moment: research closes, its minutes and"
                    + " plans open, its month in the data return is that one, and an incident that happens within the"
                    + " network's window after it makes a case a repeat.")
    public MeetingView attendance(@RestPath("id") UUID id, @NotNull @Valid Attendance attendance) {
        return series.recordAttendance(id, attendance);
    }
}
