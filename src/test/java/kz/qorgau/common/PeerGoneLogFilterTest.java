package kz.qorgau.common;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class PeerGoneLogFilterTest {

    private final PeerGoneLogFilter filter = new PeerGoneLogFilter();

    @Test
    void aClientThatWentAwayIsNoError() {
        assertFalse(filter.isLoggable(error(new io.vertx.core.http.HttpClosedException("Connection was closed"))));
        assertFalse(filter.isLoggable(error(new IOException("Broken pipe"))));
        assertFalse(filter.isLoggable(
                error(new IllegalStateException("wrapped", new IOException("Connection reset by peer")))));
        assertFalse(filter.isLoggable(error(new java.nio.channels.ClosedChannelException())));
    }

    @Test
    void everyOtherErrorIsLogged() {
        assertTrue(filter.isLoggable(error(new IOException("No space left on device"))));
        assertTrue(filter.isLoggable(error(new IllegalStateException("a bug"))));
        assertTrue(filter.isLoggable(error(null)));
        LogRecord debug = new LogRecord(Level.FINE, "the peer went");
        debug.setThrown(new IOException("Broken pipe"));
        assertTrue(filter.isLoggable(debug), "below a warning it is left as it is");
    }

    private static LogRecord error(Throwable thrown) {
        LogRecord record = new LogRecord(Level.SEVERE, "failed");
        record.setThrown(thrown);
        return record;
    }
}
