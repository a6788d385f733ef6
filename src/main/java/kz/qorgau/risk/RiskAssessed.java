package kz.qorgau.risk;

import java.time.Instant;
import java.util.UUID;
import kz.qorgau.common.Priority;

/**
 * Fired, inside the transaction that records it, for each new risk assessment: other capabilities (risk
 * conferences) judge from its score and levels whether the case must go further.
 *
 * @param scoredLevel the level the checklist's score gives
 * @param level the level recorded: the scored one, or a higher one set by the assessor's professional judgement
 */
public record RiskAssessed(
        UUID caseId, UUID leadAgencyId, int score, Priority scoredLevel, Priority level, Instant at) {}
