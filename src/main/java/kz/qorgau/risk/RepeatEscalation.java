package kz.qorgau.risk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.audit.AuditAction;
import kz.qorgau.audit.AuditTrail;
import kz.qorgau.audit.AuditTrail.Subject;
import kz.qorgau.casefile.CaseRef;
import kz.qorgau.casefile.CaseService;
import kz.qorgau.casefile.IncidentsLinked;
import kz.qorgau.common.Priority;
import kz.qorgau.matching.IncidentAboutKnownSurvivor;
import kz.qorgau.referral.ReferralService;
import kz.qorgau.security.AccessPolicy;
import kz.qorgau.security.TenantsConfig;

/**
 * The escalation rule: when the incidents about her within the network's window (three in twelve months by
 * default) reach its threshold, her case is raised to HIGH and its open referrals with it, each with a history entry
 * that says why. Her incidents are those linked to her case and those that name her as victim, recognised by her
 * match tokens. It never lowers a level; EMERGENCY stays what a person sets.
 */
@ApplicationScoped
public class RepeatEscalation {

    @Inject
    EntityManager em;

    @Inject
    CaseService cases;

    @Inject
    ReferralService referrals;

    @Inject
    AuditTrail audit;

    @Inject
    AccessPolicy access;

    @Inject
    TenantsConfig tenants;

    void onLinked(@Observes IncidentsLinked linked) {
        escalate(linked.caseId(), linked.at());
    }

    void onReported(@Observes IncidentAboutKnownSurvivor reported) {
        escalate(reported.caseId(), reported.at());
    }

    private void escalate(UUID caseId, Instant now) {
        TenantsConfig.Conferences rule =
                tenants.all().get(access.caller().tenantId()).conferences();
        CaseRef caseRef = cases.of(caseId);
        if (!caseRef.open() || !Priority.HIGH.isMoreUrgentThan(caseRef.riskLevel())) {
            return;
        }
        long incidents = ((Number) em.createNativeQuery("""
                        select count(*) from (
                            select ci.incident_id from case_incident ci join incident i on i.id = ci.incident_id
                            where ci.case_id = ?1 and i.occurred_at >= ?2
                            union
                            select p.incident_id from case_file c join survivor s on s.id = c.survivor_id
                            join incident_person p on p.tenant_id = s.tenant_id and p.role = 'VICTIM'
                                and (p.iin_token = s.iin_token
                                     or p.name_birth_token = s.name_birth_token
                                        and (p.iin_token is null or s.iin_token is null))
                            where c.id = ?1 and p.occurred_at >= ?2
                        ) hers""")
                        .setParameter(1, caseId)
                        .setParameter(2, Timestamp.from(now.minus(rule.escalationWindow())))
                        .getSingleResult())
                .longValue();
        if (incidents < rule.escalationIncidents()) {
            return;
        }
        String reason = "Escalation: " + incidents + " incidents about her within "
                + rule.escalationWindow().toDays() + " days";
        cases.riskLevelSet(caseId, Priority.HIGH, now);
        referrals.raiseOpenReferrals(caseId, Priority.HIGH, reason);
        audit.record(
                AuditAction.UPDATE,
                Subject.of("case", caseId, caseId),
                Set.of(),
                reason + ": risk level HIGH (was " + caseRef.riskLevel() + ")");
    }
}
