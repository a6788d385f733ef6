package kz.qorgau.statistics;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import kz.qorgau.common.ProblemException;

/**
 * The months a statistics query covers: whole UTC calendar months [from, to), every one of them over.
 *
 * <p>Figures are published per month and never summed across months by the service. Small-cell suppression
 * protects a count only if no two answers can be subtracted to reveal a smaller one: with free periods,
 * [1 Jan, 3 Mar) less [1 Jan, 2 Mar) is one day's count, however small. With fixed months, each published
 * with its own suppression, any answer is made of the same month figures, and subtracting two answers gives
 * back only figures already published. Only months that have ended are counted, so asking about the same
 * month again later cannot isolate the referrals sent in between.
 */
public record StatisticsPeriod(YearMonth from, YearMonth to) {

    static final int DEFAULT_MONTHS = 3;
    static final int LONGEST_MONTHS = 36;

    /** The months asked for, defaults filled in (the three months before this one), or a field error. */
    public static StatisticsPeriod of(YearMonth from, YearMonth to, YearMonth current) {
        YearMonth end = to == null ? current : to;
        if (end.isAfter(current)) {
            throw new ProblemException.InvalidInput(
                    "to", "must be a month that has ended: at most " + current + ", the first month not counted");
        }
        YearMonth start = from == null ? end.minusMonths(DEFAULT_MONTHS) : from;
        if (!start.isBefore(end)) {
            throw new ProblemException.InvalidInput("from", "must be before to");
        }
        if (ChronoUnit.MONTHS.between(start, end) > LONGEST_MONTHS) {
            throw new ProblemException.InvalidInput("from", "must be at most " + LONGEST_MONTHS + " months before to");
        }
        return new StatisticsPeriod(start, end);
    }

    public List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = from; m.isBefore(to); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    public Instant start() {
        return from.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public Instant end() {
        return to.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
