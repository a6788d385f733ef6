package kz.qorgau.caseaccess;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Which agencies are on a case through its referrals, kept in the {@code case_party} table by the referral
 * capability in the same transaction as each referral change. What an agency may see of her is decided from
 * here (and the case's lead agency), never from another capability's tables.
 */
@ApplicationScoped
public class CaseParties {

    @Inject
    EntityManager em;

    /**
     * Where a referral stands, as far as the relationship of its two agencies to the case goes.
     *
     * @param sent whether it reached its receiver (the receiver is a party only from then on)
     * @param live whether it has not ended
     * @param receiverOnCase whether the receiver accepted it and has not let go
     * @param emergency whether it went to the receiver without consent, under the emergency exception
     */
    public record ReferralStanding(
            UUID caseId,
            UUID referralId,
            UUID sender,
            UUID receiver,
            boolean sent,
            boolean live,
            boolean receiverOnCase,
            boolean emergency) {}

    /**
     * Records where the referral stands now; called on its creation and on each of its changes. The row
     * takes the tenant of the transaction, the one row-level security admits.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void referralChanged(ReferralStanding referral) {
        upsert(referral, "SENDER", referral.sender(), referral.live(), false, false);
        if (referral.sent()) {
            upsert(
                    referral,
                    "RECEIVER",
                    referral.receiver(),
                    referral.live(),
                    referral.live() && referral.receiverOnCase(),
                    referral.emergency());
        }
    }

    private void upsert(
            ReferralStanding referral, String side, UUID agency, boolean live, boolean onCase, boolean emergency) {
        em.createNativeQuery("""
                        insert into case_party (tenant_id, case_id, referral_id, side, agency_id, live, on_case, emergency)
                        values (current_setting('qorgau.tenant', true), ?1, ?2, ?3, ?4, ?5, ?6, ?7)
                        on conflict (referral_id, side) do update
                        set live = excluded.live, on_case = excluded.on_case, emergency = excluded.emergency""")
                .setParameter(1, referral.caseId())
                .setParameter(2, referral.referralId())
                .setParameter(3, side)
                .setParameter(4, agency)
                .setParameter(5, live)
                .setParameter(6, onCase)
                .setParameter(7, emergency)
                .executeUpdate();
    }

    /**
     * The agency's standing on each of these cases (case id to its lead agency); one query for all of them.
     * Sending a referral makes an agency no party to the case: it sees her as it did before it sent it.
     */
    Map<UUID, Standing> standings(Map<UUID, UUID> leadByCase, UUID agency) {
        Map<UUID, boolean[]> facts = new HashMap<>();
        leadByCase.forEach((caseId, lead) ->
                facts.put(caseId, new boolean[] {agency.equals(lead), false, agency.equals(lead), false}));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select case_id, on_case, emergency from case_party
                        where case_id in (:cases) and agency_id = :agency and live and side = 'RECEIVER'""")
                .setParameter("cases", List.copyOf(leadByCase.keySet()))
                .setParameter("agency", agency)
                .getResultList();
        for (Object[] row : rows) {
            boolean[] fact = facts.get((UUID) row[0]);
            fact[1] |= (Boolean) row[1];
            fact[2] = true;
            fact[3] |= (Boolean) row[2];
        }
        Map<UUID, Standing> standings = new HashMap<>();
        facts.forEach((caseId, f) -> standings.put(caseId, new Standing(f[0], f[1], f[2], f[3] && !f[0])));
        return standings;
    }

    /** The lead agency and both ends of every live referral of the case: who hears of what happens on it. */
    public Set<UUID> of(UUID caseId, UUID leadAgency) {
        @SuppressWarnings("unchecked")
        List<UUID> parties = em.createNativeQuery(
                        "select distinct agency_id from case_party where case_id = ?1 and live", UUID.class)
                .setParameter(1, caseId)
                .getResultList();
        Set<UUID> all = new HashSet<>(parties);
        all.add(leadAgency);
        return all;
    }

    /** How many referrals of the case have not ended, drafts included. */
    public long liveReferrals(UUID caseId) {
        return ((Number) em.createNativeQuery(
                                "select count(*) from case_party where case_id = ?1 and side = 'SENDER' and live")
                        .setParameter(1, caseId)
                        .getSingleResult())
                .longValue();
    }
}
