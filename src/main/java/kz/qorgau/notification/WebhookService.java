package kz.qorgau.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.agency.CallerAgency;
import kz.qorgau.audit.AuditAction;
import kz.qorgau.audit.AuditTrail;
import kz.qorgau.audit.AuditTrail.Subject;
import kz.qorgau.common.Cursor;
import kz.qorgau.common.Page;
import kz.qorgau.common.ProblemException;
import kz.qorgau.common.SqlValues;
import kz.qorgau.common.TimeAndIds.IdGenerator;
import kz.qorgau.notification.NotificationDtos.DeliveryView;
import kz.qorgau.notification.NotificationDtos.NewSubscription;
import kz.qorgau.notification.NotificationDtos.ReplayResult;
import kz.qorgau.notification.NotificationDtos.SubscriptionView;
import kz.qorgau.privacy.FieldCipher;
import kz.qorgau.security.AccessPolicy;
import kz.qorgau.security.Capability;

/** An agency's webhook subscriptions, kept by its agency-admin, with their delivery logs and replays. */
@ApplicationScoped
public class WebhookService {

    static final int MAX_SUBSCRIPTIONS = 20;

    @Inject
    ReceiverGuard guard;

    @Inject
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    AccessPolicy access;

    @Inject
    CallerAgency callerAgency;

    @Inject
    FieldCipher cipher;

    @Inject
    WebhookConfig config;

    @Inject
    Clock clock;

    @Inject
    IdGenerator ids;

    static String secretContext(String tenantId, UUID subscriptionId) {
        return "webhook/" + tenantId + "/" + subscriptionId + "/secret";
    }

    private static String[] eventTypes(NewSubscription request, Set<String> readable) {
        String[] types = request.eventTypes() == null
                ? new String[0]
                : request.eventTypes().stream()
                        .map(String::strip)
                        .sorted()
                        .distinct()
                        .toArray(String[]::new);
        for (String type : types) {
            if (!EventTypes.isKnown(type)) {
                throw new ProblemException.InvalidInput(
                        "eventTypes", "'" + type + "' is not an event type; one of " + EventTypes.all());
            }
            if (!readable.contains(EventTypes.aggregateOf(type))) {
                // It would never be delivered: the subscriber's roles do not read what it is about.
                throw new ProblemException.InvalidInput(
                        "eventTypes", "'" + type + "' is about records the subscriber's roles do not read");
            }
        }
        return types;
    }

    /** Subscribes the caller's agency; the answer carries the signing secret, the only time it is shown. */
    @Transactional
    public SubscriptionView subscribe(NewSubscription request) {
        access.require(Capability.MANAGE_WEBHOOKS);
        UUID agency = callerAgency.requireRegistered();
        // Events go to the receiver as the change feed gives them to its subscriber: only what its roles read.
        Set<String> readable = EventReaders.aggregatesReadableBy(access.caller());
        if (readable.isEmpty()) {
            throw new ProblemException.Forbidden("The caller's roles read none of the events a subscription carries;"
                    + " the system that receives them subscribes with its own client (a case worker's role as well"
                    + " as agency-admin)");
        }
        String[] eventTypes = eventTypes(request, readable);
        URI url = receiver(request.url());
        long existing = em.createQuery(
                        "select count(s) from WebhookSubscription s where s.agencyId = :a and s.active", Long.class)
                .setParameter("a", agency)
                .getSingleResult();
        if (existing >= MAX_SUBSCRIPTIONS) {
            throw new ProblemException.Conflict(
                    "An agency keeps at most " + MAX_SUBSCRIPTIONS + " active subscriptions");
        }
        Instant now = clock.instant();
        String secret = WebhookSignature.newSecret();
        WebhookSubscription subscription = new WebhookSubscription();
        subscription.id = ids.newId();
        subscription.tenantId = access.caller().tenantId();
        subscription.agencyId = agency;
        subscription.url = url.toString();
        subscription.readableAggregates = readable.toArray(String[]::new);
        subscription.eventTypes = eventTypes;
        subscription.secretSealed = cipher.seal(secret, secretContext(subscription.tenantId, subscription.id));
        subscription.active = true;
        subscription.createdBy = access.caller().subject();
        subscription.createdAt = now;
        subscription.updatedAt = now;
        em.persist(subscription);
        audit.record(
                AuditAction.WEBHOOK_SUBSCRIBE,
                Subject.of("webhook-subscription", subscription.id, null),
                List.of(),
                // Where the network's events go: the receiver's scheme, host and port (its path may hold a token).
                "receiver=" + url.getScheme() + "://" + url.getHost() + (url.getPort() == -1 ? "" : ":" + url.getPort())
                        + " eventTypes=" + String.join(",", eventTypes));
        return view(subscription, secret);
    }

    @Transactional
    public List<SubscriptionView> list() {
        access.require(Capability.MANAGE_WEBHOOKS);
        UUID agency = callerAgency.requireRegistered();
        // Active ones are capped at MAX_SUBSCRIPTIONS; stopped ones beyond the newest 200 are not listed.
        return em
                .createQuery(
                        "from WebhookSubscription where agencyId = :a order by active desc, createdAt desc, id",
                        WebhookSubscription.class)
                .setParameter("a", agency)
                .setMaxResults(200)
                .getResultList()
                .stream()
                .map(s -> view(s, null))
                .toList();
    }

    @Transactional
    public SubscriptionView get(UUID id) {
        return view(own(id), null);
    }

    /** Stops deliveries to it; its log stays readable. */
    @Transactional
    public void unsubscribe(UUID id) {
        WebhookSubscription subscription = own(id);
        if (!subscription.active) {
            // Stopping a stopped subscription changes nothing, and is no second entry in the trail.
            return;
        }
        subscription.active = false;
        subscription.updatedAt = clock.instant();
        audit.record(
                AuditAction.WEBHOOK_UNSUBSCRIBE, Subject.of("webhook-subscription", subscription.id, null), List.of());
    }

    @Transactional
    public Page<DeliveryView> deliveries(UUID id, DeliveryStatus status, String cursor, int limit) {
        WebhookSubscription subscription = own(id);
        StringBuilder where = new StringBuilder("d.subscription_id = :subscription");
        if (status != null) {
            where.append(" and d.status = :status");
        }
        if (cursor != null) {
            where.append(" and (d.position, d.id) > (:position, :id)");
        }
        var query = em.createNativeQuery(DELIVERIES + " where " + where + " order by d.position, d.id limit :limit")
                .setParameter("subscription", subscription.id)
                .setParameter("limit", limit + 1);
        if (status != null) {
            query.setParameter("status", status.name());
        }
        if (cursor != null) {
            List<String> keys = Cursor.decode(cursor, 2);
            try {
                query.setParameter("position", Long.parseLong(keys.get(0)))
                        .setParameter("id", UUID.fromString(keys.get(1)));
            } catch (IllegalArgumentException e) {
                throw Cursor.invalid();
            }
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        boolean more = rows.size() > limit;
        List<DeliveryView> views = (more ? rows.subList(0, limit) : rows)
                .stream().map(WebhookService::delivery).toList();
        DeliveryView last = views.isEmpty() ? null : views.get(views.size() - 1);
        return new Page<>(
                views,
                more ? Cursor.encode(Long.toString(last.position()), last.id().toString()) : null);
    }

    private static final String DELIVERIES = """
            select d.id, o.id, o.event_type, d.position, d.aggregate_id, d.status, d.attempts, d.next_attempt_at,
                   d.last_attempt_at, d.last_status, d.last_error, d.delivered_at
            from webhook_delivery d join outbox_event o on o.seq = d.event_seq""";

    /** Sends a delivery again from its first try, dead-lettered or not. */
    @Transactional
    public DeliveryView replay(UUID id, UUID deliveryId) {
        WebhookSubscription subscription = own(id);
        int updated = em.createNativeQuery("""
                        update webhook_delivery set status = 'PENDING', attempts = 0, next_attempt_at = ?3,
                            last_error = null, delivered_at = null
                        where id = ?2 and subscription_id = ?1""")
                .setParameter(1, subscription.id)
                .setParameter(2, deliveryId)
                .setParameter(3, Timestamp.from(clock.instant()))
                .executeUpdate();
        if (updated == 0) {
            throw new ProblemException.NotFound("Delivery " + deliveryId + " of subscription " + id);
        }
        audit.record(
                AuditAction.WEBHOOK_REPLAY,
                Subject.of("webhook-subscription", subscription.id, null),
                List.of(),
                "delivery=" + deliveryId);
        return delivery((Object[]) em.createNativeQuery(DELIVERIES + " where d.id = :id")
                .setParameter("id", deliveryId)
                .getSingleResult());
    }

    /**
     * Queues the events of the agency's feed from {@code fromPosition} on again, as new deliveries: at most
     * {@code qorgau.webhooks.max-replay} a call, so that one call cannot flood a receiver or the delivery table; the answer says
     * where to go on from.
     */
    @Transactional
    public ReplayResult replayFrom(UUID id, long fromPosition) {
        WebhookSubscription subscription = own(id);
        if (!subscription.active) {
            throw new ProblemException.Conflict("Subscription " + id + " is no longer active");
        }
        ChangeFeed.refuseOutsideFeed(em, subscription.tenantId, fromPosition - 1);
        Object[] queued = (Object[]) em.createNativeQuery("""
                        with queued as (
                            insert into webhook_delivery (id, tenant_id, subscription_id, event_seq, position,
                                aggregate_id, status, attempts, next_attempt_at, created_at)
                            select gen_random_uuid(), f.tenant_id, ?1, o.seq, f.position, o.aggregate_id, 'PENDING', 0,
                                ?4, ?4
                            from agency_feed f join outbox_event o on o.seq = f.event_seq
                            where f.agency_id = ?2 and f.position >= ?3
                              and (cardinality(cast(?5 as varchar[])) = 0 or o.event_type = any(cast(?5 as varchar[])))
                              and o.aggregate_type = any(cast(?6 as varchar[]))
                              -- An event already waiting to go to this subscription is not queued twice.
                              and not exists (select 1 from webhook_delivery d where d.event_seq = o.seq
                                  and d.subscription_id = ?1 and d.status = 'PENDING')
                            order by f.position
                            limit ?7
                            returning position)
                        select count(*), max(position) from queued""")
                .setParameter(1, subscription.id)
                .setParameter(2, subscription.agencyId)
                .setParameter(3, fromPosition)
                .setParameter(4, Timestamp.from(clock.instant()))
                .setParameter(5, subscription.eventTypes)
                .setParameter(6, subscription.readableAggregates)
                .setParameter(7, config.maxReplay())
                .getSingleResult();
        int count = ((Number) queued[0]).intValue();
        Long next = count == config.maxReplay() ? ((Number) queued[1]).longValue() + 1 : null;
        audit.record(
                AuditAction.WEBHOOK_REPLAY,
                Subject.of("webhook-subscription", subscription.id, null),
                List.of(),
                "fromPosition=" + fromPosition + " queued=" + count);
        return new ReplayResult(count, next);
    }

    /** A subscription of the caller's agency, or 404 exactly as for one that does not exist. */
    private WebhookSubscription own(UUID id) {
        access.require(Capability.MANAGE_WEBHOOKS);
        UUID agency = callerAgency.requireRegistered();
        WebhookSubscription subscription = em.find(WebhookSubscription.class, id);
        if (subscription == null || !subscription.agencyId.equals(agency)) {
            throw new ProblemException.NotFound("Webhook subscription " + id);
        }
        return subscription;
    }

    /** A receiver the service may call: an absolute URL whose host the receiver guard lets it reach. */
    private URI receiver(String text) {
        URI url;
        try {
            url = URI.create(text.strip());
        } catch (IllegalArgumentException e) {
            throw new ProblemException.InvalidInput("url", "is not a URL");
        }
        boolean https = "https".equalsIgnoreCase(url.getScheme());
        boolean http = "http".equalsIgnoreCase(url.getScheme());
        if (!url.isAbsolute() || url.getHost() == null || !(https || http && config.allowHttp())) {
            throw new ProblemException.InvalidInput(
                    "url",
                    config.allowHttp() ? "must be an absolute http or https URL" : "must be an absolute https URL");
        }
        if (url.getUserInfo() != null || url.getFragment() != null) {
            throw new ProblemException.InvalidInput("url", "must not carry credentials or a fragment");
        }
        try {
            guard.addresses(access.caller().tenantId(), url);
        } catch (ReceiverGuard.Refused refused) {
            throw new ProblemException.InvalidInput("url", refused.getMessage());
        }
        return url;
    }

    private static SubscriptionView view(WebhookSubscription s, String secret) {
        return new SubscriptionView(
                s.id,
                s.agencyId,
                s.url,
                new LinkedHashSet<>(Arrays.asList(s.eventTypes)),
                s.active,
                secret,
                s.createdAt);
    }

    private static DeliveryView delivery(Object[] r) {
        return new DeliveryView(
                (UUID) r[0],
                (UUID) r[1],
                (String) r[2],
                ((Number) r[3]).longValue(),
                (UUID) r[4],
                (String) r[5],
                ((Number) r[6]).intValue(),
                SqlValues.instant(r[7]),
                SqlValues.instant(r[8]),
                r[9] == null ? null : ((Number) r[9]).intValue(),
                (String) r[10],
                SqlValues.instant(r[11]));
    }
}
