package kz.qorgau.agency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import kz.qorgau.tenant.TenantRows;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.SQLRestriction;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "agency")
@SQLRestriction(TenantRows.OF_THE_CONNECTIONS_TENANT)
public class Agency {

    @Id
    public UUID id;

    /** Set and filtered by Hibernate from the caller's tenant: no query names it. */
    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AgencyKind kind;

    public String district;

    /** The names of {@link ServiceType}s, kept as a PostgreSQL array so a list needs no join. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "varchar(40)[]")
    public String[] services;

    public String email;

    public String phone;

    @Column(nullable = false)
    public boolean active;

    /** The service directory: where the agency works, in which languages, when, and its free places. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "varchar(200)[]")
    public String[] districts = new String[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "varchar(8)[]")
    public String[] languages = new String[0];

    public String hours;

    /** For shelters, the places free now; absent for agencies that offer none. */
    @Column(name = "free_places")
    public Integer freePlaces;

    /** Confidential by default: shown to the agency's own staff alone, and to a sender it shares it with. */
    @Column(name = "street_address")
    public String streetAddress;

    @Column(name = "address_confidential", nullable = false)
    public boolean addressConfidential = true;

    /** How a sender reaches the agency about a referral, whatever its address: a duty phone, a desk. */
    @Column(name = "contact_point")
    public String contactPoint;

    @Column(name = "accepting_referrals", nullable = false)
    public boolean acceptingReferrals = true;

    @Column(name = "directory_updated_at")
    public Instant directoryUpdatedAt;

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Whether a sender can expect the agency to take a referral today. */
    public boolean acceptingNow() {
        return active && acceptingReferrals && (freePlaces == null || freePlaces > 0);
    }

    public boolean offers(ServiceType service) {
        return Arrays.asList(services).contains(service.name());
    }
}
