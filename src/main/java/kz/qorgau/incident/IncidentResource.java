package kz.qorgau.incident;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.common.Page;
import kz.qorgau.common.PartnerDocuments;
import kz.qorgau.common.Versioned;
import kz.qorgau.incident.IncidentDtos.IncidentView;
import kz.qorgau.incident.IncidentDtos.NewIncident;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/v1/incidents")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Incidents")
public class IncidentResource {

    @Inject
    IncidentService incidents;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = PartnerDocuments.POLICE_DISPATCH, value = "")
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Operation(
            operationId = "reportIncident",
            description = "Records an incident reported by the caller's agency, once: a repeat with the same "
                    + "Idempotency-Key, or the same externalReference, returns the incident first recorded with "
                    + "200 and Idempotent-Replayed: true; the same key with a different body answers 422. Each"
                    + " victim the network already knows (by IIN, or name and birth date) is listed in knownVictims:"
                    + " her open case and its lead agency (which hears case.incident-reported), her incidents of the"
                    + " last 12 months; three in 12 months raise her open case to HIGH.",
            summary = "Report an incident, once: a repeat with the same Idempotency-Key or externalReference "
                    + "returns the incident first recorded (200); the same key with a different body answers 422")
    @APIResponse(
            responseCode = "201",
            description = "Recorded; Location names it",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IncidentView.class)))
    @APIResponse(
            responseCode = "200",
            description =
                    "Already recorded under this Idempotency-Key or externalReference: the incident first recorded",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IncidentView.class)))
    public Response report(
            @RestHeader("Idempotency-Key")
                    @Size(min = 1, max = 100)
                    @Pattern(regexp = "^[\\x21-\\x7E]+$", message = "must be printable ASCII without spaces")
                    String idempotencyKey,
            @NotNull @Valid NewIncident incident,
            UriInfo uri) {
        IncidentService.Reported reported = incidents.report(incident, Optional.ofNullable(idempotencyKey));
        Response.ResponseBuilder response = reported.created()
                ? Versioned.created(
                        Versioned.locationUnder(uri, reported.incident().id()), reported.incident())
                : Response.ok().header("Idempotent-Replayed", "true");
        return response.entity(reported.incident()).build();
    }

    @GET
    @Path("/{id}")
    @Extension(name = PartnerDocuments.POLICE_DISPATCH, value = "")
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Operation(
            operationId = "getIncident",
            description = "An incident the caller's agency reported (coordinators: any of the network). Others answer"
                    + " 404.",
            summary = "Read an incident the caller's agency reported")
    public IncidentView get(@RestPath("id") UUID id) {
        return incidents.get(id);
    }

    @GET
    @Extension(name = PartnerDocuments.POLICE_DISPATCH, value = "")
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Operation(
            operationId = "listIncidents",
            description = "The caller's agency's incidents in order of change (updatedAt, then id); follow "
                    + "nextCursor, and overlap updatedSince by a few seconds when polling.",
            summary = "The caller's agency's incidents (a coordinator's: the network's) in order of change")
    public Page<IncidentView> list(
            @RestQuery("updatedSince") Instant updatedSince,
            @RestQuery @Size(max = 512) String cursor,
            @RestQuery @DefaultValue("20") @Min(1) @Max(100) int limit) {
        return incidents.list(updatedSince, cursor, limit);
    }
}
