package kz.qorgau.common;

import java.util.OptionalLong;

/**
 * A failure that says nothing about the request: the database could not be reached, or a row it needed stayed held
 * by another operation past the lock timeout, or it lost a deadlock. The transaction rolled back, so the same request
 * sent again a little later normally goes through. The API answers these as problem details (ProblemMappers); pages
 * that answer in HTML ask here whether to say "try again" rather than fail.
 */
public final class TransientDatabaseFailure {

    /** About the lock timeout itself: by then the holder has usually let go. */
    static final long LOCK_WAIT_RETRY_AFTER_SECONDS = 5;

    private TransientDatabaseFailure() {}

    /** When to send the request again, if the failure is a transient one; empty for any other failure. */
    public static OptionalLong retryAfterSeconds(Throwable failure) {
        if (DatabaseUnreachable.isCause(failure)) {
            return OptionalLong.of(DatabaseUnreachable.RETRY_AFTER_SECONDS);
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.hibernate.exception.LockAcquisitionException
                    || cause instanceof jakarta.persistence.PessimisticLockException
                    || cause instanceof jakarta.persistence.LockTimeoutException) {
                return OptionalLong.of(LOCK_WAIT_RETRY_AFTER_SECONDS);
            }
        }
        return OptionalLong.empty();
    }
}
