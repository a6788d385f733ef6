package kz.qorgau.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import kz.qorgau.common.RequestId;
import kz.qorgau.common.TimeAndIds.IdGenerator;
import kz.qorgau.consent.DataCategory;
import kz.qorgau.security.AccessPolicy;
import kz.qorgau.security.Caller;
import org.hibernate.Session;

/**
 * Appends to the tenant's audit trail inside the caller's transaction, so an entry exists exactly when
 * the change or read it records does. Entries name records and data categories, never their content.
 *
 * <p>Entries are written unchained and {@link AuditChainer} numbers and hash-links them a moment after
 * they commit. Chaining here, at commit, would hold the tenant's chain head through every audited
 * transaction's commit and make a tenant's requests commit one after another.
 */
@ApplicationScoped
public class AuditTrail {

    /**
     * Entries are written with one plain INSERT on the transaction's connection, not persisted as {@link
     * AuditEntry}: every audited request writes one, and Hibernate's persist and its insert at commit were 18%
     * of an incident POST's CPU samples and 22% of one referral's (issue 26). An entry is never changed by the
     * request that writes it, so there is nothing for Hibernate to track.
     */
    private static final String INSERT = "insert into audit_entry (id, tenant_id, at, actor, actor_agency_id,"
            + " actor_roles, action, record_type, record_id, case_id, categories, detail, request_id, mac)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

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
    Clock clock;

    @Inject
    IdGenerator ids;

    @Inject
    AuditChain chain;

    /** Records what the request's caller did. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(AuditAction action, Subject subject, Collection<DataCategory> categories, String detail) {
        Caller caller = access.caller();
        append(
                caller.tenantId(),
                caller.subject(),
                caller.agencyId().orElse(null),
                caller.roles().stream().map(r -> r.tokenName()).sorted().toList(),
                action,
                subject,
                categories,
                detail,
                requestId.value());
    }

    public void record(AuditAction action, Subject subject, Collection<DataCategory> categories) {
        record(action, subject, categories, null);
    }

    /** Records what a background job did for a tenant; the actor names the job. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordForSystem(
            String tenantId,
            String job,
            AuditAction action,
            Subject subject,
            Collection<DataCategory> categories,
            String detail) {
        append(tenantId, "system:" + job, null, List.of(), action, subject, categories, detail, null);
    }

    private void append(
            String tenantId,
            String actor,
            UUID agency,
            List<String> roles,
            AuditAction action,
            Subject subject,
            Collection<DataCategory> categories,
            String detail,
            String request) {
        Session session = em.unwrap(Session.class);
        if (!tenantId.equals(session.getTenantIdentifierValue())) {
            // What @TenantId refused when entries were persisted: an entry filed under another network than the
            // transaction's would also be refused by row-level security, with a less telling error.
            throw new IllegalStateException(
                    "An audit entry for " + tenantId + " in a transaction of " + session.getTenantIdentifierValue());
        }
        UUID id = ids.newId();
        // As PostgreSQL keeps it, so the MAC made now is the one the chainer recomputes from the row.
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<String> categoryNames =
                categories.stream().distinct().map(Enum::name).sorted().toList();
        String fittedDetail = fitted(detail);
        byte[] mac = chain.entryMac(new AuditChain.Fields(
                tenantId,
                0,
                id,
                at,
                actor,
                agency,
                roles,
                action.name(),
                subject.recordType(),
                subject.recordId(),
                subject.caseId(),
                categoryNames,
                fittedDetail,
                request));
        session.doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setObject(1, id);
                insert.setString(2, tenantId);
                insert.setObject(3, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                insert.setString(4, actor);
                insert.setObject(5, agency);
                insert.setArray(6, connection.createArrayOf("varchar", roles.toArray()));
                insert.setString(7, action.name());
                insert.setString(8, subject.recordType());
                insert.setObject(9, subject.recordId());
                insert.setObject(10, subject.caseId());
                insert.setArray(11, connection.createArrayOf("varchar", categoryNames.toArray()));
                insert.setString(12, fittedDetail);
                insert.setString(13, request);
                insert.setBytes(14, mac);
                insert.executeUpdate();
            }
        });
    }

    /** The detail column holds 200 characters: a longer detail (two long usernames) is cut, never refused. */
    static String fitted(String detail) {
        if (detail == null || detail.length() <= DETAIL_MAX) {
            return detail;
        }
        int end = DETAIL_MAX - 1;
        if (Character.isHighSurrogate(detail.charAt(end - 1))) {
            end--;
        }
        return detail.substring(0, end) + "…";
    }

    private static final int DETAIL_MAX = 200;
}
