package kz.qorgau.casefile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import kz.qorgau.tenant.TenantRows;
import org.hibernate.annotations.SQLRestriction;
import org.hibernate.annotations.TenantId;

/**
 * The person a case and its referrals are about. Her personal data is sealed ({@link SurvivorVault}): the
 * table holds no name, phone, birth date or address in the clear.
 */
@Entity
@Table(name = "survivor")
@SQLRestriction(TenantRows.OF_THE_CONNECTIONS_TENANT)
public class Survivor {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    /** The key that sealed the values below, so re-encryption finds the rows still on an old key. */
    @Column(name = "key_id")
    public String keyId;

    @Column(name = "full_name_sealed")
    public byte[] fullNameSealed;

    @Column(name = "birth_date_sealed")
    public byte[] birthDateSealed;

    @Column(name = "phone_sealed")
    public byte[] phoneSealed;

    @Column(name = "address_sealed")
    public byte[] addressSealed;

    @Column(name = "email_sealed")
    public byte[] emailSealed;

    /** Keyed hashes for finding her by exact name or phone; see {@link kz.qorgau.privacy.BlindIndex}. */
    @Column(name = "name_hash")
    public byte[] nameHash;

    @Column(name = "phone_hash")
    public byte[] phoneHash;

    /** Match tokens (see the matching capability): set once when she is recorded, never shown. */
    @Column(name = "iin_token")
    public byte[] iinToken;

    @Column(name = "name_birth_token")
    public byte[] nameBirthToken;

    /** Set when retention removed her personal data; the sealed values and hashes are gone from then on. */
    @Column(name = "anonymised_at")
    public Instant anonymisedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
