package kz.qorgau.casefile;

import java.time.Instant;
import java.util.UUID;

/**
 * Fired, inside the transaction that anonymises a case, for what other capabilities keep about her apart from
 * the case's own tables (its documents): they erase it in the same transaction.
 */
public record CaseAnonymised(String tenantId, UUID caseId, Instant at) {}
