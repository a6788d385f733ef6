package kz.qorgau.document;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import kz.qorgau.consent.DataCategory;
import kz.qorgau.tenant.TenantRows;
import org.hibernate.annotations.SQLRestriction;
import org.hibernate.annotations.TenantId;

/**
 * A document attached to a case, or to one of its referrals. Its bytes are kept apart ({@link DocumentStore}),
 * sealed under its own data key; erasing it destroys the key and the bytes, and keeps this record.
 */
@Entity
@Table(name = "document")
@SQLRestriction(TenantRows.OF_THE_CONNECTIONS_TENANT)
public class Document {

    public enum Store {
        DATABASE,
        OBJECT_STORE
    }

    @Id
    public UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "case_id", nullable = false, updatable = false)
    public UUID caseId;

    /** Set for a document attached to a referral; such a document is shown on that referral alone. */
    @Column(name = "referral_id", updatable = false)
    public UUID referralId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public DocumentKind kind;

    /** The kind of her data it holds: who may download it is decided by her consent to this category. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public DataCategory category;

    @Column(name = "media_type", nullable = false, updatable = false)
    public String mediaType;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    public int sizeBytes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Store store;

    /** The document's own key, sealed with the deployment's field key; null once erased. */
    @Column(name = "data_key")
    public byte[] dataKey;

    @Column(name = "uploader_agency_id", nullable = false, updatable = false)
    public UUID uploaderAgencyId;

    @Column(name = "uploaded_by", nullable = false, updatable = false)
    public String uploadedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "erased_at")
    public Instant erasedAt;

    @Column(name = "erased_by")
    public String erasedBy;

    public boolean erased() {
        return erasedAt != null;
    }
}
