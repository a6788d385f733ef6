package kz.qorgau.notification;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import kz.qorgau.security.TenantsConfig;
import kz.qorgau.tenant.TenantOverride;
import org.jboss.logging.Logger;

/**
 * Keeps the operational tables from growing for ever: finished webhook deliveries, and relayed outbox events
 * with their change-feed rows, older than the network's {@code feed-retention}, removed a small batch per
 * transaction. Several replicas may run it at once: each batch takes only rows no other holds (skip locked).
 *
 * <p>An event is removed only once no pending delivery needs it, and the network's counter remembers the
 * highest position removed, so that a partner whose cursor is older hears 410 and resyncs instead of
 * silently missing events.
 */
@ApplicationScoped
public class FeedRetention {

    private static final Logger LOG = Logger.getLogger(FeedRetention.class);
    static final int BATCH = 1_000;

    @Inject
    EntityManager em;

    @Inject
    TenantsConfig tenants;

    @Inject
    TenantOverride override;

    @Inject
    Clock clock;

    @Scheduled(
            every = "{qorgau.feed-retention.check-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @ActivateRequestContext
    void periodically() {
        tenants.all().forEach((tenant, config) -> {
            int removed = prune(tenant, clock.instant().minus(config.feedRetention()));
            if (removed > 0) {
                LOG.infof("Feed retention removed %d rows of network %s", removed, tenant);
            }
        });
    }

    /** Removes what of the network is older than {@code cutoff}, batch by batch; returns how many rows. */
    @ActivateRequestContext
    public int prune(String tenant, Instant cutoff) {
        // Row-level security shows a transaction the rows of the tenant it acts for alone.
        override.actFor(tenant);
        try {
            int total = 0;
            int removed;
            do {
                removed = QuarkusTransaction.requiringNew().call(() -> deliveries(tenant, cutoff));
                total += removed;
            } while (removed == BATCH);
            do {
                removed = QuarkusTransaction.requiringNew().call(() -> events(tenant, cutoff));
                total += removed;
            } while (removed == BATCH);
            return total;
        } finally {
            override.clear();
        }
    }

    private int deliveries(String tenant, Instant cutoff) {
        return em.createNativeQuery("""
                        delete from webhook_delivery where id in (
                            select id from webhook_delivery
                            where tenant_id = ?1 and status <> 'PENDING' and created_at < ?2
                            limit ?3 for update skip locked)""")
                .setParameter(1, tenant)
                .setParameter(2, Timestamp.from(cutoff))
                .setParameter(3, BATCH)
                .executeUpdate();
    }

    /** One batch of events with their feed rows; returns how many events. */
    private int events(String tenant, Instant cutoff) {
        @SuppressWarnings("unchecked")
        java.util.List<Object[]> removed = em.createNativeQuery("""
                        with old as (
                            select o.seq, o.position from outbox_event o
                            where o.tenant_id = ?1 and o.position is not null and o.created_at < ?2
                              and not exists (select 1 from webhook_delivery d where d.event_seq = o.seq)
                            order by o.position
                            limit ?3 for update skip locked),
                        feed as (
                            delete from agency_feed f using old where f.event_seq = old.seq returning f.event_seq),
                        -- Both deletes see the same rows; the feed's foreign key is checked when the statement ends.
                        gone as (
                            delete from outbox_event o using old where o.seq = old.seq returning o.position)
                        select count(*), coalesce(max(position), 0) from gone""")
                .setParameter(1, tenant)
                .setParameter(2, Timestamp.from(cutoff))
                .setParameter(3, BATCH)
                .getResultList();
        long count = ((Number) removed.get(0)[0]).longValue();
        long highest = ((Number) removed.get(0)[1]).longValue();
        if (count > 0) {
            em.createNativeQuery("update feed_counter set pruned_through = greatest(pruned_through, ?2)"
                            + " where tenant_id = ?1")
                    .setParameter(1, tenant)
                    .setParameter(2, highest)
                    .executeUpdate();
        }
        return (int) count;
    }
}
