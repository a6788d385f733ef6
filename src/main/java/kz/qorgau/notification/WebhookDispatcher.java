package kz.qorgau.notification;

import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;
import kz.qorgau.common.Json;
import kz.qorgau.common.SqlValues;
import kz.qorgau.privacy.FieldCipher;
import kz.qorgau.security.TenantsConfig;
import kz.qorgau.tenant.TenantOverride;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.jboss.logging.Logger;

/**
 * Delivers pending webhook deliveries, at least once and in order per referral (per aggregate) for each
 * subscription. A worker claims due deliveries in one short transaction (FOR UPDATE SKIP LOCKED, then a
 * lease), sends them outside any transaction, and records each outcome in another. Workers on several
 * replicas never claim the same delivery; one that dies mid-way lets its lease lapse and the delivery is
 * sent again. A delivery is not claimed while an earlier one for the same subscription and aggregate is
 * still pending, so a retrying event holds back the later events of its referral, never another's.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    @Inject
    EntityManager em;

    @Inject
    WebhookConfig config;

    @Inject
    FieldCipher cipher;

    @Inject
    Json json;

    @Inject
    Clock clock;

    @Inject
    WebhookDispatcher self;

    @Inject
    TenantsConfig tenants;

    @Inject
    TenantOverride override;

    @Inject
    ReceiverGuard guard;

    private CloseableHttpClient http;

    /** The threads deliveries are sent on, as many as a batch holds. */
    private ExecutorService senders;

    private ScheduledExecutorService deadlines;

    @PostConstruct
    void start() {
        Timeout perRead = Timeout.of(config.timeout());
        http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        // Every receiver is called at the address the guard checked, never by a lookup of its own.
                        .setDnsResolver(new DnsResolver() {
                            @Override
                            public InetAddress[] resolve(String host) throws UnknownHostException {
                                throw new UnknownHostException("receivers are reached at checked addresses only");
                            }

                            @Override
                            public String resolveCanonicalHostname(String host) throws UnknownHostException {
                                throw new UnknownHostException("receivers are reached at checked addresses only");
                            }
                        })
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofSeconds(5))
                                .setSocketTimeout(perRead)
                                .build())
                        .setMaxConnTotal(config.batch())
                        .setMaxConnPerRoute(config.batch())
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .build();
        senders = Executors.newFixedThreadPool(config.batch(), daemon("webhook-sender"));
        deadlines = Executors.newSingleThreadScheduledExecutor(daemon("webhook-deadline"));
    }

    @PreDestroy
    void stop() {
        senders.shutdownNow();
        deadlines.shutdownNow();
        try {
            http.close();
        } catch (IOException e) {
            LOG.debug("Closing the webhook client", e);
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    record Claim(
            UUID deliveryId,
            String tenantId,
            UUID subscriptionId,
            String url,
            byte[] sealedSecret,
            UUID eventId,
            String eventType,
            Instant occurredAt,
            String payload,
            int attempts) {}

    @Scheduled(
            every = "{qorgau.webhooks.dispatch-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void periodically() {
        int sent;
        do {
            sent = dispatchDue(clock.instant());
        } while (sent >= config.batch());
    }

    /**
     * Claims and sends, for each tenant in turn, one batch of the deliveries due at {@code now}, all at once:
     * a batch never holds two deliveries of one subscription and referral, so sending them side by side
     * keeps each referral's order.
     *
     * @return how many it claimed, across all tenants
     */
    @ActivateRequestContext
    public int dispatchDue(Instant now) {
        int claimed = 0;
        // Row-level security shows a transaction the deliveries of the tenant it acts for alone.
        for (String tenant : tenants.all().keySet()) {
            override.actFor(tenant);
            try {
                claimed += dispatchBatch(tenant, now);
            } finally {
                override.clear();
            }
        }
        return claimed;
    }

    private int dispatchBatch(String tenant, Instant now) {
        List<Claim> claims = self.claim(tenant, now);
        if (claims.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<Outcome>> sending =
                claims.stream().map(claim -> sendAlone(claim, now)).toList();
        List<Outcome> outcomes = sending.stream().map(CompletableFuture::join).toList();
        Instant at = clock.instant().isAfter(now) ? clock.instant() : now;
        self.record(claims, outcomes, at);
        return claims.size();
    }

    @Transactional
    List<Claim> claim(String tenant, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        with due as (
                            select d.id from webhook_delivery d
                            join webhook_subscription live on live.id = d.subscription_id and live.active
                            where d.tenant_id = ?4 and d.status = 'PENDING' and d.next_attempt_at <= ?1
                              and not exists (
                                  select 1 from webhook_delivery e
                                  where e.subscription_id = d.subscription_id and e.aggregate_id = d.aggregate_id
                                    and e.status = 'PENDING' and e.position < d.position)
                            order by d.position limit ?2 for update of d skip locked)
                        update webhook_delivery d set next_attempt_at = ?3
                        from due, webhook_subscription s, outbox_event o
                        where d.id = due.id and s.id = d.subscription_id and o.seq = d.event_seq
                        returning d.id, d.tenant_id, s.id, s.url, s.secret_sealed, o.id, o.event_type, o.created_at,
                                  cast(o.payload as text), d.attempts, d.position""")
                .setParameter(1, Timestamp.from(now))
                .setParameter(2, config.batch())
                .setParameter(3, Timestamp.from(now.plus(config.lease())))
                .setParameter(4, tenant)
                .getResultList();
        return rows.stream()
                .sorted((a, b) -> Long.compare(((Number) a[10]).longValue(), ((Number) b[10]).longValue()))
                .map(r -> new Claim(
                        (UUID) r[0],
                        (String) r[1],
                        (UUID) r[2],
                        (String) r[3],
                        (byte[]) r[4],
                        (UUID) r[5],
                        (String) r[6],
                        SqlValues.instant(r[7]),
                        (String) r[8],
                        ((Number) r[9]).intValue()))
                .toList();
    }

    record Outcome(boolean delivered, Integer status, String error) {}

    /**
     * One delivery whatever goes wrong with it: a failure of its own is its outcome, never the batch's, so one
     * subscription the sender cannot even build a request for does not hold back every other of the network.
     */
    private CompletableFuture<Outcome> sendAlone(Claim claim, Instant now) {
        CompletableFuture<Outcome> sending;
        try {
            sending = send(claim, now);
        } catch (RuntimeException e) {
            sending = CompletableFuture.failedFuture(e);
        }
        return sending.exceptionally(e -> {
            LOG.warnf(
                    "Webhook delivery %s failed before it was sent: %s",
                    claim.deliveryId(), e.getClass().getName());
            return new Outcome(false, null, "REQUEST_FAILED");
        });
    }

    /**
     * Sends one delivery on a worker thread, to an address the receiver guard checked, and answers by its
     * deadline whatever the receiver does: a receiver that trickles its answer is cut off, and one that
     * never answers is given up on; either way the delivery is tried again later.
     */
    CompletableFuture<Outcome> send(Claim claim, Instant now) {
        URI url = URI.create(claim.url());
        HttpHost target;
        try {
            List<InetAddress> addresses = guard.addresses(claim.tenantId(), url);
            target = new HttpHost(url.getScheme(), addresses.get(0), hostName(url), port(url));
        } catch (ReceiverGuard.Refused refused) {
            return CompletableFuture.completedFuture(new Outcome(false, null, refused.code()));
        }
        HttpPost post;
        try {
            String secret = cipher.open(
                    claim.sealedSecret(), WebhookService.secretContext(claim.tenantId(), claim.subscriptionId()));
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("type", claim.eventType());
            message.put("timestamp", claim.occurredAt());
            message.put("data", json.read(claim.payload(), Object.class));
            String body = json.write(message);
            long timestamp = now.getEpochSecond();
            post = new HttpPost(url);
            post.setHeader("webhook-id", claim.eventId().toString());
            post.setHeader("webhook-timestamp", Long.toString(timestamp));
            post.setHeader(
                    "webhook-signature",
                    WebhookSignature.sign(secret, claim.eventId().toString(), timestamp, body));
            post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
        } catch (RuntimeException e) {
            LOG.warnf(
                    "Webhook delivery %s could not be signed: %s",
                    claim.deliveryId(), e.getClass().getName());
            return CompletableFuture.completedFuture(new Outcome(false, null, "SECRET_UNAVAILABLE"));
        }
        Duration deadline = config.timeout();
        ScheduledFuture<?> cutOff = deadlines.schedule(post::cancel, deadline.toMillis(), TimeUnit.MILLISECONDS);
        return CompletableFuture.supplyAsync(() -> call(target, post), senders)
                .whenComplete((outcome, e) -> cutOff.cancel(false))
                // Should a send outlive its cut-off, the batch still goes on without it.
                .completeOnTimeout(
                        new Outcome(false, null, "TIMEOUT"),
                        deadline.plusSeconds(1).toMillis(),
                        TimeUnit.MILLISECONDS);
    }

    private Outcome call(HttpHost target, HttpPost post) {
        CloseableHttpResponse response = null;
        try {
            response = http.execute(target, post, HttpClientContext.create());
            int status = response.getCode();
            boolean delivered = status >= 200 && status < 300;
            return new Outcome(delivered, status, delivered ? null : "HTTP_STATUS " + status);
        } catch (IOException | RuntimeException e) {
            return new Outcome(false, null, post.isCancelled() ? "TIMEOUT" : failure(e));
        } finally {
            // The answer is its status; its body is never read, so the connection goes with the request.
            post.cancel();
            if (response != null) {
                try {
                    response.close();
                } catch (IOException | RuntimeException ignored) {
                    // The connection was already given up.
                }
            }
        }
    }

    /** What went wrong, in the delivery log's own words: never a class name or a message from the network. */
    private static String failure(Throwable e) {
        if (e instanceof SSLException) {
            return "TLS_FAILED";
        }
        if (e instanceof InterruptedIOException) {
            return "TIMEOUT";
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return "CONNECT_FAILED";
        }
        return "SEND_FAILED";
    }

    private static String hostName(URI url) {
        String host = url.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static int port(URI url) {
        return url.getPort() >= 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }

    /** The outcomes of one batch, in one transaction. */
    @Transactional
    void record(List<Claim> claims, List<Outcome> outcomes, Instant at) {
        for (int i = 0; i < claims.size(); i++) {
            record(claims.get(i), outcomes.get(i), at);
        }
    }

    private void record(Claim claim, Outcome outcome, Instant at) {
        if (outcome.delivered()) {
            em.createNativeQuery("""
                            update webhook_delivery set status = 'DELIVERED', attempts = attempts + 1, last_attempt_at = ?2,
                                last_status = ?3, last_error = null, delivered_at = ?2
                            where id = ?1 and status = 'PENDING'""")
                    .setParameter(1, claim.deliveryId())
                    .setParameter(2, Timestamp.from(at))
                    .setParameter(3, outcome.status())
                    .executeUpdate();
            return;
        }
        int attempts = claim.attempts() + 1;
        RetrySchedule schedule = config.schedule();
        boolean dead = schedule.exhausted(attempts);
        Instant next = dead ? at : at.plus(schedule.delayAfter(attempts, ThreadLocalRandom.current()::nextDouble));
        em.createNativeQuery("""
                        update webhook_delivery set status = ?2, attempts = ?3, last_attempt_at = ?4, last_status = nullif(?5, -1),
                            last_error = ?6, next_attempt_at = ?7
                        where id = ?1 and status = 'PENDING'""")
                .setParameter(1, claim.deliveryId())
                .setParameter(2, dead ? "DEAD" : "PENDING")
                .setParameter(3, attempts)
                .setParameter(4, Timestamp.from(at))
                .setParameter(5, outcome.status() == null ? -1 : outcome.status())
                .setParameter(6, outcome.error())
                .setParameter(7, Timestamp.from(next))
                .executeUpdate();
        if (dead) {
            LOG.warnf(
                    "Webhook delivery %s to subscription %s dead after %d tries: %s",
                    claim.deliveryId(), claim.subscriptionId(), attempts, outcome.error());
        }
    }
}
