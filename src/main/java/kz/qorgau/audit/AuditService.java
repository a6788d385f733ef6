package kz.qorgau.audit;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kz.qorgau.audit.AuditDtos.EntryView;
import kz.qorgau.audit.AuditDtos.VerificationView;
import kz.qorgau.common.Cursor;
import kz.qorgau.common.Page;
import kz.qorgau.common.ProblemException;
import kz.qorgau.security.AccessPolicy;
import kz.qorgau.security.Capability;

/** Reads and verifies the caller's tenant's audit trail, for auditors. */
@ApplicationScoped
public class AuditService {

    private static final int VERIFY_BATCH = 2_000;

    @Inject
    EntityManager em;

    @Inject
    AccessPolicy access;

    @Inject
    AuditChain chain;

    @Inject
    AuditChainer chainer;

    /** The filters of the trail; every one is optional. */
    public record Filter(
            String actor, UUID agencyId, UUID recordId, UUID caseId, AuditAction action, Instant from, Instant to) {}

    @Transactional
    public Page<EntryView> list(Filter filter, String cursor, int limit) {
        access.require(Capability.READ_AUDIT);
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            throw new ProblemException.InvalidInput("from", "must be before to");
        }
        // The trail as it stands: what committed so far is chained first, so the list misses none of it.
        chainer.chain(access.caller().tenantId());
        StringBuilder where = new StringBuilder("seq > :after");
        Parameters params = Parameters.with("after", cursor == null ? 0L : Cursor.position(cursor));
        condition(where, params, "actor", filter.actor());
        condition(where, params, "actorAgencyId", filter.agencyId());
        condition(where, params, "recordId", filter.recordId());
        condition(where, params, "caseId", filter.caseId());
        condition(
                where,
                params,
                "action",
                filter.action() == null ? null : filter.action().name());
        if (filter.from() != null) {
            where.append(" and at >= :from");
            params.and("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" and at < :to");
            params.and("to", filter.to());
        }
        var query = em.createQuery("from AuditEntry where " + where + " order by seq", AuditEntry.class)
                .setMaxResults(limit + 1);
        params.map().forEach(query::setParameter);
        List<AuditEntry> rows = query.getResultList();
        boolean more = rows.size() > limit;
        List<AuditEntry> shown = more ? rows.subList(0, limit) : rows;
        return new Page<>(
                shown.stream().map(AuditService::view).toList(),
                more ? Cursor.ofPosition(shown.get(shown.size() - 1).seq) : null);
    }

    /**
     * Walks the whole chain in sequence order: every number present once, each entry linked to the one
     * before, each hash recomputed, and the last entry the one the chain head names.
     */
    @Transactional
    public VerificationView verify() {
        access.require(Capability.READ_AUDIT);
        String tenant = access.caller().tenantId();
        chainer.chain(tenant);
        @SuppressWarnings("unchecked")
        List<Object[]> heads = em.createNativeQuery("select last_seq, last_hash from audit_chain where tenant_id = ?1")
                .setParameter(1, tenant)
                .getResultList();
        long headSeq = heads.isEmpty() ? 0 : ((Number) heads.get(0)[0]).longValue();
        byte[] headHash = heads.isEmpty() ? AuditChain.GENESIS : (byte[]) heads.get(0)[1];
        byte[] previous = AuditChain.GENESIS;
        long expected = 1;
        long checked = 0;
        while (true) {
            // Up to the head as read: entries committed while the check runs are for the next check.
            List<AuditEntry> batch = em.createQuery(
                            "from AuditEntry where seq >= :from and seq <= :head order by seq", AuditEntry.class)
                    .setParameter("from", expected)
                    .setParameter("head", headSeq)
                    .setMaxResults(VERIFY_BATCH)
                    .getResultList();
            for (AuditEntry entry : batch) {
                String problem = null;
                if (entry.seq != expected) {
                    problem = entry.seq > expected
                            ? "entry " + expected + " is missing"
                            : "entry " + entry.seq + " appears twice";
                } else if (!MessageDigest.isEqual(entry.prevHash, previous)) {
                    problem = "does not link to the entry before it";
                } else if (!chain.verifies(previous, entry.fields(), entry.hash)) {
                    problem = "its content does not match its hash";
                }
                if (problem != null) {
                    return new VerificationView(false, checked, headSeq, Math.min(entry.seq, expected), problem);
                }
                previous = entry.hash;
                expected++;
                checked++;
            }
            em.clear();
            if (batch.size() < VERIFY_BATCH) {
                break;
            }
        }
        if (checked != headSeq || !MessageDigest.isEqual(previous, headHash)) {
            return new VerificationView(
                    false,
                    checked,
                    headSeq,
                    checked < headSeq ? checked + 1 : headSeq + 1,
                    checked < headSeq
                            ? "entries after " + checked + " are missing"
                            : "entries beyond the chain head were added");
        }
        return new VerificationView(true, checked, headSeq, null, null);
    }

    private static void condition(StringBuilder where, Parameters params, String field, Object value) {
        if (value != null) {
            where.append(" and ").append(field).append(" = :").append(field);
            params.and(field, value);
        }
    }

    static EntryView view(AuditEntry e) {
        return new EntryView(
                e.seq,
                e.id,
                e.at,
                e.actor,
                e.actorAgencyId,
                List.of(e.actorRoles),
                AuditAction.valueOf(e.action),
                e.recordType,
                e.recordId,
                e.caseId,
                List.of(e.categories),
                e.detail,
                e.requestId);
    }
}
