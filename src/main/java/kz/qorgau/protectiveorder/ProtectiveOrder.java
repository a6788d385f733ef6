package kz.qorgau.protectiveorder;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import kz.qorgau.privacy.SealedText;
import kz.qorgau.tenant.TenantRows;
import org.hibernate.annotations.SQLRestriction;
import org.hibernate.annotations.TenantId;

@Entity
@Table(name = "protective_order")
@SQLRestriction(TenantRows.OF_THE_CONNECTIONS_TENANT)
public class ProtectiveOrder {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "case_id", nullable = false, updatable = false)
    public UUID caseId;

    /** The person the order restrains, when police recorded him. */
    @Column(name = "perpetrator_id")
    public UUID perpetratorId;

    @Column(nullable = false)
    public String number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrderKind kind;

    @Column(name = "issuing_authority", nullable = false)
    public String issuingAuthority;

    @Column(name = "issued_on", nullable = false)
    public LocalDate issuedOn;

    @Column(name = "expires_on", nullable = false)
    public LocalDate expiresOn;

    /** The conditions as a JSON array of {type, text}. */
    @Convert(converter = SealedText.class)
    public String conditions;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revocation_reason")
    @Convert(converter = SealedText.class)
    public String revocationReason;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    public String recordedBy;

    @Column(name = "recorded_by_agency", nullable = false, updatable = false)
    public UUID recordedByAgency;

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
