package kz.qorgau.children;

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

/** A child of her household, as an agency on her case recorded it; the child's personal data is sealed. */
@Entity
@Table(name = "child")
@SQLRestriction(TenantRows.OF_THE_CONNECTIONS_TENANT)
public class Child {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false, updatable = false)
    public UUID caseId;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    /** Null once retention removed her case's personal data. */
    @Convert(converter = SealedText.class)
    @Column(name = "full_name_sealed")
    public String fullName;

    /** ISO date. */
    @Convert(converter = SealedText.class)
    @Column(name = "birth_date_sealed")
    public String birthDate;

    /** The school or kindergarten, where it is an agency of the network. */
    @Column(name = "school_agency_id")
    public UUID schoolAgencyId;

    /** The school or kindergarten as named, where it is not. */
    @Convert(converter = SealedText.class)
    @Column(name = "school_name_sealed")
    public String schoolName;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_by_agency", nullable = false)
    public UUID recordedByAgency;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
