package kz.qorgau.statistics;

import java.time.YearMonth;
import java.util.List;
import kz.qorgau.statistics.SmallCells.Cell;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class StatisticsDtos {

    private StatisticsDtos() {}

    @Schema(
            name = "ReferralStatistics",
            description = "De-identified figures of the referrals sent in whole UTC months, a set of figures per month "
                    + "(never summed across months, so that no two answers can be subtracted to uncover a withheld "
                    + "count). A count under minimumCellSize is withheld (suppressed, no count), and so is the next "
                    + "smallest of its breakdown when it alone would be; durations from fewer referrals are withheld "
                    + "too.")
    public record ReferralStatistics(
            @Schema(description = "The first month counted") YearMonth from,

            @Schema(description = "The first month not counted")
            YearMonth to,

            int minimumCellSize,

            @Schema(maxItems = 36, description = "One entry per month of the period, oldest first")
            List<MonthFigures> months) {}

    @Schema(name = "MonthlyReferralFigures")
    public record MonthFigures(
            @Schema(description = "The month, as 2026-11") String month,

            @Schema(description = "Referrals sent in the month; absent when under minimumCellSize")
            Long total,

            @Schema(maxItems = 10) List<Cell> byState,
            @Schema(maxItems = 3) List<Cell> byPriority,

            @Schema(maxItems = 6, description = "By the kind of the receiving agency")
            List<Cell> byReceiverKind,

            @Schema(maxItems = 5) List<Cell> declinesByReason,

            @Schema(description = "From SUBMITTED to ACKNOWLEDGED")
            Duration timeToAcknowledge,

            @Schema(description = "From SUBMITTED to ACCEPTED")
            Duration timeToAccept) {}

    @Schema(name = "DurationStatistics")
    public record Duration(
            @Schema(description = "How many referrals the figures come from; absent when withheld")
            Long referrals,

            boolean suppressed,
            Double medianMinutes,
            Double p90Minutes) {}

    @Schema(name = "RepeatVictimisationStatistics")
    public record RepeatStatistics(
            @Schema(description = "The first month counted") YearMonth from,

            @Schema(description = "The first month not counted")
            YearMonth to,

            int minimumCellSize,

            @Schema(maxItems = 36, description = "One entry per month of the period, oldest first")
            List<RepeatMonth> months) {}

    @Schema(
            name = "MonthlyRepeatFigures",
            description = "Per district (the incident's; for breaches without an incident and for check-ins, the police"
                    + " unit's). A cell under minimumCellSize is withheld, with the next smallest when it alone would"
                    + " be")
    public record RepeatMonth(
            @Schema(description = "The month, as 2026-11") String month,

            @Schema(maxItems = 200, description = "Incidents that name a recognised victim, by district")
            List<Cell> victimIncidents,

            @Schema(
                    maxItems = 200,
                    description = "Of those, the incidents about a victim with another incident in the 12 months"
                            + " before: repeat victimisation is this over victimIncidents")
            List<Cell> repeatIncidents,

            @Schema(maxItems = 200, description = "Protective orders with a violation that happened in the month")
            List<Cell> ordersBreached,

            @Schema(maxItems = 200, description = "Check-ins due in the month that police did not record")
            List<Cell> missedCheckIns) {}

    @Schema(
            name = "EmergencyAccessStatistics",
            description = "Uses of emergency access per opening agency over UTC months [from, to), by their review."
                    + " About agencies' conduct, not survivors: no cell is withheld.")
    public record EmergencyAccessStatistics(
            YearMonth from,
            YearMonth to,

            @Schema(maxItems = 1000, description = "Agencies with at least one use, the most unjustified first")
            java.util.List<EmergencyAccessFigures> agencies) {}

    @Schema(name = "EmergencyAccessFigures")
    public record EmergencyAccessFigures(
            java.util.UUID agencyId,
            String agencyName,
            long uses,
            long justified,

            @Schema(description = "Uses a coordinator judged not justified")
            long unjustified,

            long unreviewed,

            @Schema(description = "Of the unreviewed, those past their review deadline")
            long overdue) {}
}
