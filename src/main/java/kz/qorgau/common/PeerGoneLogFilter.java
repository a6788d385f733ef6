package kz.qorgau.common;

import io.quarkus.logging.LoggingFilter;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.Set;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Leaves out of the log the errors a client makes by going away mid-request: an upload whose sender closed the
 * connection before its body was whole, a download whose reader did before its last slice. Quarkus and the REST layer
 * log each as an ERROR with its stack, and anyone who can open a connection can make as many as they like, which
 * buries the errors that need someone. Nothing is lost: the request's own outcome is in the access and audit records.
 */
@LoggingFilter(name = "peer-gone")
public final class PeerGoneLogFilter implements Filter {

    private static final Set<String> GONE = Set.of("Broken pipe", "Connection reset by peer");

    @Override
    public boolean isLoggable(LogRecord record) {
        return record.getLevel().intValue() < Level.WARNING.intValue() || !peerWentAway(record.getThrown());
    }

    /** Whether the failure, or one of its causes, is the client's connection closing. */
    static boolean peerWentAway(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof io.vertx.core.http.HttpClosedException || cause instanceof ClosedChannelException) {
                return true;
            }
            if (cause instanceof IOException && cause.getMessage() != null && GONE.contains(cause.getMessage())) {
                return true;
            }
        }
        return false;
    }
}
