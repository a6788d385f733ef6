package kz.qorgau.common;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * The one source of time and of new ids. Tests replace these beans (an {@code @Alternative} with a fixed
 * clock) so that deadlines and ordering are deterministic.
 */
@ApplicationScoped
public class TimeAndIds {

    @Produces
    @Singleton
    Clock clock() {
        // PostgreSQL keeps microseconds; ticking in microseconds makes a stored time equal the one we hold,
        // which keyset cursors built from update times rely on.
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    @Produces
    @Singleton
    IdGenerator idGenerator() {
        // Version 7 UUIDs are time-ordered, so new rows land at the right edge of primary-key indexes
        // instead of scattering writes over the whole B-tree as random (v4) ids would.
        TimeBasedEpochGenerator generator = Generators.timeBasedEpochGenerator();
        return generator::generate;
    }

    @FunctionalInterface
    public interface IdGenerator {
        UUID newId();
    }
}
