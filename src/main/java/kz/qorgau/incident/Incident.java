package kz.qorgau.incident;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import kz.qorgau.privacy.SealedText;
import kz.qorgau.tenant.TenantRows;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.SQLRestriction;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

/** An incident as reported; rows are inserted by {@link IncidentRepository#insertOnce} and never changed. */
@Entity
@Immutable
@Table(name = "incident")
@SQLRestriction(TenantRows.OF_THE_CONNECTIONS_TENANT)
public class Incident {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "reporting_agency_id", nullable = false)
    public UUID reportingAgencyId;

    @Column(name = "external_reference")
    public String externalReference;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false)
    public String district;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "violence_kinds", nullable = false, columnDefinition = "varchar(30)[]")
    public String[] violenceKinds;

    @Column(name = "children_present", nullable = false)
    public boolean childrenPresent;

    @Column(name = "weapons_involved", nullable = false)
    public boolean weaponsInvolved;

    @Column(nullable = false)
    public boolean injuries;

    @Convert(converter = SealedText.class)
    public String description;

    /** The people involved, as JSON: see {@link IncidentDtos.PersonInvolved}. */
    @Convert(converter = SealedText.class)
    public String persons;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
