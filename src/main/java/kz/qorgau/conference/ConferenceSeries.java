package kz.qorgau.conference;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import kz.qorgau.tenant.TenantRows;
import org.hibernate.annotations.SQLRestriction;
import org.hibernate.annotations.TenantId;

/** A network's risk conference for one district: the agencies that sit in it meet, chaired by one of them. */
@Entity
@Table(name = "conference_series")
@SQLRestriction(TenantRows.OF_THE_CONNECTIONS_TENANT)
public class ConferenceSeries {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String district;

    @Column(name = "chair_agency_id", nullable = false)
    public UUID chairAgencyId;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Version
    @Column(nullable = false)
    public long version;
}
