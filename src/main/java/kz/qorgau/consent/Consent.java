package kz.qorgau.consent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.agency.AgencyKind;
import kz.qorgau.tenant.TenantRows;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.SQLRestriction;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

/** What the survivor agreed to share, with which agencies, recorded how and by whom. */
@Entity
@Table(name = "consent")
@SQLRestriction(TenantRows.OF_THE_CONNECTIONS_TENANT)
public class Consent {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "case_id", nullable = false, updatable = false)
    public UUID caseId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "recipient_agency_ids", nullable = false, columnDefinition = "uuid[]")
    public UUID[] recipientAgencyIds;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "recipient_kinds", nullable = false, columnDefinition = "varchar(32)[]")
    public String[] recipientKinds;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "varchar(32)[]")
    public String[] categories;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConsentMethod method;

    @Column(name = "given_at", nullable = false)
    public Instant givenAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_by_agency", nullable = false)
    public UUID recordedByAgency;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    /** Two requests withdrawing the same consent at once: one of them records it, the other is told. */
    @Version
    @Column(nullable = false)
    public long version;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "withdrawn_from", nullable = false, columnDefinition = "uuid[]")
    public UUID[] withdrawnFrom = new UUID[0];

    @Column(name = "withdrawn_by")
    public String withdrawnBy;

    @Column(name = "withdrawn_by_agency")
    public UUID withdrawnByAgency;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public Set<DataCategory> categorySet() {
        Set<DataCategory> set = EnumSet.noneOf(DataCategory.class);
        Arrays.stream(categories).map(DataCategory::valueOf).forEach(set::add);
        return set;
    }

    /**
     * Whether, at {@code now}, this consent lets the survivor's data go to the given agency. It never covers
     * the agency that recorded it, even by kind: an agency cannot grant itself her data.
     */
    public boolean covers(UUID agency, AgencyKind kind, Instant now) {
        boolean inForce = !givenAt.isAfter(now) && withdrawnAt == null && (expiresAt == null || expiresAt.isAfter(now));
        return inForce
                && !agency.equals(recordedByAgency)
                && !Arrays.asList(withdrawnFrom).contains(agency)
                && (Arrays.asList(recipientAgencyIds).contains(agency)
                        || Arrays.asList(recipientKinds).contains(kind.name()));
    }
}
