package kz.qorgau.conference;

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

/**
 * One case before one series: proposed by a criterion or an agency, then listed on a meeting or declined by the
 * chair. A listed case carries what the meeting found (its risks, its minutes) and, apart, its research and
 * actions.
 */
@Entity
@Table(name = "conference_case")
@SQLRestriction(TenantRows.OF_THE_CONNECTIONS_TENANT)
public class ConferenceCase {

    @org.eclipse.microprofile.openapi.annotations.media.Schema(
            name = "ConferenceCaseStatus",
            description = "Where a case stands on a conference series' agenda")
    public enum Status {
        PROPOSED,
        LISTED,
        DECLINED
    }

    @Id
    public UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "series_id", nullable = false, updatable = false)
    public UUID seriesId;

    @Column(name = "case_id", nullable = false, updatable = false)
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Criterion criterion;

    /** Heard by a conference within the repeat window before this proposal. */
    @Column(nullable = false)
    public boolean repeat;

    @Convert(converter = SealedText.class)
    public String reason;

    /** The agency that proposed it; none when a criterion did. */
    @Column(name = "proposed_by_agency", updatable = false)
    public UUID proposedByAgency;

    @Column(name = "proposed_by", nullable = false, updatable = false)
    public String proposedBy;

    @Column(name = "proposed_at", nullable = false, updatable = false)
    public Instant proposedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "meeting_id")
    public UUID meetingId;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decision_reason")
    @Convert(converter = SealedText.class)
    public String decisionReason;

    @Convert(converter = SealedText.class)
    public String risks;

    @Convert(converter = SealedText.class)
    public String minutes;

    @Version
    @Column(nullable = false)
    public long version;
}
