package kz.qorgau.statistics;

import java.util.List;
import kz.qorgau.common.Spreadsheet;
import kz.qorgau.statistics.SmallCells.Cell;
import kz.qorgau.statistics.StatisticsDtos.Duration;
import kz.qorgau.statistics.StatisticsDtos.EmergencyAccessStatistics;
import kz.qorgau.statistics.StatisticsDtos.ReferralStatistics;
import kz.qorgau.statistics.StatisticsDtos.RepeatStatistics;

/**
 * The statistics as rows of a spreadsheet, one figure per row (month, figure, category, value), made from the very
 * answers the JSON gives: a withheld cell is as withheld here, its value empty and {@code withheld} true.
 */
final class StatisticsSpreadsheets {

    private StatisticsSpreadsheets() {}

    static Spreadsheet referrals(ReferralStatistics statistics, String lang) {
        Spreadsheet sheet = Spreadsheet.of(lang, "month", "figure", "category", "value", "withheld");
        statistics.months().forEach(month -> {
            sheet.row(month.month(), "total", null, month.total(), month.total() == null);
            cells(sheet, month.month(), "byState", month.byState());
            cells(sheet, month.month(), "byPriority", month.byPriority());
            cells(sheet, month.month(), "byReceiverKind", month.byReceiverKind());
            cells(sheet, month.month(), "declinesByReason", month.declinesByReason());
            duration(sheet, month.month(), "timeToAcknowledge", month.timeToAcknowledge());
            duration(sheet, month.month(), "timeToAccept", month.timeToAccept());
        });
        return sheet;
    }

    static Spreadsheet repeats(RepeatStatistics statistics, String lang) {
        Spreadsheet sheet = Spreadsheet.of(lang, "month", "figure", "district", "value", "withheld");
        statistics.months().forEach(month -> {
            cells(sheet, month.month(), "victimIncidents", month.victimIncidents());
            cells(sheet, month.month(), "repeatIncidents", month.repeatIncidents());
            cells(sheet, month.month(), "ordersBreached", month.ordersBreached());
            cells(sheet, month.month(), "missedCheckIns", month.missedCheckIns());
        });
        return sheet;
    }

    static Spreadsheet emergencyAccess(EmergencyAccessStatistics statistics, String lang) {
        Spreadsheet sheet = Spreadsheet.of(
                lang, "agencyId", "agencyName", "uses", "justified", "unjustified", "unreviewed", "overdue");
        statistics
                .agencies()
                .forEach(agency -> sheet.row(
                        agency.agencyId(),
                        agency.agencyName(),
                        agency.uses(),
                        agency.justified(),
                        agency.unjustified(),
                        agency.unreviewed(),
                        agency.overdue()));
        return sheet;
    }

    private static void cells(Spreadsheet sheet, String month, String figure, List<Cell> cells) {
        if (cells != null) {
            cells.forEach(cell -> sheet.row(month, figure, cell.key(), cell.count(), cell.suppressed()));
        }
    }

    private static void duration(Spreadsheet sheet, String month, String figure, Duration duration) {
        if (duration == null) {
            return;
        }
        sheet.row(month, figure, "referrals", duration.referrals(), duration.suppressed());
        sheet.row(month, figure, "medianMinutes", duration.medianMinutes(), duration.suppressed());
        sheet.row(month, figure, "p90Minutes", duration.p90Minutes(), duration.suppressed());
    }
}
