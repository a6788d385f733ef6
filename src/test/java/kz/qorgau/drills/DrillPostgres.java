package kz.qorgau.drills;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A PostgreSQL the drills can stop and start again on the same data and port, as an outage does: the
 * binaries the tests already embed, on 127.0.0.1.
 */
final class DrillPostgres implements AutoCloseable {

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres server;

    DrillPostgres(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /** Fresh: a new, empty database. Otherwise the one the last stop left, as a restarted server finds it. */
    DrillPostgres start(boolean fresh) {
        try {
            if (fresh && Files.exists(dataDirectory)) {
                try (Stream<Path> files = Files.walk(dataDirectory)) {
                    files.sorted(Comparator.reverseOrder())
                            .forEach(file -> file.toFile().delete());
                }
            }
            // Never let the embedded server delete its data when it stops: an outage keeps the data.
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "100")
                    .start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fast shutdown: sessions are ended, as when the database's host goes away. */
    void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server = null;
            awaitStopped();
        }
    }

    /**
     * The embedded server's close logs and swallows a pg_ctl that gave up waiting (five seconds, easily passed by a
     * shutdown checkpoint on a busy machine), so the drill itself waits until the server is gone: its pid file
     * removed, which PostgreSQL does last, and its port refusing connections.
     */
    private void awaitStopped() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!Files.exists(dataDirectory.resolve("postmaster.pid")) && refusesConnections()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while PostgreSQL stopped", e);
            }
        }
        throw new IllegalStateException("PostgreSQL on " + port + " had not stopped a minute after it was asked to");
    }

    /** Only a refusal counts: a connect that times out may be one a live server's full backlog left waiting. */
    private boolean refusesConnections() {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return false;
        } catch (java.net.ConnectException refused) {
            return true;
        } catch (IOException other) {
            return false;
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    long count(String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), "postgres", "postgres");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
