package kz.qorgau.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class UploadSlotsTest {

    @Test
    void aNetworkHoldsAllTheSlotsButOne() {
        UploadSlots slots = new UploadSlots(4);
        Optional<Runnable> first = slots.take("almaty", "marat");
        assertTrue(first.isPresent());
        assertTrue(slots.take("almaty", "marat").isPresent());
        assertTrue(slots.take("almaty", "dana").isPresent());
        assertTrue(slots.take("almaty", "aigul").isEmpty(), "the last slot is left for another network");
        assertTrue(slots.take("astana", "erlan").isPresent(), "another network is not held up");
        assertTrue(slots.take("shymkent", "saule").isEmpty(), "four at once in all");
        assertEquals(4, slots.taken());
        first.get().run();
        first.get().run();
        assertEquals(3, slots.taken(), "a slot is given back once, however often its end is reported");
        assertTrue(slots.take("almaty", "aigul").isPresent());
    }

    @Test
    void aCallerHoldsAllItsNetworksShareButOne() {
        UploadSlots slots = new UploadSlots(4);
        Optional<Runnable> first = slots.take("almaty", "marat");
        assertTrue(first.isPresent());
        assertTrue(slots.take("almaty", "marat").isPresent());
        assertTrue(slots.take("almaty", "marat").isEmpty(), "the network's last slot is left for a colleague");
        assertTrue(slots.take("astana", "marat").isPresent(), "the same name in another network is another caller");
        assertTrue(slots.take("almaty", "dana").isPresent());
        first.get().run();
        assertTrue(slots.take("almaty", "marat").isPresent(), "a slot given back is the caller's again");
    }

    @Test
    void aReplicaOfOneSlotStillTakesAnUpload() {
        UploadSlots slots = new UploadSlots(1);
        assertTrue(slots.take("almaty", "marat").isPresent());
        assertTrue(slots.take("astana", "erlan").isEmpty());
    }
}
