package kz.qorgau.casefile;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.referral.ReferralState;

@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<CaseFile, UUID> {

    /**
     * The lead agency and both ends of every live referral of the case (a receiver once the referral is
     * sent, and until the referral ends): until consent scopes arrive, these see the case's protective
     * orders. An agency that declined, or whose referral was cancelled or withdrawn, no longer does.
     */
    public Set<UUID> agenciesOnReferralsOf(CaseFile caseFile) {
        Set<UUID> agencies = new HashSet<>();
        agencies.add(caseFile.leadAgencyId);
        for (Object[] row : getEntityManager().createQuery("""
                        select r.senderAgencyId, r.receiverAgencyId, r.state from Referral r
                        where r.caseId = :caseId""", Object[].class)
                .setParameter("caseId", caseFile.id).getResultList()) {
            ReferralState state = (ReferralState) row[2];
            if (state.isTerminal()) {
                continue;
            }
            agencies.add((UUID) row[0]);
            if (state != ReferralState.DRAFT) {
                agencies.add((UUID) row[1]);
            }
        }
        return agencies;
    }

    public void linkIncident(UUID caseId, UUID incidentId) {
        getEntityManager().createNativeQuery(
                        "insert into case_incident (case_id, incident_id) values (?1, ?2) on conflict do nothing")
                .setParameter(1, caseId).setParameter(2, incidentId).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public List<UUID> incidentIds(UUID caseId) {
        return getEntityManager().createNativeQuery(
                        "select incident_id from case_incident where case_id = ?1 order by incident_id", UUID.class)
                .setParameter(1, caseId).getResultList();
    }

    /** Referrals of the case not yet ended, drafts included: a case is closed only when none is left. */
    public long openReferralCount(UUID caseId) {
        List<ReferralState> open = Arrays.stream(ReferralState.values()).filter(s -> !s.isTerminal()).toList();
        return getEntityManager().createQuery("select count(r) from Referral r where r.caseId = :id and r.state in :open", Long.class)
                .setParameter("id", caseId).setParameter("open", open).getSingleResult();
    }

    /**
     * Cases of the survivor with this name or phone hash that the agency is on (its lead, or the receiver of one of its referrals that accepted it).
     * At most 50: a search, not a list.
     */
    public List<CaseFile> bySurvivorHash(String tenantId, boolean byName, byte[] hash, UUID agency) {
        String column = byName ? "name_hash" : "phone_hash";
        String sql = "select c.* from case_file c join survivor s on s.id = c.survivor_id"
                + " where s.tenant_id = ?1 and s." + column + " = ?2 and c.tenant_id = ?1"
                + " and (c.lead_agency_id = ?3 or exists (select 1 from referral r where r.case_id = c.id"
                + " and r.receiver_agency_id = ?3 and r.state in ('ACCEPTED', 'IN_PROGRESS', 'ON_HOLD')))"
                + " order by c.created_at desc, c.id limit 50";
        var query = getEntityManager().createNativeQuery(sql, CaseFile.class)
                .setParameter(1, tenantId).setParameter(2, hash).setParameter(3, agency);
        @SuppressWarnings("unchecked")
        List<CaseFile> found = query.getResultList();
        return found;
    }
}
