package kz.qorgau.conference;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.agency.ServiceType;
import kz.qorgau.casefile.CaseDtos.SharedDataView;
import kz.qorgau.common.HasText;
import kz.qorgau.common.Priority;
import kz.qorgau.consent.DataCategory;
import kz.qorgau.statistics.SmallCells;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the risk-conference endpoints take and return. */
public final class ConferenceDtos {

    private ConferenceDtos() {}

    @Schema(name = "NewConferenceSeries")
    public record NewSeries(
            @NotNull @HasText @Size(max = 200) String name,

            @NotNull @HasText @Size(max = 200) @Schema(description = "The district the series meets for")
            String district,

            @NotNull @Schema(description = "The agency that chairs it; a member of it")
            UUID chairAgencyId,

            @Size(max = 50) @Schema(description = "The other member agencies")
            Set<@NotNull UUID> memberAgencyIds) {}

    @Schema(name = "ConferenceSeries")
    public record SeriesView(
            UUID id,
            String name,
            String district,
            UUID chairAgencyId,

            @Schema(maxItems = 50, description = "Every member agency, the chair among them")
            List<UUID> memberAgencyIds,

            Instant createdAt) {}

    @Schema(name = "NewConferenceMeeting")
    public record NewMeeting(
            @NotNull @Schema(description = "When the meeting sits")
            Instant scheduledFor) {}

    @Schema(name = "ConferenceAttendance")
    public record Attendance(
            @NotEmpty @Size(max = 50) @Schema(description = "The member agencies that took part")
            Set<@NotNull UUID> agencyIds) {}

    @Schema(name = "ConferenceAgendaItem", description = "A case listed on a meeting: ids and why, never content")
    public record AgendaItem(UUID conferenceCaseId, UUID caseId, Criterion criterion, boolean repeat) {}

    @Schema(name = "ConferenceMeeting")
    public record MeetingView(
            UUID id,
            UUID seriesId,
            Instant scheduledFor,

            @Schema(description = "Set once the chair recorded who took part")
            Instant heldAt,

            @Schema(maxItems = 50) List<UUID> attendedAgencyIds,

            @Schema(
                    maxItems = 200,
                    description = "Empty to a member seated after the meeting was held: it took no part in it")
            List<AgendaItem> agenda) {}

    @Schema(name = "NewConferenceProposal")
    public record NewProposal(
            @NotNull @Schema(description = "A series the proposing agency sits in")
            UUID seriesId,

            @NotNull @HasText @Size(max = 2000) @Schema(description = "Why she needs the conference; sealed at rest")
            String reason) {}

    public enum Verdict {
        LIST,
        DECLINE
    }

    @Schema(name = "ConferenceDecision")
    public record Decision(
            @NotNull Verdict verdict,

            @Schema(description = "The meeting to list it on; required to LIST")
            UUID meetingId,

            @NotNull @HasText @Size(max = 2000) @Schema(description = "Told to the case's lead agency")
            String reason) {}

    @Schema(name = "ConferenceCase", description = "One case before a series: why, and what the chair decided")
    public record ConferenceCaseView(
            UUID id,
            UUID seriesId,
            UUID caseId,
            Criterion criterion,

            @Schema(description = "Heard by a conference within the repeat window before")
            boolean repeat,

            ConferenceCase.Status status,
            UUID meetingId,

            @Schema(description = "The agency that proposed it; absent when a criterion did")
            UUID proposedByAgency,

            Instant proposedAt,

            @Schema(description = "The proposing agency's reason")
            String reason,

            Instant decidedAt,
            String decisionReason,

            @Schema(description = "The risks the meeting identified; for its members and the lead agency")
            String risks,

            @Schema(description = "The meeting's minutes of the case; for its members and the lead agency")
            String minutes) {}

    @Schema(name = "ConferenceOrderFacts")
    public record OrderFacts(
            String kind,
            LocalDate issuedOn,
            LocalDate expiresOn,
            boolean revoked,

            @Schema(
                    description = "Category INCIDENT_DETAILS: the name of the man it restrains, where police recorded"
                            + " him and her consent covers the member; never the police's notes")
            String restrainedPerson) {}

    @Schema(
            name = "ConferenceSummary",
            description = "What a member sees of a case its conference hears: the minimal summary the high risk allows"
                    + " every member, and what her consent shows it besides")
    public record SummaryView(
            UUID conferenceCaseId,
            UUID caseId,
            ConferenceRules.ConferenceBasis basis,
            @Schema(maxItems = 5) Set<DataCategory> categories,
            Priority riskLevel,

            @Schema(description = "The latest checklist's score")
            Integer riskScore,

            @Schema(description = "Whether children were present at any incident of the case")
            boolean children,

            int incidentCount,
            @Schema(maxItems = 200) List<Instant> incidentDates,
            @Schema(maxItems = 50) List<OrderFacts> orders,

            @Schema(maxItems = 50, description = "The lead agency and every agency of a live referral")
            List<UUID> agenciesInvolved,

            @Schema(description = "Her data as her consent shows it to the member; absent on the high-risk basis")
            SharedDataView consented) {}

    @Schema(
            name = "ConferenceResearch",
            description = "Replaces the agency's research as a whole; at least one of the three is given")
    public record Research(
            @Size(max = 4000) @Schema(description = "What the agency knows of her")
            String survivor,

            @Size(max = 4000) @Schema(description = "Of the children")
            String children,

            @Size(max = 4000) @Schema(description = "Of the perpetrator")
            String perpetrator) {}

    @Schema(name = "ConferenceResearchRecord")
    public record ResearchView(
            UUID agencyId,
            String survivor,
            String children,
            String perpetrator,
            String recordedBy,
            Instant recordedAt) {}

    @Schema(
            name = "ConferenceMinutes",
            description = "At least one of the two; one left out keeps what was recorded of it, so that the risks and"
                    + " the minutes may be written one after the other")
    public record Minutes(
            @Size(max = 8000) @Schema(description = "The risks the meeting identified")
            String risks,

            @Size(max = 20000) @Schema(description = "What the meeting said of the case")
            String minutes) {}

    @Schema(name = "ConferenceActionReferral", description = "The referral the action is; made as a DRAFT of its owner")
    public record ActionReferral(
            @NotNull UUID receiverAgencyId,
            @NotEmpty @Size(max = 20) Set<@NotNull ServiceType> servicesRequested) {}

    @Schema(name = "NewConferenceAction")
    public record NewAction(
            @NotNull @Schema(description = "A member agency, or the case's lead agency")
            UUID ownerAgencyId,

            @NotNull @HasText @Size(max = 2000) String description,
            @NotNull Instant dueAt,
            @Valid ActionReferral referral) {}

    @Schema(name = "ConferenceAction")
    public record ActionView(
            UUID id,
            UUID conferenceCaseId,
            UUID caseId,
            UUID ownerAgencyId,

            @Schema(description = "Absent for coordinators, who see no case content")
            String description,

            Instant dueAt,

            @Schema(description = "The referral the action made")
            UUID referralId,

            Instant doneAt,
            String doneBy,
            @Schema(description = "Absent for coordinators") String doneNote,

            @Schema(description = "When it was escalated to the chair for being overdue")
            Instant overdueAt) {}

    @Schema(name = "ConferenceActionCompletion")
    public record Completion(
            @NotNull @HasText @Size(max = 2000) String note) {}

    @Schema(name = "ConferenceMonthReturn", description = "One month's figures of the meetings held in it")
    public record MonthReturn(
            java.time.YearMonth month,
            @Schema(maxItems = 10) List<SmallCells.Cell> figures) {}

    @Schema(
            name = "ConferenceDataReturn",
            description = "A series' figures per UTC calendar month of [from, to), de-identified; a count from 1 to one"
                    + " less than minimumCellSize is withheld")
    public record DataReturn(
            UUID seriesId,
            java.time.YearMonth from,
            java.time.YearMonth to,
            int minimumCellSize,
            @Schema(maxItems = 36) List<MonthReturn> months) {}
}
