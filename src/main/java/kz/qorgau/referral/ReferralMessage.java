package kz.qorgau.referral;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import kz.qorgau.privacy.SealedText;
import kz.qorgau.tenant.TenantRows;
import org.hibernate.annotations.SQLRestriction;
import org.hibernate.annotations.TenantId;

/** A message one side of a referral wrote to the other. Never edited; its author may retract it. */
@Entity
@Table(name = "referral_message")
@SQLRestriction(TenantRows.OF_THE_CONNECTIONS_TENANT)
public class ReferralMessage {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "referral_id", nullable = false, updatable = false)
    public UUID referralId;

    @Column(name = "author_agency_id", nullable = false, updatable = false)
    public UUID authorAgencyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Side side;

    /** The author's username. */
    @Column(nullable = false, updatable = false)
    public String author;

    @Convert(converter = SealedText.class)
    @Column(nullable = false)
    public String text;

    @Column(name = "retracted_at")
    public Instant retractedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
}
