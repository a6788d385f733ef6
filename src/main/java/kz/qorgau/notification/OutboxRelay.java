package kz.qorgau.notification;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import kz.qorgau.security.TenantsConfig;
import kz.qorgau.tenant.TenantOverride;

/**
 * Moves committed outbox events into the partners' view: each gets a feed position, a row in the feed of
 * every agency of its audience, and a pending delivery for every active subscription that wants it.
 *
 * <p>Only one relay runs at a time across replicas (a transaction-scoped advisory lock), so positions
 * grow in the order relays commit. An event whose transaction committed late simply gets a later
 * position: a reader that follows positions never skips one, which ordering by the outbox's own
 * sequence or by time could not promise.
 */
@ApplicationScoped
public class OutboxRelay {

    static final int BATCH = 500;
    /** Any number no other advisory lock of the service uses. */
    private static final long RELAY_LOCK = 0x51_6f_72_67_61_75_01L;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    OutboxRelay self;

    @Inject
    TenantsConfig tenants;

    @Inject
    TenantOverride override;

    @Scheduled(
            every = "{qorgau.notifications.relay-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void periodically() {
        relay();
    }

    /** @return how many events this call positioned, across all tenants */
    @ActivateRequestContext
    public int relay() {
        int total = 0;
        // Row-level security shows a transaction the events of the tenant it acts for alone.
        for (String tenant : tenants.all().keySet()) {
            override.actFor(tenant);
            try {
                int batch;
                do {
                    batch = self.relayBatch(tenant);
                    total += batch;
                } while (batch == BATCH);
            } finally {
                override.clear();
            }
        }
        return total;
    }

    @Transactional
    int relayBatch(String tenant) {
        boolean alone = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, RELAY_LOCK)
                .getSingleResult();
        if (!alone) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<Number> positions = em.createNativeQuery("""
                        with batch as (
                            select seq from outbox_event where position is null and tenant_id = ?2 order by seq limit ?1),
                        counter as (
                            insert into feed_counter (tenant_id, last_position)
                            select ?2, count(*) from batch having count(*) > 0
                            on conflict (tenant_id) do update
                                set last_position = feed_counter.last_position + excluded.last_position
                            returning last_position - (select count(*) from batch) as base),
                        numbered as (
                            select b.seq, c.base + row_number() over (order by b.seq) as position
                            from batch b cross join counter c)
                        update outbox_event o set position = n.position from numbered n where o.seq = n.seq
                        returning o.position""")
                .setParameter(1, BATCH)
                .setParameter(2, tenant)
                .getResultList();
        if (positions.isEmpty()) {
            return 0;
        }
        // The network's counter row is locked until commit, so this batch's positions are one unbroken range, and
        // positions are numbered per network: no partner learns another network's activity from the gaps.
        long first = positions.stream().mapToLong(Number::longValue).min().orElseThrow();
        long last = positions.stream().mapToLong(Number::longValue).max().orElseThrow();
        em.createNativeQuery("""
                        insert into agency_feed (agency_id, position, tenant_id, event_seq)
                        select a.agency, o.position, o.tenant_id, o.seq
                        from outbox_event o cross join unnest(o.audience) as a(agency)
                        where o.position between ?1 and ?2 and o.tenant_id = ?3""")
                .setParameter(1, first)
                .setParameter(2, last)
                .setParameter(3, tenant)
                .executeUpdate();
        Timestamp now = Timestamp.from(clock.instant());
        em.createNativeQuery("""
                        insert into webhook_delivery (id, tenant_id, subscription_id, event_seq, position, aggregate_id,
                            status, attempts, next_attempt_at, created_at)
                        select gen_random_uuid(), o.tenant_id, s.id, o.seq, o.position, o.aggregate_id, 'PENDING', 0, ?3, ?3
                        from outbox_event o
                        join webhook_subscription s on s.tenant_id = o.tenant_id and s.active
                            and s.agency_id = any(o.audience)
                            and (cardinality(s.event_types) = 0 or o.event_type = any(s.event_types))
                            and o.aggregate_type = any(s.readable_aggregates)
                        where o.position between ?1 and ?2 and o.tenant_id = ?4""")
                .setParameter(1, first)
                .setParameter(2, last)
                .setParameter(3, now)
                .setParameter(4, tenant)
                .executeUpdate();
        return positions.size();
    }
}
