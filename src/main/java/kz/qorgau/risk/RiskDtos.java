package kz.qorgau.risk;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.common.Priority;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class RiskDtos {

    private RiskDtos() {}

    @Schema(name = "NewRiskAssessment")
    public record NewAssessment(
            @NotNull
            @Size(max = 200)
            @Schema(description = "Every question of the checklist by id: YES, NO or NOT_KNOWN")
            Map<String, @NotNull Answer> answers,

            @Schema(description = "A higher level than the score gives, by professional judgement; never a lower one")
            Priority judgementLevel,

            @Size(max = 2000) @Schema(description = "Required with judgementLevel")
            String judgementReason) {}

    @Schema(name = "RiskAssessment")
    public record AssessmentView(
            UUID id,
            UUID caseId,
            int questionnaireVersion,

            @Schema(
                    description =
                            "Category RISK: the checklist's answers, for the agencies on the case whose sharing covers RISK")
            Map<String, Answer> answers,

            @Schema(description = "Category RISK; coordinators see it too, as oversight without personal data")
            Integer score,

            @Schema(description = "Category RISK; coordinators see it too")
            Priority scoredLevel,

            @Schema(description = "Category RISK; coordinators see it too")
            Priority level,

            @Schema(description = "Category RISK: the assessor's reasons for raising the level")
            String judgementReason,

            String assessedBy,
            UUID assessorAgencyId,
            Instant assessedAt) {}

    @Schema(name = "RiskQuestionnaire")
    public record QuestionnaireView(int version, Questionnaire definition) {}
}
