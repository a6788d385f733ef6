package kz.qorgau.casefile;

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
import kz.qorgau.common.Priority;
import kz.qorgau.privacy.SealedText;
import kz.qorgau.tenant.TenantRows;
import org.hibernate.annotations.SQLRestriction;
import org.hibernate.annotations.TenantId;

/** One survivor's coordinated response, led by one agency. */
@Entity
@Table(name = "case_file")
@SQLRestriction(TenantRows.OF_THE_CONNECTIONS_TENANT)
public class CaseFile {

    @org.eclipse.microprofile.openapi.annotations.media.Schema(
            name = "CaseStatus",
            description = "Whether the case is open or closed")
    public enum Status {
        OPEN,
        CLOSED
    }

    @Id
    public UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "survivor_id", nullable = false, updatable = false)
    public UUID survivorId;

    @Column(name = "lead_agency_id", nullable = false)
    public UUID leadAgencyId;

    /** The latest assessed risk; new referrals of the case take it as their priority. */
    @Enumerated(EnumType.STRING)
    @Column(name = "risk_level", nullable = false)
    public Priority riskLevel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Convert(converter = SealedText.class)
    public String summary;

    @Column(name = "opened_by", nullable = false, updatable = false)
    public String openedBy;

    /** The person of the lead agency who holds the case (a username); its opener until it is handed over. */
    public String assignee;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "closed_by")
    public String closedBy;

    @Column(name = "close_reason")
    @Convert(converter = SealedText.class)
    public String closeReason;

    /** Set when retention removed the personal data and free text of a long-closed case. */
    @Column(name = "anonymised_at")
    public Instant anonymisedAt;

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
