package kz.qorgau.protectiveorder;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * When a man a court obliged to report to police must come: on each of the order's days of the month, every month
 * the order is in force, from the day it was issued to the day it expires.
 */
public final class CheckInSchedule {

    /** Days 29 to 31 are missing from some months; a schedule keeps to days every month has. */
    public static final int LAST_DAY = 28;

    private CheckInSchedule() {}

    public static List<LocalDate> dueDates(Set<Integer> daysOfMonth, LocalDate issuedOn, LocalDate expiresOn) {
        List<LocalDate> due = new ArrayList<>();
        for (YearMonth month = YearMonth.from(issuedOn);
                !month.isAfter(YearMonth.from(expiresOn));
                month = month.plusMonths(1)) {
            for (int day : new TreeSet<>(daysOfMonth)) {
                LocalDate date = month.atDay(day);
                if (!date.isBefore(issuedOn) && !date.isAfter(expiresOn)) {
                    due.add(date);
                }
            }
        }
        return due;
    }
}
