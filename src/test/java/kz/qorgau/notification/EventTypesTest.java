package kz.qorgau.notification;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EventTypesTest {

    @Test
    void everyEventTypeIsAboutRecordsWithAReaderRule() {
        for (String type : EventTypes.all()) {
            assertTrue(
                    EventReaders.READ_BY.containsKey(EventTypes.aggregateOf(type)),
                    type + " is about " + EventTypes.aggregateOf(type) + ", which has no reader rule");
        }
    }
}
