package kz.qorgau.conference;

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

/** One sitting of a series: when it meets, and, once it met, who came. */
@Entity
@Table(name = "conference_meeting")
@SQLRestriction(TenantRows.OF_THE_CONNECTIONS_TENANT)
public class ConferenceMeeting {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "series_id", nullable = false, updatable = false)
    public UUID seriesId;

    @Column(name = "scheduled_for", nullable = false)
    public Instant scheduledFor;

    /** Set when the chair records the attendance: the cases listed on it were heard then. */
    @Column(name = "held_at")
    public Instant heldAt;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "attended_agency_ids", nullable = false, columnDefinition = "uuid[]")
    public UUID[] attendedAgencyIds = new UUID[0];

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Version
    @Column(nullable = false)
    public long version;

    public boolean held() {
        return heldAt != null;
    }
}
