package kz.qorgau.safecontact;

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

/** One version of her safe-contact rules; a change is a new version, never an edit. */
@Entity
@Table(name = "contact_rules")
@SQLRestriction(TenantRows.OF_THE_CONNECTIONS_TENANT)
public class ContactRulesVersion {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false, updatable = false)
    public UUID caseId;

    @Column(nullable = false, updatable = false)
    public int version;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    /** The rules as JSON; null once retention removed her personal data. */
    @Convert(converter = SealedText.class)
    @Column(name = "rules_sealed")
    public String rules;

    /** In the clear for the release of her phone and address in a query: no more than that a channel is safe. */
    @Column(name = "phone_safe", nullable = false)
    public boolean phoneSafe;

    @Column(name = "address_safe", nullable = false)
    public boolean addressSafe;

    @Column(name = "email_safe", nullable = false)
    public boolean emailSafe;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_by_name", nullable = false)
    public String recordedByName;

    @Column(name = "recorded_by_agency", nullable = false)
    public UUID recordedByAgency;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
