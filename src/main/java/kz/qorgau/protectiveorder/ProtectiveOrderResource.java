package kz.qorgau.protectiveorder;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import kz.qorgau.common.PartnerDocuments;
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

    @POST
    @Path("/{id}/violations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
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
    public Response reportViolation(@RestPath UUID id, @NotNull @Valid NewViolation violation) {
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
    public OrderView revoke(@RestPath UUID id, @NotNull @Valid Revocation revocation) {
        return orders.revoke(id, revocation);
    }
}
