package kz.qorgau.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class UploadSlotsTest {

    @Test
    void aNetworkHoldsAllTheSlotsButOne() {
        UploadSlots slots = new UploadSlots(4);
        Optional<Runnable> first = slots.take("almaty");
        assertTrue(first.isPresent());
        assertTrue(slots.take("almaty").isPresent());
        assertTrue(slots.take("almaty").isPresent());
        assertTrue(slots.take("almaty").isEmpty(), "the last slot is left for another network");
        assertTrue(slots.take("astana").isPresent(), "another network is not held up");
        assertTrue(slots.take("shymkent").isEmpty(), "four at once in all");
        assertEquals(4, slots.taken());
        first.get().run();
        first.get().run();
        assertEquals(3, slots.taken(), "a slot is given back once, however often its end is reported");
        assertTrue(slots.take("almaty").isPresent());
    }

    @Test
    void aReplicaOfOneSlotStillTakesAnUpload() {
        UploadSlots slots = new UploadSlots(1);
        assertTrue(slots.take("almaty").isPresent());
        assertTrue(slots.take("astana").isEmpty());
    }
}
