package kz.qorgau.notification;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class NotificationDtos {

    private NotificationDtos() {}

    @Schema(
            name = "Event",
            description = "A change the caller's agency may hear of; data carries ids, states and times, "
                    + "never a survivor's personal data")
    public record EventView(
            @Schema(description = "Its place in the feed; later events have higher positions")
            long position,

            @Schema(description = "Also the webhook-id of its webhook deliveries")
            UUID id,

            @Schema(description = "referral.submitted, referral.accepted, referral.escalated, consent.withdrawn, ...")
            String type,

            @Schema(description = "referral, incident, consent, protective-order")
            String aggregateType,

            UUID aggregateId,
            Instant occurredAt,
            @Schema(description = "The event's facts") Map<String, Object> data) {}

    @Schema(name = "EventPage")
    public record EventPage(
            @Schema(maxItems = 500) List<EventView> items,

            @Schema(
                    description =
                            "Where to continue: always present, also when no event followed, so a partner polls with it")
            String nextCursor) {}

    @Schema(name = "NewWebhookSubscription")
    public record NewSubscription(
            @jakarta.validation.constraints.NotBlank
            @jakarta.validation.constraints.Size(max = 2000)
            @Schema(description = "Where events are POSTed; https in production")
            String url,

            @jakarta.validation.constraints.Size(max = 50)
            @Schema(
                    description = "Event types to send, each one the change feed carries (referral.created,"
                            + " referral.submitted and the other referral actions in the past tense, referral.escalated,"
                            + " referral.reprioritised, consent.withdrawn, incident.reported, case.incident-reported, protective-order.recorded,"
                            + " .violated, .revoked, .expiring, .check-in-missed); empty or absent for every type the agency may hear of."
                            + " An unknown type answers 400.")
            Set<@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 64) String>
                    eventTypes) {}

    @Schema(name = "WebhookSubscription")
    public record SubscriptionView(
            UUID id,
            UUID agencyId,
            String url,
            @Schema(maxItems = 50) Set<String> eventTypes,
            boolean active,

            @Schema(
                    description =
                            "The Standard Webhooks signing secret (whsec_...): shown once, when the subscription is made")
            String secret,

            Instant createdAt) {}

    @Schema(name = "WebhookDelivery")
    public record DeliveryView(
            UUID id,
            UUID eventId,
            String eventType,
            long position,
            UUID aggregateId,

            @Schema(description = "PENDING (due or retrying), DELIVERED, or DEAD after the last try")
            String status,

            int attempts,
            Instant nextAttemptAt,
            Instant lastAttemptAt,

            @Schema(description = "The receiver's HTTP status on the last try")
            Integer lastStatus,

            String lastError,
            Instant deliveredAt) {}

    @Schema(
            name = "WebhookReplay",
            description = "Send again every event of the subscription from this feed position on")
    public record Replay(
            @jakarta.validation.constraints.NotNull @jakarta.validation.constraints.PositiveOrZero
            Long fromPosition) {}

    @Schema(name = "WebhookReplayResult")
    public record ReplayResult(
            @Schema(description = "How many deliveries were queued: at most qorgau.webhooks.max-replay (1,000) a call")
            int queued,

            @Schema(description = "Present when the call stopped at its maximum: replay again from here for the rest")
            Long nextFromPosition) {}
}
