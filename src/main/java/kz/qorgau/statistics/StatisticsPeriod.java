package kz.qorgau.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import kz.qorgau.common.ProblemException;

/**
 * The days a statistics query counts: whole UTC days [from, to), all of them over.
 *
 * <p>Small-cell suppression protects a count only if no two queries can be subtracted to reveal a smaller
 * one. With free instants, two windows a millisecond apart isolate one referral; with whole days the
 * smallest difference is a day's referrals, and with only days that have ended, asking the same window
 * again later cannot isolate what arrived in between.
 */
record StatisticsPeriod(LocalDate from, LocalDate to) {

    static final int DEFAULT_DAYS = 90;
    static final int LONGEST_DAYS = 3 * 366;

    /** The period asked for, defaults filled in (the 90 days before today), or a field error saying why not. */
    static StatisticsPeriod of(LocalDate from, LocalDate to, LocalDate today) {
        LocalDate end = to == null ? today : to;
        if (end.isAfter(today)) {
            throw new ProblemException.InvalidInput(
                    "to", "must be a day that has ended: at most " + today + ", the first day not counted");
        }
        LocalDate start = from == null ? end.minusDays(DEFAULT_DAYS) : from;
        if (!start.isBefore(end)) {
            throw new ProblemException.InvalidInput("from", "must be before to");
        }
        if (ChronoUnit.DAYS.between(start, end) > LONGEST_DAYS) {
            throw new ProblemException.InvalidInput("from", "must be at most " + LONGEST_DAYS + " days before to");
        }
        return new StatisticsPeriod(start, end);
    }

    Instant start() {
        return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    Instant end() {
        return to.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
