package kz.qorgau.casefile;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<CaseFile, UUID> {

    static final int SEARCH_PAGE = 200;

    public void linkIncident(UUID caseId, UUID incidentId) {
        getEntityManager()
                .createNativeQuery(
                        "insert into case_incident (case_id, incident_id) values (?1, ?2) on conflict do nothing")
                .setParameter(1, caseId)
                .setParameter(2, incidentId)
                .executeUpdate();
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
}
