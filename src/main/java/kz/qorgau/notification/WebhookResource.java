package kz.qorgau.notification;

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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import kz.qorgau.common.Page;
import kz.qorgau.common.PartnerDocuments;
import kz.qorgau.common.Versioned;
import kz.qorgau.notification.NotificationDtos.DeliveryView;
import kz.qorgau.notification.NotificationDtos.NewSubscription;
import kz.qorgau.notification.NotificationDtos.Replay;
import kz.qorgau.notification.NotificationDtos.ReplayResult;
import kz.qorgau.notification.NotificationDtos.SubscriptionView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/v1/webhook-subscriptions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
public class WebhookResource {

    @Inject
    WebhookService webhooks;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Operation(
            operationId = "subscribeWebhook",
            description = "The system that receives the events subscribes its agency, with a client that holds "
                    + "agency-admin and a role that reads them (the portal's client holds ngo-caseworker): a "
                    + "subscription carries only the events its subscriber's roles read, as the change feed does, "
                    + "and an agency-admin alone, who reads none, is refused (403). Each event is POSTed at least once, in "
                    + "order per referral, signed the Standard Webhooks way (webhook-id, webhook-timestamp, "
                    + "webhook-signature: HMAC-SHA256 with the secret this answer shows once). Failed deliveries "
                    + "are retried with exponential backoff and jitter, then dead-lettered.",
            summary = "Subscribe the caller's agency to the events its roles read (agency-admin and a reader)")
    @APIResponse(
            responseCode = "201",
            description = "Subscribed; the answer carries the signing secret, shown only now",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SubscriptionView.class)))
    public Response subscribe(@NotNull @Valid NewSubscription request, UriInfo uri) {
        SubscriptionView created = webhooks.subscribe(request);
        return Versioned.created(Versioned.locationUnder(uri, created.id()), created)
                .entity(created)
                .build();
    }

    @GET
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Operation(
            operationId = "listWebhookSubscriptions",
            description = "The caller's agency's subscriptions, active or not.",
            summary = "The caller's agency's webhook subscriptions (agency-admin)")
    public Page<SubscriptionView> list() {
        // At most MAX_SUBSCRIPTIONS active ones: a single page.
        return new Page<>(webhooks.list(), null);
    }

    @GET
    @Path("/{id}")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Operation(
            operationId = "getWebhookSubscription",
            description = "One of the caller's agency's subscriptions.",
            summary = "A webhook subscription of the caller's agency (agency-admin)")
    public SubscriptionView get(@RestPath("id") UUID id) {
        return webhooks.get(id);
    }

    @DELETE
    @Path("/{id}")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Operation(
            operationId = "unsubscribeWebhook",
            description = "Stops deliveries to the subscription; its delivery log stays readable.",
            summary = "Stop a webhook subscription (agency-admin)")
    @APIResponse(responseCode = "204", description = "Stopped")
    public void unsubscribe(@RestPath("id") UUID id) {
        webhooks.unsubscribe(id);
    }

    @GET
    @Path("/{id}/deliveries")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Operation(
            operationId = "listWebhookDeliveries",
            description = "The subscription's delivery log in feed order: status, tries, the receiver's last answer.",
            summary = "A subscription's delivery log (agency-admin)")
    public Page<DeliveryView> deliveries(
            @RestPath("id") UUID id,
            @RestQuery("status") DeliveryStatus status,
            @RestQuery @Size(max = 512) String cursor,
            @RestQuery @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return webhooks.deliveries(id, status, cursor, limit);
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/replay")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Operation(
            operationId = "replayWebhookDelivery",
            description = "Sends a delivery again from its first try, a dead-lettered one included.",
            summary = "Send a delivery again (agency-admin)")
    public DeliveryView replay(@RestPath("id") UUID id, @RestPath("deliveryId") UUID deliveryId) {
        return webhooks.replay(id, deliveryId);
    }

    @POST
    @Path("/{id}/replay")
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Operation(
            operationId = "replayWebhookEvents",
            description = "Queues the events of the agency's feed from a position on again, as new deliveries to this "
                    + "subscription: for a receiver that lost what it had received. At most qorgau.webhooks.max-replay (1,000) a call; when there "
                    + "are more, nextFromPosition says where the next call goes on. Each call is an audit entry.",
            summary = "Send the agency's events again from a feed position (agency-admin)")
    @APIResponse(
            responseCode = "202",
            description = "Queued; queued counts the deliveries",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReplayResult.class)))
    public Response replayFrom(@RestPath("id") UUID id, @NotNull @Valid Replay replay) {
        return Response.accepted(webhooks.replayFrom(id, replay.fromPosition())).build();
    }
}
