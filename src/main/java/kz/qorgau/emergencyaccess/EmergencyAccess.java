package kz.qorgau.emergencyaccess;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import kz.qorgau.privacy.SealedText;
import kz.qorgau.tenant.TenantRows;
import org.hibernate.annotations.SQLRestriction;
import org.hibernate.annotations.TenantId;

/** One use of break-glass: an agency's window on a case it is not on, and the coordinator's review of it. */
@Entity
@Table(name = "emergency_access")
@SQLRestriction(TenantRows.OF_THE_CONNECTIONS_TENANT)
public class EmergencyAccess {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "case_id", nullable = false, updatable = false)
    public UUID caseId;

    @Column(name = "agency_id", nullable = false, updatable = false)
    public UUID agencyId;

    @Column(name = "opened_by", nullable = false, updatable = false)
    public String openedBy;

    @Column(name = "opened_by_name", nullable = false, updatable = false)
    public String openedByName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public EmergencyReason reason;

    @Column(name = "note_sealed")
    @Convert(converter = SealedText.class)
    public String note;

    @Column(name = "opened_at", nullable = false, updatable = false)
    public Instant openedAt;

    /** Brought forward to the review when a coordinator judges the use unjustified. */
    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "review_due_at", nullable = false, updatable = false)
    public Instant reviewDueAt;

    @Column(nullable = false)
    public int reads;

    @Column(name = "last_read_at")
    public Instant lastReadAt;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    @Column(name = "reviewed_by")
    public String reviewedBy;

    public Boolean justified;

    @Column(name = "review_note_sealed")
    @Convert(converter = SealedText.class)
    public String reviewNote;

    /** When its review deadline passed unreviewed and the coordinators were told again. */
    @Column(name = "escalated_at")
    public Instant escalatedAt;

    @Version
    @Column(nullable = false)
    public long version;
}
