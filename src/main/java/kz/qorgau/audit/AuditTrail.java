package kz.qorgau.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import kz.qorgau.common.RequestId;
import kz.qorgau.common.TimeAndIds.IdGenerator;
import kz.qorgau.consent.DataCategory;
import kz.qorgau.security.AccessPolicy;
import kz.qorgau.security.Caller;

/**
 * Appends to the tenant's audit trail inside the caller's transaction, so an entry exists exactly when
 * the change or read it records does. Entries name records and data categories, never their content.
 *
 * <p>Appending takes the tenant's chain head row lock until commit: entries of one tenant are chained in
 * commit order. The lock is taken after the transaction's own writes are flushed, so a transaction
 * holding it waits for nothing else and two transactions cannot deadlock over it.
 */
@ApplicationScoped
public class AuditTrail {

    /** What an entry is about. */
    public record Subject(String recordType, UUID recordId, UUID caseId) {

        public static Subject of(String recordType, UUID recordId, UUID caseId) {
            return new Subject(recordType, recordId, caseId);
        }
    }

    @Inject
    EntityManager em;

    @Inject
    AccessPolicy access;

    @Inject
    RequestId requestId;

    @Inject
    AuditChain chain;

    @Inject
    Clock clock;

    @Inject
    IdGenerator ids;

    /** Records what the request's caller did. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(AuditAction action, Subject subject, Collection<DataCategory> categories, String detail) {
        Caller caller = access.caller();
        append(caller.tenantId(), caller.subject(), caller.agencyId().orElse(null),
                caller.roles().stream().map(r -> r.tokenName()).sorted().toList(), action, subject, categories,
                detail, requestId.value());
    }

    public void record(AuditAction action, Subject subject, Collection<DataCategory> categories) {
        record(action, subject, categories, null);
    }

    /** Records what a background job did for a tenant; the actor names the job. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordForSystem(String tenantId, String job, AuditAction action, Subject subject,
            Collection<DataCategory> categories, String detail) {
        append(tenantId, "system:" + job, null, List.of(), action, subject, categories, detail, null);
    }

    private void append(String tenantId, String actor, UUID agency, List<String> roles, AuditAction action,
            Subject subject, Collection<DataCategory> categories, String detail, String request) {
        em.flush();
        // The upsert takes the head row's lock (creating the row for a tenant's first entry) and reads it.
        Object[] head = (Object[]) em.createNativeQuery("""
                        insert into audit_chain (tenant_id, last_seq, last_hash) values (?1, 0, ?2)
                        on conflict (tenant_id) do update set tenant_id = excluded.tenant_id
                        returning last_seq, last_hash""")
                .setParameter(1, tenantId).setParameter(2, AuditChain.GENESIS).getSingleResult();
        long seq = ((Number) head[0]).longValue() + 1;
        Instant at = clock.instant();
        AuditEntry entry = new AuditEntry();
        entry.tenantId = tenantId;
        entry.seq = seq;
        entry.id = ids.newId();
        entry.at = at;
        entry.actor = actor;
        entry.actorAgencyId = agency;
        entry.actorRoles = roles.toArray(String[]::new);
        entry.action = action.name();
        entry.recordType = subject.recordType();
        entry.recordId = subject.recordId();
        entry.caseId = subject.caseId();
        entry.categories = categories.stream().distinct().map(Enum::name).sorted().toArray(String[]::new);
        entry.detail = detail;
        entry.requestId = request;
        entry.prevHash = (byte[]) head[1];
        entry.hash = chain.hash(entry.prevHash, entry.fields());
        em.persist(entry);
        em.createNativeQuery("update audit_chain set last_seq = ?2, last_hash = ?3 where tenant_id = ?1")
                .setParameter(1, tenantId).setParameter(2, seq).setParameter(3, entry.hash).executeUpdate();
    }
}
