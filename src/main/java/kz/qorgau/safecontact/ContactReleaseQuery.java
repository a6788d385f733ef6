package kz.qorgau.safecontact;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.caseaccess.ContactRelease;

/** Where her current safe-contact rules stand for an agency, for the disclosure of her contact data. */
@ApplicationScoped
public class ContactReleaseQuery implements ContactRelease {

    @Inject
    EntityManager em;

    @Override
    public Map<UUID, ContactRulesStanding> standingOf(Collection<UUID> caseIds, UUID agency) {
        if (caseIds.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select distinct on (r.case_id) r.case_id, r.version, r.phone_safe, r.address_safe, r.email_safe,
                               exists (select 1 from contact_rules_ack a
                                       where a.case_id = r.case_id and a.version = r.version
                                             and a.agency_id = :agency)
                        from contact_rules r
                        where r.case_id in (:cases)
                        order by r.case_id, r.version desc""")
                .setParameter("cases", List.copyOf(caseIds))
                .setParameter("agency", agency)
                .getResultList();
        Map<UUID, ContactRulesStanding> standing = new HashMap<>();
        for (Object[] row : rows) {
            standing.put(
                    (UUID) row[0],
                    new ContactRulesStanding(
                            ((Number) row[1]).intValue(),
                            (Boolean) row[5],
                            (Boolean) row[2],
                            (Boolean) row[3],
                            (Boolean) row[4]));
        }
        return standing;
    }
}
