package kz.qorgau.protectiveorder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A court's reporting obligation as dates, without a server. */
class CheckInScheduleTest {

    @Test
    void twiceAMonthForThreeMonthsFromTheDayOfIssue() {
        assertEquals(
                List.of(
                        LocalDate.of(2026, 12, 15),
                        LocalDate.of(2027, 1, 1),
                        LocalDate.of(2027, 1, 15),
                        LocalDate.of(2027, 2, 1),
                        LocalDate.of(2027, 2, 15),
                        LocalDate.of(2027, 3, 1)),
                CheckInSchedule.dueDates(Set.of(15, 1), LocalDate.of(2026, 12, 3), LocalDate.of(2027, 3, 2)));
    }

    @Test
    void noDateOutsideTheOrder() {
        assertEquals(
                List.of(), CheckInSchedule.dueDates(Set.of(1), LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 31)));
    }
}
