package kz.qorgau.casefile;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<CaseFile, UUID> {

    static final int SEARCH_PAGE = 200;

    /** @return whether it was not linked before */
    public boolean linkIncident(UUID caseId, UUID incidentId) {
        return getEntityManager()
                        .createNativeQuery(
                                "insert into case_incident (case_id, incident_id) values (?1, ?2) on conflict do nothing")
                        .setParameter(1, caseId)
                        .setParameter(2, incidentId)
                        .executeUpdate()
                == 1;
    }

    @SuppressWarnings("unchecked")
    public List<UUID> incidentIds(UUID caseId) {
        return getEntityManager()
                .createNativeQuery(
                        "select incident_id from case_incident where case_id = ?1 order by incident_id", UUID.class)
                .setParameter(1, caseId)
                .getResultList();
    }

    /**
     * Cases of the survivor with this name or phone hash, newest first, a page at a time after the given
     * one: who may find which of them is the case access's to decide.
     */
    public List<CaseFile> bySurvivorHash(String tenantId, boolean byName, byte[] hash, CaseFile after) {
        String column = byName ? "name_hash" : "phone_hash";
        String sql = "select c.* from case_file c join survivor s on s.id = c.survivor_id"
                + " where s.tenant_id = ?1 and s." + column + " = ?2 and c.tenant_id = ?1"
                + (after == null ? "" : " and (c.created_at, c.id) < (?3, ?4)")
                + " order by c.created_at desc, c.id desc limit " + SEARCH_PAGE;
        var query = getEntityManager()
                .createNativeQuery(sql, CaseFile.class)
                .setParameter(1, tenantId)
                .setParameter(2, hash);
        if (after != null) {
            query.setParameter(3, after.createdAt).setParameter(4, after.id);
        }
        @SuppressWarnings("unchecked")
        List<CaseFile> found = query.getResultList();
        return found;
    }

    /**
     * A page of cases in (updated_at, id) order: with an agency, those it leads (case_file_lead_idx) and those it
     * is a party to through a live referral (case_party), each branch a range scan that stops at the page's end;
     * without, the network's (case_file_tenant_idx).
     */
    public List<CaseDtos.CaseSummary> caseload(
            String tenant,
            java.util.Optional<UUID> agency,
            CaseFile.Status status,
            kz.qorgau.common.Priority riskLevel,
            String assignee,
            java.time.Instant updatedSince,
            java.util.Optional<kz.qorgau.common.Keyset> after,
            int limit) {
        StringBuilder filters = new StringBuilder();
        if (status != null) {
            filters.append(" and c.status = :status");
        }
        if (riskLevel != null) {
            filters.append(" and c.risk_level = :risk");
        }
        if (updatedSince != null) {
            filters.append(" and c.updated_at >= :since");
        }
        if (assignee != null) {
            // A person's cases are those her agency leads: case_file_assignee_idx.
            filters.append(" and c.assignee = :assignee and c.lead_agency_id = :agency");
        }
        if (after.isPresent()) {
            filters.append(" and (c.updated_at, c.id) > (:afterTime, :afterId)");
        }
        String columns = "select c.id, c.lead_agency_id, c.risk_level, c.status, c.assignee, c.created_at, c.updated_at"
                + " from case_file c";
        // The party branch starts from the agency's own live parties (case_party_agency_idx, few) and joins their
        // cases, rather than walking every case of the network in order and asking each whether it is a party. A
        // party is as GET /cases/{id} sees it: a live sender, or a receiver that accepted her.
        String parties = "(select distinct p.case_id from case_party p where p.tenant_id = :tenant"
                + " and p.agency_id = :agency and p.live and (p.side = 'SENDER' or p.on_case))";
        String sql = agency.isPresent()
                ? "select * from ((" + columns + " where c.tenant_id = :tenant and c.lead_agency_id = :agency" + filters
                        + " order by c.updated_at, c.id limit :limit) union (" + columns + " join " + parties
                        + " pc on pc.case_id = c.id where c.tenant_id = :tenant and c.lead_agency_id <> :agency"
                        + filters + " order by c.updated_at, c.id limit :limit)) q order by q.updated_at, q.id"
                        + " limit :limit"
                : columns + " where c.tenant_id = :tenant" + filters + " order by c.updated_at, c.id limit :limit";
        var query = getEntityManager()
                .createNativeQuery(sql)
                .setParameter("tenant", tenant)
                .setParameter("limit", limit);
        agency.ifPresent(a -> query.setParameter("agency", a));
        if (status != null) {
            query.setParameter("status", status.name());
        }
        if (riskLevel != null) {
            query.setParameter("risk", riskLevel.name());
        }
        if (updatedSince != null) {
            query.setParameter("since", java.sql.Timestamp.from(updatedSince));
        }
        if (assignee != null) {
            query.setParameter("assignee", assignee);
        }
        after.ifPresent(k -> query.setParameter("afterTime", java.sql.Timestamp.from(k.updatedAt()))
                .setParameter("afterId", k.id()));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream()
                .map(r -> new CaseDtos.CaseSummary(
                        (UUID) r[0],
                        (UUID) r[1],
                        kz.qorgau.common.Priority.valueOf((String) r[2]),
                        CaseFile.Status.valueOf((String) r[3]),
                        (String) r[4],
                        kz.qorgau.common.SqlValues.instant(r[5]),
                        kz.qorgau.common.SqlValues.instant(r[6])))
                .toList();
    }
}
