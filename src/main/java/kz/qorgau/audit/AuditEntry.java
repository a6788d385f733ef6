package kz.qorgau.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import kz.qorgau.tenant.TenantRows;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.SQLRestriction;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

/** One link of a tenant's audit chain: who did what to which record, touching which data categories. */
@Entity
@Immutable
@Table(name = "audit_entry")
@SQLRestriction(TenantRows.OF_THE_CONNECTIONS_TENANT)
public class AuditEntry {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    /**
     * 1, 2, 3, ... per tenant, without gaps: a missing number is a deleted entry. Null, with the hashes,
     * until {@link AuditChainer} chains the entry.
     */
    public Long seq;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String actor;

    @Column(name = "actor_agency_id")
    public UUID actorAgencyId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "actor_roles", nullable = false, columnDefinition = "varchar(32)[]")
    public String[] actorRoles;

    @Column(nullable = false)
    public String action;

    @Column(name = "record_type", nullable = false)
    public String recordType;

    @Column(name = "record_id")
    public UUID recordId;

    @Column(name = "case_id")
    public UUID caseId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "varchar(32)[]")
    public String[] categories;

    public String detail;

    @Column(name = "request_id")
    public String requestId;

    @Column(name = "prev_hash")
    public byte[] prevHash;

    public byte[] hash;

    /**
     * The service's MAC over the entry as written ({@link AuditChain#entryMac}); the chainer refuses an entry
     * without a matching one. Null only for entries chained before the MAC existed (migration V12).
     */
    public byte[] mac;

    /** When the chainer refused to chain the entry (its MAC did not match): a forgery, kept as evidence. */
    @Column(name = "refused_at")
    public Instant refusedAt;

    AuditChain.Fields fields() {
        return new AuditChain.Fields(
                tenantId,
                seq == null ? 0 : seq,
                id,
                at,
                actor,
                actorAgencyId,
                Arrays.asList(actorRoles),
                action,
                recordType,
                recordId,
                caseId,
                Arrays.asList(categories),
                detail,
                requestId);
    }
}
