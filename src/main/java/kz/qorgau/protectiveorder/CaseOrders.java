package kz.qorgau.protectiveorder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The orders of a case as facts without content (kind, dates, whether revoked): what a risk conference's minimal
 * summary shows. The caller must already stand on a basis to know them.
 */
@ApplicationScoped
public class CaseOrders {

    @Inject
    EntityManager em;

    public record Facts(OrderKind kind, LocalDate issuedOn, LocalDate expiresOn, Instant revokedAt) {}

    public List<Facts> of(UUID caseId) {
        return em.createQuery(
                        "from ProtectiveOrder o where o.caseId = :case order by o.createdAt, o.id",
                        ProtectiveOrder.class)
                .setParameter("case", caseId)
                .getResultStream()
                .map(o -> new Facts(o.kind, o.issuedOn, o.expiresOn, o.revokedAt))
                .toList();
    }
}
