package kz.qorgau.drills;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged service (target/quarkus-app) in its own process, as a deployment runs it, with the test
 * profile's tenants and token keys, its schedules on, and its database given. The drills stop it the way
 * an orchestrator does (SIGTERM) or the way a crash does (SIGKILL). Its console goes to a log file.
 *
 * <p>The packaged build carries the embedded PostgreSQL of tests and dev mode, which starts with it; it is
 * pointed at a throwaway directory and, after a SIGKILL has orphaned it, stopped by {@link #close}.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Path APP = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final int port;
    final Path log;
    private final Path bystanderData;
    private Process process;

    private ServiceProcess(int port, Path log, Path bystanderData) {
        this.port = port;
        this.log = log;
        this.bystanderData = bystanderData;
    }

    static ServiceProcess start(String name, String jdbcUrl, Map<String, String> settings) {
        Path directory = Path.of("target/drills");
        ServiceProcess service = new ServiceProcess(
                freePort(), directory.resolve(name + ".log"), directory.resolve(name + "-bystander-pg"));
        try {
            // One log per drill run; a restart appends to it.
            Files.deleteIfExists(service.log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        service.launch(jdbcUrl, settings);
        return service;
    }

    private void launch(String jdbcUrl, Map<String, String> settings) {
        if (!Files.exists(APP)) {
            throw new IllegalStateException(
                    APP + " is missing: the drills run after the package phase (./mvnw verify)");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms256m",
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                "-Dquarkus.profile=test",
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.jdbc.url=" + jdbcUrl,
                // The two roles of migration V8: the service's own, and the owner Flyway migrates as.
                "-Dquarkus.datasource.username=qorgau_app",
                "-Dquarkus.datasource.password=unused",
                "-Dquarkus.flyway.username=postgres",
                "-Dquarkus.flyway.password=postgres",
                "-Dquarkus.embedded.postgresql.port=" + freePort(),
                "-Dquarkus.embedded.postgresql.data-dir=" + bystanderData.toAbsolutePath(),
                "-Dqorgau.notifications.relay-every=1s",
                "-Dqorgau.webhooks.dispatch-every=1s",
                "-Dqorgau.audit.chain-every=1s",
                "-Dquarkus.log.console.json.enabled=false"));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(APP.toString());
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady(Duration.ofSeconds(90));
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The status of a plain GET, or -1 if nothing answered within the timeout. */
    int status(String path, Duration timeout) {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create(baseUrl() + path))
                                    .timeout(timeout)
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    void awaitReady(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue() + "; see " + log);
            }
            if (status("/q/health/ready", Duration.ofSeconds(2)) == 200) {
                return;
            }
            pause(200);
        }
        throw new IllegalStateException("the service was not ready within " + patience + "; see " + log);
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed, in-flight requests are cut. */
    void kill() {
        process.destroyForcibly();
        waitFor();
        stopOrphanedBystander();
    }

    void restart(String jdbcUrl, Map<String, String> settings) {
        launch(jdbcUrl, settings);
    }

    private void waitFor() {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The embedded PostgreSQL the killed process started outlives it; end it through its pid file. */
    private void stopOrphanedBystander() {
        Path pidFile = bystanderData.resolve("postmaster.pid");
        try {
            if (Files.exists(pidFile)) {
                long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
                ProcessHandle.of(pid).ifPresent(postmaster -> {
                    postmaster.destroy();
                    postmaster
                            .onExit()
                            .orTimeout(10, java.util.concurrent.TimeUnit.SECONDS)
                            .exceptionally(t -> null)
                            .join();
                });
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("could not stop the orphaned embedded PostgreSQL: " + e);
        }
    }

    String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        stopOrphanedBystander();
    }

    /**
     * The processes the drills started that are still running: a PostgreSQL or a service whose command line
     * names the drills' directory. A drill ends with none, so that the test command leaves nothing behind.
     */
    static List<String> leftRunning() {
        String drills = Path.of("target/drills").toAbsolutePath().toString();
        String app = APP.toAbsolutePath().toString();
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
                .filter(line -> line.contains(drills)
                        || line.contains("target/drills")
                        || line.contains(app)
                        || line.contains("quarkus-app/quarkus-run.jar"))
                .toList();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
