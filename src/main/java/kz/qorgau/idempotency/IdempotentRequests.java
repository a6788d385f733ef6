package kz.qorgau.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import kz.qorgau.common.ProblemException;
import kz.qorgau.common.ProblemException.FieldError;
import kz.qorgau.privacy.BlindIndex;

/**
 * Creations that happen once per Idempotency-Key: the first request under a key goes on and creates its
 * resource, a repeat of it (the same request under the same key, from the same agency) is told which
 * resource that was, and another request under a used key is refused (422). The key is claimed in the
 * transaction that creates the resource, so a repeat sent while the first is still running waits for it,
 * and a first that fails leaves the key free.
 */
@ApplicationScoped
public class IdempotentRequests {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @Inject
    BlindIndex index;

    /** Who answers a request under a key: a new resource with this id, or the one a first request made. */
    public record Claim(UUID resourceId, boolean first) {}

    /**
     * Claims the key for a request, or finds the resource the first request under it made.
     *
     * @param newId the id the resource gets if this request is the first
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Claim claim(String tenantId, UUID agency, String operation, String key, Object request, UUID newId) {
        byte[] hash = hash(tenantId, request);
        @SuppressWarnings("unchecked")
        List<Object> inserted = em.createNativeQuery("""
                        insert into idempotency_key (tenant_id, agency_id, operation, key, request_hash, resource_id, created_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict do nothing returning resource_id""")
                .setParameter(1, tenantId)
                .setParameter(2, agency)
                .setParameter(3, operation)
                .setParameter(4, key)
                .setParameter(5, hash)
                .setParameter(6, newId)
                .setParameter(7, Timestamp.from(clock.instant()))
                .getResultList();
        if (!inserted.isEmpty()) {
            return new Claim(newId, true);
        }
        Object[] first = (Object[]) em.createNativeQuery("""
                        select request_hash, resource_id from idempotency_key
                        where tenant_id = ?1 and agency_id = ?2 and operation = ?3 and key = ?4""")
                .setParameter(1, tenantId)
                .setParameter(2, agency)
                .setParameter(3, operation)
                .setParameter(4, key)
                .getSingleResult();
        if (!Arrays.equals((byte[]) first[0], hash)) {
            throw new ProblemException.Unprocessable(
                    "The Idempotency-Key was used before for another request",
                    List.of(new FieldError("Idempotency-Key", "was used before for another request")));
        }
        return new Claim((UUID) first[1], false);
    }

    /**
     * The request's content, whatever the order of its fields and of the members of its sets, under the
     * network's search key: the request holds her name and phone, which an unkeyed hash would let anyone
     * holding the table confirm by guessing.
     */
    private byte[] hash(String tenantId, Object request) {
        return index.ofRequest(tenantId, canonical(mapper.valueToTree(request)).toString());
    }

    private static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, JsonNode> fields = new TreeMap<>();
            node.fields().forEachRemaining(f -> fields.put(f.getKey(), canonical(f.getValue())));
            ObjectNode sorted = JsonNodeFactory.instance.objectNode();
            fields.forEach(sorted::set);
            return sorted;
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(item -> items.add(canonical(item)));
            items.sort(Comparator.comparing(JsonNode::toString));
            ArrayNode sorted = JsonNodeFactory.instance.arrayNode();
            items.forEach(sorted::add);
            return sorted;
        }
        return node;
    }
}
