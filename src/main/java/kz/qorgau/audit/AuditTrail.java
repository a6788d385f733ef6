package kz.qorgau.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Synchronization;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
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
 * <p>Entries are collected while the transaction works and chained as it commits: just before completion
 * the transaction's own writes are flushed, the tenant's chain head row is locked, and the entries are
 * numbered, hashed and written. The head lock is therefore taken last and held only through the commit,
 * so a tenant's entries are chained in commit order, a transaction holding the lock waits for nothing
 * else, and no caller has to mind where in its work it records.
 */
@ApplicationScoped
public class AuditTrail {

    /** What an entry is about. */
    public record Subject(String recordType, UUID recordId, UUID caseId) {

        public static Subject of(String recordType, UUID recordId, UUID caseId) {
            return new Subject(recordType, recordId, caseId);
        }
    }

    /** The key of this transaction's pending entries among its resources. */
    private static final Object PENDING = new Object();

    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    TransactionManager transactionManager;

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
        AuditEntry entry = new AuditEntry();
        entry.tenantId = tenantId;
        entry.id = ids.newId();
        entry.at = clock.instant();
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
        pending().add(entry);
    }

    /** This transaction's entries, chained when it commits. */
    @SuppressWarnings("unchecked")
    private List<AuditEntry> pending() {
        List<AuditEntry> entries = (List<AuditEntry>) transactions.getResource(PENDING);
        if (entries == null) {
            List<AuditEntry> collected = new ArrayList<>();
            transactions.putResource(PENDING, collected);
            try {
                // Not interposed: JTA runs these before Hibernate's own flush, while the session is open.
                transactionManager.getTransaction().registerSynchronization(new Synchronization() {
                    @Override
                    public void beforeCompletion() {
                        chain(collected);
                    }

                    @Override
                    public void afterCompletion(int status) {
                        // nothing to release: the head lock ends with the transaction
                    }
                });
            } catch (RollbackException | SystemException e) {
                throw new IllegalStateException("The audit trail needs an active transaction", e);
            }
            entries = collected;
        }
        return entries;
    }

    private void chain(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        em.flush();
        String tenantId = entries.get(0).tenantId;
        // The upsert takes the head row's lock (creating the row for a tenant's first entry) and reads it.
        Object[] head = (Object[]) em.createNativeQuery("""
                        insert into audit_chain (tenant_id, last_seq, last_hash) values (?1, 0, ?2)
                        on conflict (tenant_id) do update set tenant_id = excluded.tenant_id
                        returning last_seq, last_hash""")
                .setParameter(1, tenantId).setParameter(2, AuditChain.GENESIS).getSingleResult();
        long seq = ((Number) head[0]).longValue();
        byte[] previous = (byte[]) head[1];
        for (AuditEntry entry : entries) {
            if (!entry.tenantId.equals(tenantId)) {
                throw new IllegalStateException("One transaction audited two tenants: " + tenantId + ", " + entry.tenantId);
            }
            entry.seq = ++seq;
            entry.prevHash = previous;
            entry.hash = chain.hash(previous, entry.fields());
            previous = entry.hash;
            em.persist(entry);
        }
        em.createNativeQuery("update audit_chain set last_seq = ?2, last_hash = ?3 where tenant_id = ?1")
                .setParameter(1, tenantId).setParameter(2, seq).setParameter(3, previous).executeUpdate();
        em.flush();
    }
}
