package kz.qorgau.casefile;

import java.util.Optional;
import java.util.UUID;
import kz.qorgau.casefile.CaseDtos.RiskSummary;

/**
 * The case's latest risk assessment, as the risk capability keeps it. The shared data shows it under the
 * RISK category; how risk is assessed and stored stays the risk capability's own.
 */
public interface LatestRisk {

    Optional<RiskSummary> of(UUID caseId);
}
