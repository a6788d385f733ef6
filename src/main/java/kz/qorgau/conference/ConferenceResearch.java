package kz.qorgau.conference;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import kz.qorgau.privacy.SealedText;
import kz.qorgau.tenant.TenantRows;
import org.hibernate.annotations.SQLRestriction;
import org.hibernate.annotations.TenantId;

/** What one member agency knows of her, her children and him, brought to the meeting that hears her case. */
@Entity
@Table(name = "conference_research")
@SQLRestriction(TenantRows.OF_THE_CONNECTIONS_TENANT)
public class ConferenceResearch {

    @Id
    public UUID id;

    @Column(name = "conference_case_id", nullable = false, updatable = false)
    public UUID conferenceCaseId;

    @Column(name = "agency_id", nullable = false, updatable = false)
    public UUID agencyId;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Convert(converter = SealedText.class)
    public String survivor;

    @Convert(converter = SealedText.class)
    public String children;

    @Convert(converter = SealedText.class)
    public String perpetrator;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
