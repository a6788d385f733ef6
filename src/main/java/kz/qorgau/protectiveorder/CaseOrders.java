package kz.qorgau.protectiveorder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The orders of a case as facts without content (kind, dates, whether revoked): what a risk conference's minimal
 * summary shows. The caller must already stand on a basis to know them.
 */
@ApplicationScoped
public class CaseOrders {

    @Inject
    EntityManager em;

    @Inject
    kz.qorgau.perpetrator.PerpetratorService perpetrators;

    /** @param restrainedPerson the name of the man the order restrains, where police recorded him */
    public record Facts(
            OrderKind kind, LocalDate issuedOn, LocalDate expiresOn, Instant revokedAt, String restrainedPerson) {}

    public List<Facts> of(UUID caseId) {
        List<ProtectiveOrder> orders = em.createQuery(
                        "from ProtectiveOrder o where o.caseId = :case order by o.createdAt, o.id",
                        ProtectiveOrder.class)
                .setParameter("case", caseId)
                .getResultList();
        Map<UUID, String> names = restrainedNames(orders);
        return orders.stream()
                .map(o -> new Facts(
                        o.kind,
                        o.issuedOn,
                        o.expiresOn,
                        o.revokedAt,
                        o.perpetratorId == null ? null : names.get(o.perpetratorId)))
                .toList();
    }

    /** The names of the men these orders restrain, in one query; never his notes. */
    Map<UUID, String> restrainedNames(List<ProtectiveOrder> orders) {
        return perpetrators.namesOf(orders.stream()
                .map(o -> o.perpetratorId)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList());
    }
}
