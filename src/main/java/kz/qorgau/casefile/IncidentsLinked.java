package kz.qorgau.casefile;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Fired, inside the transaction that links them, when incidents are newly linked to a case (as it opens or later):
 * other capabilities (risk conferences) judge from them whether the case escalates or repeats.
 */
public record IncidentsLinked(UUID caseId, UUID leadAgencyId, List<UUID> incidentIds, Instant at) {}
