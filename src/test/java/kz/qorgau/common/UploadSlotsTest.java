package kz.qorgau.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class UploadSlotsTest {

    @Test
    void aCallerHoldsOneSlotAndANetworkHalfOfThem() {
        UploadSlots slots = new UploadSlots(4);
        Optional<Runnable> first = slots.take("almaty", "marat");
        assertTrue(first.isPresent());
        assertTrue(slots.take("almaty", "marat").isEmpty(), "one upload at a time per caller");
        assertTrue(slots.take("almaty", "aigerim").isPresent());
        assertTrue(slots.take("almaty", "dana").isEmpty(), "a network holds at most half the slots");
        assertTrue(slots.take("astana", "erlan").isPresent(), "another network is not held up");
        assertTrue(slots.take("astana", "saule").isPresent());
        assertTrue(slots.take("astana", "timur").isEmpty());
        assertEquals(4, slots.taken());
        first.get().run();
        first.get().run();
        assertEquals(3, slots.taken(), "a slot is given back once, however often its end is reported");
        assertTrue(slots.take("almaty", "marat").isPresent(), "the caller's next upload is taken");
    }

    @Test
    void aReplicaOfOneSlotStillTakesAnUpload() {
        UploadSlots slots = new UploadSlots(1);
        assertTrue(slots.take("almaty", "marat").isPresent());
        assertTrue(slots.take("astana", "erlan").isEmpty());
    }
}
