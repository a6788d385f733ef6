package kz.qorgau.common;

import java.util.Set;
import java.util.UUID;

/**
 * Where a capability writes an event for the change feed and the webhooks, in its own transaction. The
 * notification package's outbox is the one implementation; the audit trail writes its checkpoints through this
 * interface because notification itself records in the audit trail who changes who gets notified.
 */
public interface EventLog {

    /** Payloads carry ids, states, times and hashes, never a survivor's personal data. */
    void append(String aggregateType, UUID aggregateId, String eventType, Set<UUID> audience, Object payload);
}
