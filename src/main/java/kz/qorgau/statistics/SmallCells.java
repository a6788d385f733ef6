package kz.qorgau.statistics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small-cell suppression for published counts: a count from 1 to {@code minimum - 1} could point at a
 * person in a small network, so it is withheld. When one cell of a breakdown is withheld and the total
 * is published, the next smallest is withheld with it, or subtracting the rest from the total would give
 * the hidden count back.
 */
public final class SmallCells {

    public static final int MINIMUM = 5;

    private SmallCells() {}

    /** A published cell: the count, or null when withheld. */
    public record Cell(String key, Long count, boolean suppressed) {}

    /** @param counts the breakdown's cells in display order; absent keys are zero and are not listed */
    public static List<Cell> suppress(Map<String, Long> counts, int minimum) {
        Map<String, Boolean> hidden = new LinkedHashMap<>();
        counts.forEach((key, count) -> hidden.put(key, count > 0 && count < minimum));
        long hiddenCells = hidden.values().stream().filter(h -> h).count();
        if (hiddenCells == 1) {
            counts.entrySet().stream()
                    .filter(e -> !hidden.get(e.getKey()) && e.getValue() > 0)
                    .min(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .ifPresent(next -> hidden.put(next.getKey(), true));
        }
        List<Cell> cells = new ArrayList<>();
        counts.forEach(
                (key, count) -> cells.add(hidden.get(key) ? new Cell(key, null, true) : new Cell(key, count, false)));
        return cells;
    }

    /** Whether a figure computed from this many referrals may be published at all. */
    public static boolean publishable(long population, int minimum) {
        return population >= minimum;
    }
}
