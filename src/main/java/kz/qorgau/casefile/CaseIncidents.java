package kz.qorgau.casefile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kz.qorgau.common.SqlValues;

/**
 * The facts of the incidents linked to a case that say nothing of her: when each happened and whether children
 * were there. The caller must already stand on a basis to know them (a conference's high risk, its own case).
 */
@ApplicationScoped
public class CaseIncidents {

    @Inject
    EntityManager em;

    public record Facts(UUID incidentId, Instant occurredAt, boolean childrenPresent) {}

    /** Oldest first. */
    public List<Facts> of(UUID caseId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select i.id, i.occurred_at, i.children_present from case_incident ci
                        join incident i on i.id = ci.incident_id where ci.case_id = ?1
                        order by i.occurred_at, i.id""").setParameter(1, caseId).getResultList();
        return rows.stream()
                .map(row -> new Facts((UUID) row[0], SqlValues.instant(row[1]), (Boolean) row[2]))
                .toList();
    }
}
