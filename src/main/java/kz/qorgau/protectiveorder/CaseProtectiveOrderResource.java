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
import kz.qorgau.protectiveorder.OrderDtos.NewOrder;
import kz.qorgau.protectiveorder.OrderDtos.OrderView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** A case's protective orders; a root of its own for the reason given on RiskAssessmentResource. */
@Path("/api/v1/cases/{caseId}/protective-orders")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Protective orders")
public class CaseProtectiveOrderResource {

    @Inject
    ProtectiveOrderService orders;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Operation(
            operationId = "recordProtectiveOrder",
            description = "Police of an agency on the case record an order issued for the survivor. Its status is "
                    + "derived: ACTIVE through its expiry date, then EXPIRED, or REVOKED.",
            summary = "Record a protective order issued for the case's survivor (police of an agency on the case)")
    @APIResponse(
            responseCode = "201",
            description = "The order as recorded",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = OrderView.class)))
    public Response record(@RestPath("caseId") UUID caseId, @NotNull @Valid NewOrder order) {
        return Response.status(Response.Status.CREATED)
                .entity(orders.record(caseId, order))
                .build();
    }

    @GET
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Operation(
            operationId = "listProtectiveOrders",
            description = "The case's orders with their status and reported violations, for the agencies on its live "
                    + "referrals and coordinators.",
            summary = "The case's protective orders, their status and reported violations")
    public List<OrderView> ofCase(@RestPath("caseId") UUID caseId) {
        return orders.ofCase(caseId);
    }
}
