package kz.qorgau.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.qorgau.statistics.SmallCells.Cell;
import org.junit.jupiter.api.Test;

class SmallCellsTest {

    private static Map<String, Long> counts(Object... pairs) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            counts.put((String) pairs[i], ((Number) pairs[i + 1]).longValue());
        }
        return counts;
    }

    @Test
    void countsUnderTheMinimumAreWithheld() {
        assertEquals(
                List.of(
                        new Cell("A", 12L, false),
                        new Cell("B", null, true),
                        new Cell("C", null, true),
                        new Cell("D", 9L, false)),
                SmallCells.suppress(counts("A", 12, "B", 4, "C", 1, "D", 9), 5));
    }

    @Test
    void aLoneWithheldCellTakesTheNextSmallestWithItSoTheTotalDoesNotGiveItAway() {
        assertEquals(
                List.of(
                        new Cell("A", 30L, false),
                        new Cell("B", null, true),
                        new Cell("C", null, true),
                        new Cell("D", 9L, false)),
                SmallCells.suppress(counts("A", 30, "B", 2, "C", 7, "D", 9), 5));
    }

    @Test
    void nothingIsWithheldWhenEveryCellIsLargeEnough() {
        assertEquals(
                List.of(new Cell("A", 5L, false), new Cell("B", 6L, false)),
                SmallCells.suppress(counts("A", 5, "B", 6), 5));
    }
}
