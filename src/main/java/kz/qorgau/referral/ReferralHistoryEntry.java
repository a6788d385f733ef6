package kz.qorgau.referral;

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
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.SQLRestriction;
import org.hibernate.annotations.TenantId;

/** One step of a referral's life: who did what, from which state to which, why and when. Never changed. */
@Entity
@Immutable
@Table(name = "referral_history")
@SQLRestriction(TenantRows.OF_THE_CONNECTIONS_TENANT)
public class ReferralHistoryEntry {

    /** The creation of a referral is recorded under this name; every other entry names its action. */
    public static final String CREATED = "CREATE";

    @Id
    public UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "referral_id", nullable = false)
    public UUID referralId;

    @Column(nullable = false)
    public String action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    public ReferralState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false)
    public ReferralState toState;

    @Column(nullable = false)
    public String actor;

    @Column(name = "actor_agency_id")
    public UUID actorAgencyId;

    @Column(name = "reason_code")
    public String reasonCode;

    @Convert(converter = SealedText.class)
    public String note;

    /** The person the referral was given to by this step (ACCEPT, REASSIGN); absent for other steps. */
    public String assignee;

    @Column(nullable = false)
    public Instant at;
}
