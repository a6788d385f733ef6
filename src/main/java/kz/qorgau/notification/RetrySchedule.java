package kz.qorgau.notification;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * When to try a failed delivery again: exponential backoff from {@code base}, capped, with jitter, so
 * that a receiver coming back is not hit by every retry at the same moment.
 *
 * @param maxAttempts after this many failed tries the delivery is dead-lettered
 */
public record RetrySchedule(Duration base, Duration cap, int maxAttempts) {

    /** @return the wait after the {@code attempt}-th failure (1-based): half to all of base * 2^(attempt-1), capped */
    public Duration delayAfter(int attempt, DoubleSupplier random) {
        long exponential = base.toMillis() << Math.min(attempt - 1, 30);
        long ceiling = Math.min(exponential <= 0 ? Long.MAX_VALUE : exponential, cap.toMillis());
        return Duration.ofMillis(Math.max(1, (long) (ceiling * (0.5 + 0.5 * random.getAsDouble()))));
    }

    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }
}
