package kz.qorgau.casefile;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import kz.qorgau.audit.AuditAction;
import kz.qorgau.audit.AuditTrail;
import kz.qorgau.audit.AuditTrail.Subject;
import kz.qorgau.consent.DataCategory;
import kz.qorgau.privacy.SealedText;
import kz.qorgau.security.TenantsConfig;
import kz.qorgau.tenant.TenantOverride;
import org.jboss.logging.Logger;

/**
 * Anonymises cases closed longer ago than their network keeps them: the survivor's sealed data and
 * search hashes, and the free text of the case, its referrals, their history, its risk assessments'
 * judgement reasons, its protective orders' conditions and revocation reasons, its incidents (unless
 * another case still needs them) and reported order violations; and incidents no case needs, by the time
 * they were reported. What remains (states, times, agencies,
 * codes) still counts in statistics and still matches the audit trail.
 *
 * <p>Each case is claimed with FOR UPDATE SKIP LOCKED and anonymised in its batch's transaction, so
 * replicas running the job at the same time never work on the same case, and a crash loses nothing:
 * the case is simply still due on the next run.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);
    private static final int BATCH = 100;
    static final String REMOVED = "(removed by retention)";

    @Inject
    TenantsConfig tenants;

    @Inject
    TenantOverride override;

    @Inject
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    RetentionJob self;

    @Inject
    jakarta.enterprise.event.Event<CaseAnonymised> anonymised;

    @Scheduled(
            every = "{qorgau.retention.check-every}",
            delayed = "90s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void periodically() {
        anonymiseDue();
    }

    /** @return how many cases this call anonymised, across all tenants */
    @ActivateRequestContext
    public int anonymiseDue() {
        int anonymised = 0;
        for (var tenant : tenants.all().entrySet()) {
            override.actFor(tenant.getKey());
            try {
                Instant closedBefore = clock.instant().minus(tenant.getValue().closedCaseRetention());
                int batch;
                do {
                    batch = self.anonymiseBatch(tenant.getKey(), closedBefore);
                    anonymised += batch;
                } while (batch == BATCH);
                do {
                    batch = self.anonymiseIncidentsBatch(tenant.getKey(), closedBefore);
                } while (batch == BATCH);
            } finally {
                override.clear();
            }
        }
        if (anonymised > 0) {
            LOG.infof("Retention anonymised %d closed cases", anonymised);
        }
        return anonymised;
    }

    @Transactional
    int anonymiseBatch(String tenantId, Instant closedBefore) {
        @SuppressWarnings("unchecked")
        List<UUID> due = em.createNativeQuery("""
                        select id from case_file
                        where tenant_id = ?1 and status = 'CLOSED' and anonymised_at is null and closed_at < ?2
                        order by closed_at limit ?3 for update skip locked""", UUID.class)
                .setParameter(1, tenantId)
                .setParameter(2, Timestamp.from(closedBefore))
                .setParameter(3, BATCH)
                .getResultList();
        Instant now = clock.instant();
        for (UUID caseId : due) {
            anonymise(tenantId, caseId, now);
            audit.recordForSystem(
                    tenantId,
                    "retention",
                    AuditAction.ANONYMISE,
                    Subject.of("case", caseId, caseId),
                    EnumSet.allOf(DataCategory.class),
                    "closed before " + closedBefore);
        }
        return due.size();
    }

    /**
     * Incidents that no case still needs (never linked to one, or linked only to anonymised cases) lose their
     * account and people once the retention period has passed since they were reported: a report the police
     * never turned into a case is kept no longer than a closed case is.
     */
    @Transactional
    int anonymiseIncidentsBatch(String tenantId, Instant reportedBefore) {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<UUID> done = em.createNativeQuery("""
                        update incident set description = null, persons = null, anonymised_at = ?1
                        where id in (
                            select i.id from incident i
                            where i.tenant_id = ?2 and i.anonymised_at is null and i.created_at < ?3
                              and not exists (select 1 from case_incident ci join case_file c on c.id = ci.case_id
                                              where ci.incident_id = i.id and c.anonymised_at is null)
                            order by i.created_at limit ?4 for update skip locked)
                        returning id""", UUID.class)
                .setParameter(1, Timestamp.from(now))
                .setParameter(2, tenantId)
                .setParameter(3, Timestamp.from(reportedBefore))
                .setParameter(4, BATCH)
                .getResultList();
        // Their people's match tokens go with their names.
        if (!done.isEmpty()) {
            em.createNativeQuery("delete from incident_person where incident_id = any(?1)")
                    .setParameter(1, done.toArray(UUID[]::new))
                    .executeUpdate();
        }
        for (UUID incident : done) {
            audit.recordForSystem(
                    tenantId,
                    "retention",
                    AuditAction.ANONYMISE,
                    Subject.of("incident", incident, null),
                    EnumSet.of(DataCategory.INCIDENT_DETAILS, DataCategory.IDENTITY),
                    "reported before " + reportedBefore);
        }
        return done.size();
    }

    private void anonymise(String tenantId, UUID caseId, Instant now) {
        Timestamp at = Timestamp.from(now);
        anonymised.fire(new CaseAnonymised(tenantId, caseId, now));
        update("""
                update survivor set full_name_sealed = null, birth_date_sealed = null, phone_sealed = null,
                    address_sealed = null, email_sealed = null, name_hash = null, phone_hash = null, iin_token = null,
                    name_birth_token = null, anonymised_at = ?2
                where id = (select survivor_id from case_file where id = ?1)""", caseId, at);
        // The version moves on, so a request that read the case before cannot write its old text back.
        update("""
                update case_file set summary = null, close_reason = null, anonymised_at = ?2, version = version + 1
                where id = ?1""", caseId, at);
        // Her answers (pregnancy, thoughts of suicide, what he threatened) go with the reasons; the score and
        // level stay, the figures oversight keeps.
        update("update risk_assessment set answers = null, judgement_reason = null where case_id = ?1", caseId, null);
        update("""
                update protective_order set conditions = null, revocation_reason = null
                where case_id = ?1""", caseId, null);
        update("""
                update referral set note = null,
                    emergency_reason = case when emergency_reason is null then null else cast(?2 as bytea) end
                where case_id = ?1""", caseId, SealedText.seal(REMOVED));
        update("""
                update referral_history set note = null
                where referral_id in (select id from referral where case_id = ?1)""", caseId, null);
        update(
                "update case_assignment set reason = cast(?2 as bytea) where case_id = ?1",
                caseId,
                SealedText.seal(REMOVED));
        update("""
                update referral_message set text = cast(?2 as bytea)
                where referral_id in (select id from referral where case_id = ?1)""", caseId, SealedText.seal(REMOVED));
        update("""
                update incident set description = null, persons = null, anonymised_at = ?2
                where id in (select incident_id from case_incident where case_id = ?1)
                  and not exists (select 1 from case_incident other join case_file c on c.id = other.case_id
                                  where other.incident_id = incident.id and other.case_id <> ?1
                                    and c.anonymised_at is null)""", caseId, at);
        update("""
                delete from incident_person
                where incident_id in (select ci.incident_id from case_incident ci join incident i on i.id = ci.incident_id
                                      where ci.case_id = ?1 and i.anonymised_at is not null)""", caseId, null);
        update("""
                update protective_order_violation set description = cast(?2 as bytea)
                where order_id in (select id from protective_order where case_id = ?1)""", caseId, SealedText.seal(REMOVED));
    }

    private void update(String sql, UUID caseId, Object second) {
        var query = em.createNativeQuery(sql).setParameter(1, caseId);
        if (sql.contains("?2")) {
            query.setParameter(2, second);
        }
        query.executeUpdate();
    }
}
