package kz.qorgau.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The budget's shares, without a server: the chart's 62 MiB and 5 MiB documents, each taking 20 MiB. */
class DocumentMemorySharesTest {

    private static final long MIB = 1024 * 1024;
    private final DocumentMemory memory = new DocumentMemory(62 * MIB, 5 * MIB);

    @Test
    void oneNetworkLeavesAnotherRoomForItsLargestDocument() {
        assertTrue(memory.reserve("almaty", "marat", 5 * MIB).isPresent());
        assertTrue(memory.reserve("almaty", "dana", MIB).isPresent(), "a colleague's smaller one");
        assertTrue(memory.reserve("almaty", "aigul", 5 * MIB).isEmpty(), "past almaty's share: 62 less 20");
        assertTrue(memory.reserve("astana", "erlan", 5 * MIB).isPresent(), "astana's largest");
        assertEquals(44 * MIB, memory.reserved());
    }

    @Test
    void oneCallerLeavesAColleagueRoomForHerLargestDocument() {
        assertTrue(memory.reserve("almaty", "marat", 5 * MIB).isPresent(), "any one document");
        assertTrue(memory.reserve("almaty", "marat", MIB).isEmpty(), "past his share: 62 less 20 less 20");
        assertTrue(memory.reserve("almaty", "dana", 5 * MIB).isPresent(), "a colleague's largest");
    }

    @Test
    void smallDocumentsGoUntilTheShareAndComeBackWhenGivenBack() {
        java.util.List<Runnable> taken = new java.util.ArrayList<>();
        for (Optional<Runnable> room = memory.reserve("almaty", "marat", 256 * 1024);
                room.isPresent();
                room = memory.reserve("almaty", "marat", 256 * 1024)) {
            taken.add(room.orElseThrow());
        }
        assertEquals(22, taken.size(), "a caller's 22 MiB of 256 KiB documents, a MiB each");
        Runnable first = taken.get(0);
        first.run();
        first.run();
        assertTrue(memory.reserve("almaty", "marat", 256 * 1024).isPresent(), "one given back, once");
        assertTrue(memory.reserve("almaty", "marat", 256 * 1024).isEmpty());
    }

    @Test
    void aDocumentLargerThanTheBudgetPassesAloneAndNothingWithIt() {
        DocumentMemory small = new DocumentMemory(8 * MIB, 5 * MIB);
        Optional<Runnable> alone = small.reserve("almaty", "marat", 5 * MIB);
        assertTrue(alone.isPresent());
        assertEquals(8 * MIB, small.reserved(), "the whole budget, not more");
        assertTrue(small.reserve("astana", "erlan", 1).isEmpty());
        alone.orElseThrow().run();
        assertEquals(0, small.reserved());
    }
}
