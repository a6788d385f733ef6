package kz.qorgau.safecontact;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.common.HasText;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class SafeContactDtos {

    private SafeContactDtos() {}

    @Schema(name = "ChannelRule", description = "Whether one channel is safe, and when")
    public record ChannelRuleInput(
            @NotNull Channel channel,
            @NotNull Boolean safe,

            @Size(max = 7) @Schema(maxItems = 7, description = "The days it is safe on; every day when absent or empty")
            Set<@NotNull DayOfWeek> days,

            @Schema(
                    type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                    implementation = String.class,
                    pattern = "^([01][0-9]|2[0-3]):[0-5][0-9]$",
                    description = "From this local time of her network (HH:mm, such as 09:00); with until, or neither"
                            + " for all day")
            @JsonFormat(pattern = "HH:mm")
            LocalTime from,

            @Schema(
                    type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                    implementation = String.class,
                    pattern = "^([01][0-9]|2[0-3]):[0-5][0-9]$",
                    description = "Until this local time (HH:mm, such as 18:00), exclusive")
            @JsonFormat(pattern = "HH:mm")
            LocalTime until) {}

    @Schema(
            name = "ContactRulesUpdate",
            description = "How it is safe to contact her; every channel is stated once. Replaces the rules with a new"
                    + " version that every agency must acknowledge before it gets her contact data.")
    public record RulesUpdate(
            @NotNull @Size(min = 1, max = 6) List<@NotNull @Valid ChannelRuleInput> channels,

            @Size(max = 100) @Schema(description = "A word she uses to show she can speak safely")
            String safeWord,

            @Size(max = 20)
            @Schema(maxItems = 20, description = "People who must not learn of any contact (his name, his mother)")
            List<@NotNull @HasText @Size(max = 200) String> mustNotKnow,

            @NotNull ContactLanguage language,

            @Size(max = 100) @Schema(description = "The language, when OTHER")
            String languageOther,

            @Size(max = 2000) String notes) {}

    @Schema(name = "ContactRulesAcknowledgement")
    public record Acknowledgement(
            @NotNull @Min(1) @Schema(description = "The version the person read")
            Integer version) {}

    @Schema(name = "ContactRulesAcknowledged", description = "One agency's reading of a version, by a named person")
    public record AcknowledgementView(UUID agencyId, int version, String acknowledgedBy, Instant acknowledgedAt) {}

    @Schema(
            name = "ContactRules",
            description = "Categories CONTACT or ADDRESS (either lets an agency read them), sealed at rest: how it is"
                    + " safe to contact her, as its current version")
    public record RulesView(
            UUID caseId,
            int version,
            @Schema(maxItems = 6) List<ChannelRuleInput> channels,
            String safeWord,
            @Schema(maxItems = 20) List<String> mustNotKnow,
            ContactLanguage language,
            String languageOther,
            String notes,
            UUID recordedByAgencyId,

            @Schema(description = "The person who recorded this version")
            String recordedBy,

            Instant recordedAt,

            @Schema(description = "Whether the caller's agency acknowledged this version")
            boolean acknowledgedByCallersAgency,

            @Schema(maxItems = 100, description = "The agencies that acknowledged this version")
            List<AcknowledgementView> acknowledgements) {}

    @Schema(name = "NewContactAttempt", description = "An attempt to reach her, recorded by the agency making it")
    public record NewAttempt(
            @NotNull Channel channel,

            @Schema(
                    description = "When; now when absent. Not after the moment it is recorded, nor more than 30 days"
                            + " ago")
            Instant attemptedAt,

            @NotNull ContactOutcome outcome,

            @Size(max = 2000) @Schema(description = "Sealed at rest")
            String note) {}

    @Schema(name = "ContactAttempt")
    public record AttemptView(
            UUID id,
            UUID caseId,
            UUID agencyId,
            Channel channel,
            Instant attemptedAt,
            ContactOutcome outcome,
            String note,

            @Schema(description = "The rules version it was checked against")
            int rulesVersion,

            String recordedBy,
            Instant recordedAt) {}

    /** The rules as sealed: what the update said, channels in order. */
    record StoredRules(
            List<ChannelRuleInput> channels,
            String safeWord,
            List<String> mustNotKnow,
            ContactLanguage language,
            String languageOther,
            String notes) {}
}
