package kz.qorgau.safecontact;

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

/** An attempt to reach her, by the agency that made it. */
@Entity
@Table(name = "contact_attempt")
@SQLRestriction(TenantRows.OF_THE_CONNECTIONS_TENANT)
public class ContactAttempt {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false, updatable = false)
    public UUID caseId;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "agency_id", nullable = false, updatable = false)
    public UUID agencyId;

    @Column(name = "rules_version", nullable = false, updatable = false)
    public int rulesVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Channel channel;

    @Column(name = "attempted_at", nullable = false, updatable = false)
    public Instant attemptedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public ContactOutcome outcome;

    @Convert(converter = SealedText.class)
    @Column(name = "note_sealed")
    public String note;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;
}
