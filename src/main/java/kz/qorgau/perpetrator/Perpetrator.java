package kz.qorgau.perpetrator;

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

/** The person who harms her, as the network's police recorded him: everything he is, sealed at rest. */
@Entity
@Table(name = "perpetrator")
@SQLRestriction(TenantRows.OF_THE_CONNECTIONS_TENANT)
public class Perpetrator {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Convert(converter = SealedText.class)
    @Column(name = "full_name", nullable = false)
    public String fullName;

    /** ISO date, sealed as text. */
    @Convert(converter = SealedText.class)
    @Column(name = "birth_date")
    public String birthDate;

    /** The police's own notes: never shown to another kind of agency. */
    @Convert(converter = SealedText.class)
    public String notes;

    @Column(name = "iin_token")
    public byte[] iinToken;

    @Column(name = "name_birth_token")
    public byte[] nameBirthToken;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_by_agency", nullable = false)
    public UUID recordedByAgency;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
