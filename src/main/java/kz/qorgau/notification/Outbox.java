package kz.qorgau.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.common.EventLog;
import kz.qorgau.common.Json;
import kz.qorgau.common.TimeAndIds.IdGenerator;

/** Appends events to the outbox inside the caller's transaction; delivery happens elsewhere, later. */
@ApplicationScoped
public class Outbox implements EventLog {

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
        OutboxEvent event = new OutboxEvent();
        event.id = ids.newId();
        event.aggregateType = aggregateType;
        event.aggregateId = aggregateId;
        event.eventType = eventType;
        event.audience = audience.toArray(UUID[]::new);
        event.payload = json.write(payload);
        event.createdAt = clock.instant();
        em.persist(event);
    }
}
