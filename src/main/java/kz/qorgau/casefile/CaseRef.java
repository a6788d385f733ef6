package kz.qorgau.casefile;

import java.time.Instant;
import java.util.UUID;
import kz.qorgau.common.Priority;

/**
 * What the other capabilities know of a case when they record something on it: never its entity, so that
 * only this package changes a case.
 */
public record CaseRef(UUID id, String tenantId, UUID leadAgencyId, boolean open, Priority riskLevel, Instant openedAt) {

    static CaseRef of(CaseFile caseFile) {
        return new CaseRef(
                caseFile.id,
                caseFile.tenantId,
                caseFile.leadAgencyId,
                caseFile.status == CaseFile.Status.OPEN,
                caseFile.riskLevel,
                caseFile.createdAt);
    }
}
