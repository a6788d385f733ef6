package kz.qorgau.common;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
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
        return Clock.systemUTC();
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
