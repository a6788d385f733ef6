package kz.qorgau.referral;

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
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.SQLRestriction;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "referral")
@SQLRestriction(TenantRows.OF_THE_CONNECTIONS_TENANT)
// A transition changes a handful of its 34 columns: the update writes those alone, and does not seal the
// unchanged notes again (a new ciphertext for the same text at each change).
@DynamicUpdate
public class Referral {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "case_id", nullable = false, updatable = false)
    public UUID caseId;

    @Column(name = "sender_agency_id", nullable = false, updatable = false)
    public UUID senderAgencyId;

    @Column(name = "receiver_agency_id", nullable = false, updatable = false)
    public UUID receiverAgencyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReferralState state;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Priority priority;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "services_requested", nullable = false, columnDefinition = "varchar(40)[]")
    public String[] servicesRequested;

    @Convert(converter = SealedText.class)
    public String note;

    @Column(name = "consent_id")
    public UUID consentId;

    @Column(name = "emergency_reason")
    @Convert(converter = SealedText.class)
    public String emergencyReason;

    public String assignee;

    @Enumerated(EnumType.STRING)
    @Column(name = "decline_reason")
    public DeclineReason declineReason;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "services_delivered", columnDefinition = "varchar(40)[]")
    public String[] servicesDelivered;

    @Column(name = "redirected_from_id", updatable = false)
    public UUID redirectedFromId;

    @Column(name = "redirected_to_id")
    public UUID redirectedToId;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    /** When the acknowledgement deadline of its priority passed unmet and coordinators were alerted. */
    @Column(name = "ack_overdue_at")
    public Instant ackOverdueAt;

    /** When the response (accept or decline) deadline of its priority passed unmet. */
    @Column(name = "respond_overdue_at")
    public Instant respondOverdueAt;

    /** When it was last paused: the review deadline runs from here. */
    @Column(name = "paused_at")
    public Instant pausedAt;

    /** When the start deadline passed with the referral still accepted and not started. */
    @Column(name = "start_overdue_at")
    public Instant startOverdueAt;

    /** When the review deadline of its latest pause passed with the referral still on hold. */
    @Column(name = "review_overdue_at")
    public Instant reviewOverdueAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    /** Accepting it took one of the receiver's counted free places, which its end gives back. */
    @Column(name = "place_taken", nullable = false)
    public boolean placeTaken;

    /** When the receiver chose to show its street address to the sender; null while it has not, or took it back. */
    @Column(name = "receiver_address_shared_at")
    public Instant receiverAddressSharedAt;

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * Whether the referral was ever submitted. Its receiver is a party to it only from then on: a draft,
     * or a draft cancelled before it went out, is the sender's alone.
     */
    public boolean wasSent() {
        return submittedAt != null;
    }
}
