package kz.qorgau.conference;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import kz.qorgau.privacy.SealedText;
import kz.qorgau.tenant.TenantRows;
import org.hibernate.annotations.SQLRestriction;
import org.hibernate.annotations.TenantId;

/** One action of a case's plan: owned by one agency, due at a time, done with a note; a referral when it is one. */
@Entity
@Table(name = "conference_action")
@SQLRestriction(TenantRows.OF_THE_CONNECTIONS_TENANT)
public class ConferenceAction {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "conference_case_id", nullable = false, updatable = false)
    public UUID conferenceCaseId;

    @Column(name = "series_id", nullable = false, updatable = false)
    public UUID seriesId;

    @Column(name = "case_id", nullable = false, updatable = false)
    public UUID caseId;

    @Column(name = "owner_agency_id", nullable = false, updatable = false)
    public UUID ownerAgencyId;

    @Convert(converter = SealedText.class)
    public String description;

    @Column(name = "due_at", nullable = false, updatable = false)
    public Instant dueAt;

    @Column(name = "referral_id", updatable = false)
    public UUID referralId;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "done_at")
    public Instant doneAt;

    @Column(name = "done_by")
    public String doneBy;

    @Column(name = "done_note")
    @Convert(converter = SealedText.class)
    public String doneNote;

    /** When the overdue check escalated it to the chair; once. */
    @Column(name = "overdue_at")
    public Instant overdueAt;

    @Version
    @Column(nullable = false)
    public long version;

    public boolean done() {
        return doneAt != null;
    }
}
