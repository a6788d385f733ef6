package kz.qorgau.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(5), Duration.ofHours(1), 12);

    @Test
    void waitsDoubleEachTimeWithinHalfToAllOfTheStepAndNeverBeyondTheCap() {
        assertEquals(Duration.ofSeconds(5), schedule.delayAfter(1, () -> 1.0));
        assertEquals(Duration.ofMillis(2500), schedule.delayAfter(1, () -> 0.0));
        assertEquals(Duration.ofSeconds(40), schedule.delayAfter(4, () -> 1.0));
        assertEquals(Duration.ofHours(1), schedule.delayAfter(12, () -> 1.0));
        assertEquals(Duration.ofHours(1), schedule.delayAfter(400, () -> 1.0));
    }

    @Test
    void deadLettersAfterTheLastTry() {
        assertFalse(schedule.exhausted(11));
        assertTrue(schedule.exhausted(12));
    }

    @Test
    void signsTheStandardWebhooksWay() {
        // The example of the Standard Webhooks specification's reference implementation.
        String signature = WebhookSignature.sign(
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330,
                "{\"test\": 2432232314}");
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }
}
