package kz.qorgau.notification;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.common.Cursor;
import kz.qorgau.common.Json;
import kz.qorgau.common.ProblemException;
import kz.qorgau.common.SqlValues;
import kz.qorgau.notification.NotificationDtos.EventPage;
import kz.qorgau.notification.NotificationDtos.EventView;
import kz.qorgau.security.AccessPolicy;
import kz.qorgau.security.AccessRules;
import kz.qorgau.security.Capability;

/**
 * The change feed for partners that cannot receive webhooks: the events the caller's agency may hear of
 * (coordinators: their network's), in feed position order, after a cursor the previous page returned.
 */
@ApplicationScoped
public class ChangeFeed {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    @Inject
    EntityManager em;

    @Inject
    AccessPolicy access;

    @Inject
    Json json;

    @Transactional
    public EventPage after(String cursor, int limit) {
        access.require(Capability.READ_EVENTS);
        long after = cursor == null ? 0 : Cursor.position(cursor, "after");
        boolean network = AccessRules.seesWholeNetwork(access.caller());
        // The tenant is checked on every row as well as the agency: a token of one network whose agency claim
        // names another network's agency reads nothing.
        String sql = network ? """
                  select o.position, o.id, o.event_type, o.aggregate_type, o.aggregate_id, o.created_at, cast(o.payload as text),
                         (select c.pruned_through from feed_counter c where c.tenant_id = ?1)
                  from outbox_event o where o.tenant_id = ?1 and o.position > ?2
                    and o.aggregate_type = any(cast(?4 as varchar[]))
                  order by o.position limit ?3""" : """
                  select o.position, o.id, o.event_type, o.aggregate_type, o.aggregate_id, o.created_at, cast(o.payload as text),
                         (select c.pruned_through from feed_counter c where c.tenant_id = ?1)
                  from agency_feed f join outbox_event o on o.seq = f.event_seq
                  where f.agency_id = ?5 and f.tenant_id = ?1 and o.tenant_id = ?1 and f.position > ?2
                    and o.aggregate_type = any(cast(?4 as varchar[]))
                  order by f.position limit ?3""";
        Set<String> readable = EventReaders.aggregatesReadableBy(access.caller());
        var query = em.createNativeQuery(sql)
                .setParameter(1, access.caller().tenantId())
                .setParameter(2, after)
                .setParameter(3, limit)
                .setParameter(4, "{" + String.join(",", readable) + "}");
        if (!network) {
            query.setParameter(5, access.caller().agencyId().orElseThrow());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        if (cursor != null) {
            // How far retention has removed comes with the page (no round trip of its own), or is asked for when
            // the page is empty.
            if (rows.isEmpty()) {
                refuseOutsideFeed(em, access.caller().tenantId(), after);
            } else if (rows.get(0)[7] != null && after < ((Number) rows.get(0)[7]).longValue()) {
                throw pruned(after);
            }
        }
        List<EventView> events = rows.stream()
                .map(r -> new EventView(
                        ((Number) r[0]).longValue(),
                        (UUID) r[1],
                        (String) r[2],
                        (String) r[3],
                        (UUID) r[4],
                        SqlValues.instant(r[5]),
                        json.read((String) r[6], MAP)))
                .toList();
        long last = events.isEmpty() ? after : events.get(events.size() - 1).position();
        return new EventPage(events, Cursor.ofPosition(last));
    }

    /**
     * A position older than what retention has removed answers 410: the reader would otherwise skip, without a
     * word, every event removed after it. It starts again without a cursor (or from its own records).
     *
     * <p>So does a position beyond the last one given out: no cursor of this feed holds one, unless the database
     * was restored from a backup older than the cursor, and then the positions after the restored head will be
     * given to new events the reader would skip.
     */
    static void refuseOutsideFeed(EntityManager em, String tenant, long position) {
        @SuppressWarnings("unchecked")
        List<Object[]> counter = em.createNativeQuery(
                        "select pruned_through, last_position from feed_counter where tenant_id = ?1")
                .setParameter(1, tenant)
                .getResultList();
        long pruned = counter.isEmpty() ? 0 : ((Number) counter.get(0)[0]).longValue();
        long last = counter.isEmpty() ? 0 : ((Number) counter.get(0)[1]).longValue();
        if (pruned > 0 && position < pruned) {
            throw pruned(position);
        }
        if (position > last) {
            // The detail does not say where the feed stands: that would tell any reader the network's activity.
            throw new ProblemException.Gone("Position " + position + " is beyond the last the network's feed has"
                    + " given out: the cursor is not from this feed, or the service was restored from a backup older"
                    + " than it; read the feed again without a cursor and resync");
        }
    }

    private static ProblemException.Gone pruned(long position) {
        return new ProblemException.Gone("Events after position " + position + " are past the network's feed "
                + "retention and were removed; read the feed again without a cursor and resync");
    }
}
