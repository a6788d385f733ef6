package kz.qorgau.children;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/** When a notice about a child must be acknowledged: on the next school day (Monday to Friday) after it was sent. */
public final class SchoolDays {

    private SchoolDays() {}

    public static LocalDate nextSchoolDay(LocalDate after) {
        LocalDate day = after.plusDays(1);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** The moment on the next school day after {@code sent}, in the network's zone, by which it is acknowledged. */
    public static Instant acknowledgeBy(Instant sent, ZoneId zone, LocalTime by) {
        return nextSchoolDay(sent.atZone(zone).toLocalDate())
                .atTime(by)
                .atZone(zone)
                .toInstant();
    }
}
