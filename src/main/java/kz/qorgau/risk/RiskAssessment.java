package kz.qorgau.risk;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import kz.qorgau.common.Priority;
import kz.qorgau.privacy.SealedText;
import kz.qorgau.tenant.TenantRows;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.SQLRestriction;
import org.hibernate.annotations.TenantId;

/** One answered checklist: what was answered, against which version, the score, and who assessed when. */
@Entity
@Immutable
@Table(name = "risk_assessment")
@SQLRestriction(TenantRows.OF_THE_CONNECTIONS_TENANT)
public class RiskAssessment {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "questionnaire_version", nullable = false)
    public int questionnaireVersion;

    /** The answers as a JSON object of question id to answer. */
    @Convert(converter = SealedText.class)
    public String answers;

    @Column(nullable = false)
    public int score;

    @Enumerated(EnumType.STRING)
    @Column(name = "scored_level", nullable = false)
    public Priority scoredLevel;

    /** The scored level, or the higher one the assessor's professional judgement set. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Priority level;

    @Column(name = "judgement_reason")
    @Convert(converter = SealedText.class)
    public String judgementReason;

    @Column(name = "assessed_by", nullable = false)
    public String assessedBy;

    @Column(name = "assessor_agency_id", nullable = false)
    public UUID assessorAgencyId;

    @Column(name = "assessed_at", nullable = false)
    public Instant assessedAt;
}
