package kz.qorgau.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import kz.qorgau.tenant.TenantRows;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.SQLRestriction;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

/** Where an agency wants its events POSTed, which types, and the secret they are signed with. */
@Entity
@Table(name = "webhook_subscription")
@SQLRestriction(TenantRows.OF_THE_CONNECTIONS_TENANT)
public class WebhookSubscription {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "agency_id", nullable = false, updatable = false)
    public UUID agencyId;

    @Column(nullable = false)
    public String url;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "event_types", nullable = false, columnDefinition = "varchar(64)[]")
    public String[] eventTypes;

    /** The kinds of aggregate whose events the subscriber's roles may read (EventReaders): the only ones sent. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "readable_aggregates", nullable = false, updatable = false, columnDefinition = "varchar(32)[]")
    public String[] readableAggregates;

    @Column(name = "secret_sealed", nullable = false)
    public byte[] secretSealed;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
