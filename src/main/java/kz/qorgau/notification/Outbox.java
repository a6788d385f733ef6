package kz.qorgau.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.common.EventLog;
import kz.qorgau.common.Json;
import kz.qorgau.common.TimeAndIds.IdGenerator;
import org.hibernate.Session;

/**
 * Appends events to the outbox inside the caller's transaction; delivery happens elsewhere, later.
 *
 * <p>The row is written with one plain INSERT on the transaction's own connection, not persisted as an {@link
 * OutboxEvent}: every write path appends an event, and persisting one (an identity insert, which Hibernate runs at
 * once after flushing what it holds, reading the new key back) was an eighth of the CPU of an incident POST and of a
 * transition (issue 26). The row is never changed afterwards, so Hibernate has nothing to track. Its network is the
 * session's, as {@code @TenantId} would set it, and PostgreSQL's row-level security refuses any other.
 */
@ApplicationScoped
public class Outbox implements EventLog {

    private static final String INSERT = "insert into outbox_event"
            + " (id, tenant_id, aggregate_type, aggregate_id, event_type, audience, payload, created_at)"
            + " values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)";

    @Inject
    EntityManager em;

    @Inject
    Json json;

    @Inject
    Clock clock;

    @Inject
    IdGenerator ids;

    /** Payloads carry ids, states and times, never a survivor's personal data. */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String aggregateType, UUID aggregateId, String eventType, Set<UUID> audience, Object payload) {
        if (!EventReaders.READ_BY.containsKey(aggregateType)) {
            // The feed could not tell who may read it: every kind of event needs its reader rule first.
            throw new IllegalArgumentException("No reader rule for events about " + aggregateType);
        }
        if (!EventTypes.isKnown(eventType)) {
            // Subscribers choose among EventTypes; an event outside it could never be subscribed to by name.
            throw new IllegalArgumentException("Event type " + eventType + " is not in EventTypes");
        }
        UUID id = ids.newId();
        Object[] readers = audience.toArray();
        String body = json.write(payload);
        Instant createdAt = clock.instant();
        Session session = em.unwrap(Session.class);
        Object tenant = session.getTenantIdentifierValue();
        session.doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setObject(1, id);
                insert.setObject(2, tenant);
                insert.setString(3, aggregateType);
                insert.setObject(4, aggregateId);
                insert.setString(5, eventType);
                insert.setArray(6, connection.createArrayOf("uuid", readers));
                insert.setString(7, body);
                insert.setObject(8, OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC));
                insert.executeUpdate();
            }
        });
    }
}
