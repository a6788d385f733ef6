package kz.qorgau.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import kz.qorgau.common.ProblemException;
import org.junit.jupiter.api.Test;

class StatisticsPeriodTest {

    private static final YearMonth NOW = YearMonth.of(2026, 12);

    @Test
    void theDefaultIsTheThreeMonthsBeforeThisOne() {
        StatisticsPeriod period = StatisticsPeriod.of(null, null, NOW);
        assertEquals(List.of(YearMonth.of(2026, 9), YearMonth.of(2026, 10), YearMonth.of(2026, 11)), period.months());
        assertEquals(Instant.parse("2026-09-01T00:00:00Z"), period.start());
        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), period.end());
    }

    @Test
    void onlyMonthsThatHaveEndedAreCounted() {
        assertEquals(
                List.of(YearMonth.of(2026, 11)),
                StatisticsPeriod.of(YearMonth.of(2026, 11), NOW, NOW).months());
        assertEquals("to", field(() -> StatisticsPeriod.of(null, NOW.plusMonths(1), NOW)));
    }

    @Test
    void emptyReversedAndOverlongPeriodsAreRefused() {
        assertEquals("from", field(() -> StatisticsPeriod.of(NOW, NOW, NOW)));
        assertEquals("from", field(() -> StatisticsPeriod.of(NOW.minusMonths(1), NOW.minusMonths(2), NOW)));
        assertEquals("from", field(() -> StatisticsPeriod.of(NOW.minusMonths(37), NOW, NOW)));
        assertEquals(
                36, StatisticsPeriod.of(NOW.minusMonths(36), NOW, NOW).months().size());
    }

    private static String field(Runnable call) {
        return assertThrows(ProblemException.InvalidInput.class, call::run)
                .fieldErrors()
                .get(0)
                .field();
    }
}
