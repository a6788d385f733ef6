package kz.qorgau.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
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
 * <p>Entries are written unchained and {@link AuditChainer} numbers and hash-links them a moment after
 * they commit. Chaining here, at commit, would hold the tenant's chain head through every audited
 * transaction's commit and make a tenant's requests commit one after another.
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
        AuditEntry entry = new AuditEntry();
        entry.tenantId = tenantId;
        entry.id = ids.newId();
        // As PostgreSQL keeps it, so the MAC made now is the one the chainer recomputes from the row.
        entry.at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        entry.actor = actor;
        entry.actorAgencyId = agency;
        entry.actorRoles = roles.toArray(String[]::new);
        entry.action = action.name();
        entry.recordType = subject.recordType();
        entry.recordId = subject.recordId();
        entry.caseId = subject.caseId();
        entry.categories =
                categories.stream().distinct().map(Enum::name).sorted().toArray(String[]::new);
        entry.detail = fitted(detail);
        entry.requestId = request;
        entry.mac = chain.entryMac(entry.fields());
        em.persist(entry);
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
