package kz.qorgau.external;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import kz.qorgau.tenant.TenantRows;
import org.hibernate.annotations.SQLRestriction;
import org.hibernate.annotations.TenantId;

/** One link to a referral's recipient off the platform: its secrets as hashes, and how far it has been used. */
@Entity
@Table(name = "external_link")
@SQLRestriction(TenantRows.OF_THE_CONNECTIONS_TENANT)
public class ExternalLink {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "referral_id", nullable = false, updatable = false)
    public UUID referralId;

    @Column(name = "token_hash", nullable = false, updatable = false)
    public byte[] tokenHash;

    @Column(name = "code_hash", nullable = false, updatable = false)
    public byte[] codeHash;

    @Column(name = "issued_by", nullable = false, updatable = false)
    public String issuedBy;

    @Column(name = "issued_by_agency", nullable = false, updatable = false)
    public UUID issuedByAgency;

    @Column(name = "issued_at", nullable = false, updatable = false)
    public Instant issuedAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    public Instant expiresAt;

    @Column(name = "wrong_codes", nullable = false)
    public int wrongCodes;

    @Column(name = "locked_at")
    public Instant lockedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "opened_at")
    public Instant openedAt;

    @Column(name = "session_hash")
    public byte[] sessionHash;

    @Column(name = "session_expires_at")
    public Instant sessionExpiresAt;

    @Column(name = "spent_at")
    public Instant spentAt;

    @Version
    @Column(nullable = false)
    public long version;

    ExternalLinkRules.LinkState state(Instant now) {
        return ExternalLinkRules.state(now, expiresAt, revokedAt, lockedAt, spentAt, openedAt, sessionExpiresAt);
    }
}
