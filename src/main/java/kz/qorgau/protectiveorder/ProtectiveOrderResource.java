package kz.qorgau.protectiveorder;

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
import kz.qorgau.protectiveorder.OrderDtos.CheckInView;
import kz.qorgau.protectiveorder.OrderDtos.CourtPrompt;
import kz.qorgau.protectiveorder.OrderDtos.MissedCheckIn;
import kz.qorgau.protectiveorder.OrderDtos.NewCheckIn;
import kz.qorgau.protectiveorder.OrderDtos.NewViolation;
import kz.qorgau.protectiveorder.OrderDtos.OrderView;
import kz.qorgau.protectiveorder.OrderDtos.Revocation;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/v1/protective-orders")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Protective orders")
public class ProtectiveOrderResource {

    @Inject
    ProtectiveOrderService orders;

    @Inject
    OrderCheckIns checkIns;

    @POST
    @Path("/{id}/violations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Operation(
            operationId = "reportOrderViolation",
            description = "Reports a breach of the order: when, and what happened. The agencies of the case are "
                    + "notified.",
            summary = "Report a breach of a protective order")
    @APIResponse(
            responseCode = "201",
            description = "The order with the violation added",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = OrderView.class)))
    public Response reportViolation(@RestPath("id") UUID id, @NotNull @Valid NewViolation violation) {
        return Response.status(Response.Status.CREATED)
                .entity(orders.reportViolation(id, violation))
                .build();
    }

    @POST
    @Path("/{id}/revocation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Operation(
            operationId = "revokeProtectiveOrder",
            description = "Police of an agency on the case record that the order was revoked.",
            summary = "Record that a protective order was revoked (police of an agency on the case)")
    public OrderView revoke(@RestPath("id") UUID id, @NotNull @Valid Revocation revocation) {
        return orders.revoke(id, revocation);
    }

    @POST
    @Path("/{id}/check-ins")
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Operation(
            operationId = "recordCheckIn",
            summary = "Record that he reported to police on one of his order's check-in days",
            description = "Police inspectors of the unit that recorded the order (403 for another agency that sees"
                    + " it); 400 for a day that is not one of its check-ins, 409 check-in-recorded for one already"
                    + " recorded. One not recorded by its day is listed as missed and announced once"
                    + " (protective-order.check-in-missed).")
    public CheckInView recordCheckIn(@RestPath("id") UUID id, @NotNull @Valid NewCheckIn checkIn) {
        return checkIns.record(id, checkIn);
    }

    @GET
    @Path("/missed-check-ins")
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Operation(
            operationId = "listMissedCheckIns",
            summary = "The caller's police unit's check-ins whose day passed unrecorded",
            description = "On orders it recorded and that were not revoked; oldest first, at most 200 (not paged).")
    public List<MissedCheckIn> missedCheckIns() {
        return checkIns.missed();
    }

    @GET
    @Path("/court-prompts")
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Operation(
            operationId = "listCourtPrompts",
            summary = "Police orders about to expire while her risk is still high: apply to the court",
            description = "The caller's police unit's police protective orders that expire within the network's"
                    + " court-prompt-days (7) while her case is open at HIGH or EMERGENCY and no court order protects"
                    + " her beyond them; soonest first, at most 200.")
    public List<CourtPrompt> courtPrompts() {
        return checkIns.courtPrompts();
    }
}
