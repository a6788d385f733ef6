package kz.qorgau.protectiveorder;

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
import org.hibernate.annotations.SQLRestriction;
import org.hibernate.annotations.TenantId;

@Entity
@Immutable
@Table(name = "protective_order_violation")
@SQLRestriction(TenantRows.OF_THE_CONNECTIONS_TENANT)
public class OrderViolation {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "order_id", nullable = false)
    public UUID orderId;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Convert(converter = SealedText.class)
    public String description;

    @Column(name = "reported_by", nullable = false)
    public String reportedBy;

    @Column(name = "reporter_agency_id", nullable = false)
    public UUID reporterAgencyId;

    @Column(name = "reported_at", nullable = false)
    public Instant reportedAt;

    /** The incident that broke the order, when the service recognised it in one. */
    @Column(name = "incident_id")
    public UUID incidentId;
}
