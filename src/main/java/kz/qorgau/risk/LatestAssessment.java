package kz.qorgau.risk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.casefile.CaseDtos.RiskSummary;
import kz.qorgau.casefile.LatestRisk;

/** The case's latest assessment, for the shared data of its referrals: its level, score and time alone. */
@ApplicationScoped
public class LatestAssessment implements LatestRisk {

    @Inject
    EntityManager em;

    @Override
    public Optional<RiskSummary> of(UUID caseId) {
        return em.createQuery(
                        "from RiskAssessment where caseId = :id order by assessedAt desc, id desc",
                        RiskAssessment.class)
                .setParameter("id", caseId)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .map(a -> new RiskSummary(a.level, a.score, a.assessedAt));
    }
}
