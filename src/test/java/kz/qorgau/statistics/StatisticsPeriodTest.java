package kz.qorgau.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import kz.qorgau.common.ProblemException;
import org.junit.jupiter.api.Test;

class StatisticsPeriodTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    @Test
    void theDefaultIsTheNinetyDaysBeforeToday() {
        StatisticsPeriod period = StatisticsPeriod.of(null, null, TODAY);
        assertEquals(new StatisticsPeriod(LocalDate.of(2026, 9, 4), TODAY), period);
        assertEquals(Instant.parse("2026-12-03T00:00:00Z"), period.end());
        assertEquals(Instant.parse("2026-09-04T00:00:00Z"), period.start());
    }

    @Test
    void aPeriodEndsAtMidnightUtcOfADayThatHasEnded() {
        assertEquals(
                new StatisticsPeriod(LocalDate.of(2026, 12, 2), TODAY),
                StatisticsPeriod.of(LocalDate.of(2026, 12, 2), TODAY, TODAY));
        assertEquals("to", field(() -> StatisticsPeriod.of(null, TODAY.plusDays(1), TODAY)));
    }

    @Test
    void emptyReversedAndOverlongPeriodsAreRefused() {
        assertEquals("from", field(() -> StatisticsPeriod.of(TODAY, TODAY, TODAY)));
        assertEquals("from", field(() -> StatisticsPeriod.of(TODAY.minusDays(1), TODAY.minusDays(2), TODAY)));
        assertEquals("from", field(() -> StatisticsPeriod.of(TODAY.minusDays(1099), TODAY, TODAY)));
        // 1,098 days (three years, leap days included) is the longest period asked for.
        assertEquals(
                TODAY.minusDays(1098),
                StatisticsPeriod.of(TODAY.minusDays(1098), TODAY, TODAY).from());
    }

    private static String field(Runnable call) {
        return assertThrows(ProblemException.InvalidInput.class, call::run)
                .fieldErrors()
                .get(0)
                .field();
    }
}
