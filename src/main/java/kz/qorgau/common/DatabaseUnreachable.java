package kz.qorgau.common;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a failure to reach PostgreSQL (down, restarting, refusing connections, the pool unable to get one
 * in time) from a failure of the request itself. Such a request rolled back or never began, so the
 * caller hears 503 with a time to come back instead of 500.
 */
final class DatabaseUnreachable {

    static final long RETRY_AFTER_SECONDS = 5;

    private DatabaseUnreachable() {}

    static boolean isCause(Throwable failure) {
        return find(failure) != null;
    }

    static String describe(Throwable failure) {
        Throwable cause = find(failure);
        return cause == null ? "" : cause.getClass().getSimpleName() + " " + state(cause);
    }

    private static Throwable find(Throwable failure) {
        return find(failure, 0);
    }

    // A commit the server cut short arrives as a RollbackException whose XAException carries the driver's
    // error as a suppressed exception, not as its cause: both are followed, a few levels deep.
    private static Throwable find(Throwable failure, int depth) {
        for (Throwable cause = failure; cause != null && depth < 4; cause = cause.getCause()) {
            if (cause instanceof org.hibernate.exception.JDBCConnectionException
                    || cause instanceof SQLTransientConnectionException) {
                return cause;
            }
            if (cause instanceof SQLException sql && unreachable(sql)) {
                return cause;
            }
            for (Throwable suppressed : cause.getSuppressed()) {
                Throwable found = find(suppressed, depth + 1);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static boolean unreachable(SQLException sql) {
        String state = sql.getSQLState();
        if (state != null) {
            // 08: connection exceptions; 57P01-57P03: the server shutting down or not yet accepting connections.
            return state.startsWith("08") || state.startsWith("57P");
        }
        // Agroal reports a pool that could not get a connection in time by message alone, without a state.
        String message = sql.getMessage();
        return message != null && message.toLowerCase(java.util.Locale.ROOT).contains("acquisition timeout");
    }

    private static String state(Throwable cause) {
        return cause instanceof SQLException sql && sql.getSQLState() != null
                ? "(SQL state " + sql.getSQLState() + ")"
                : "";
    }
}
