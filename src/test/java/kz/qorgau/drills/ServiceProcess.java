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
 * <p>The packaged build carries the embedded PostgreSQL of tests and dev mode, which starts with it; after a
 * SIGKILL its watchdog must stop it ({@link #kill} checks), and {@link #close} stops any that remain.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Path APP = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final int port;

    /** Health and metrics: the packaged service answers them on the management interface alone. */
    final int managementPort = freePort();

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
        try {
            service.launch(jdbcUrl, settings);
        } catch (RuntimeException notReady) {
            // A service that never became ready is not left running behind the failure.
            service.close();
            throw notReady;
        }
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
                // The package is a production build: health and metrics live on the management interface, which
                // the test profile must switch on as the build did, or they answer nowhere.
                "-Dquarkus.management.enabled=true",
                "-Dquarkus.management.host=127.0.0.1",
                "-Dquarkus.management.port=" + managementPort,
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

    /** The status of a plain GET (of /q/... on the management port), or -1 if nothing answered in time. */
    int status(String path, Duration timeout) {
        return statusAt((path.startsWith("/q/") ? "http://127.0.0.1:" + managementPort : baseUrl()) + path, timeout);
    }

    /** The status of a plain GET of the API's own port, whatever the path. */
    int apiStatus(String path, Duration timeout) {
        return statusAt(baseUrl() + path, timeout);
    }

    private static int statusAt(String url, Duration timeout) {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create(url))
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

    /**
     * The data directories of the embedded PostgreSQL servers the services started, as their logs name them:
     * the extension chooses the directory itself and starts the server detached (pg_ctl), so the server is
     * neither a child of the service nor in the directory the settings name.
     */
    private static final java.util.Set<String> BYSTANDER_DIRECTORIES =
            java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static final java.util.regex.Pattern BYSTANDER_DIRECTORY =
            java.util.regex.Pattern.compile("(/tmp/epg\\d+)");

    /**
     * SIGKILL: no shutdown hook runs, nothing is flushed, in-flight requests are cut. The service's embedded
     * PostgreSQL must end by itself (its watchdog), as it would for a user whose service crashed; one that does
     * not is stopped here and the drill fails.
     */
    void kill() {
        process.destroyForcibly();
        waitFor();
        java.util.Set<String> own = rememberBystanders();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (bystanderRunning(own) && System.nanoTime() < deadline) {
            pause(250);
        }
        if (bystanderRunning(own)) {
            stopOrphanedBystander();
            throw new AssertionError("the embedded PostgreSQL outlived its killed service by 20 s; see " + log);
        }
    }

    /** SIGTERM, as an orchestrator stops a replica; returns at once, the service stopping in its own time. */
    void terminate() {
        process.destroy();
    }

    /** The exit status once the process has ended, or -1 if it still runs after the patience given. */
    int awaitExit(Duration patience) throws InterruptedException {
        return process.waitFor(patience.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                ? process.exitValue()
                : -1;
    }

    private static boolean bystanderRunning(java.util.Set<String> directories) {
        return ProcessHandle.allProcesses()
                .anyMatch(p -> p.isAlive() && servesOneOf(p.info().commandLine().orElse(""), directories));
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

    /** The embedded PostgreSQL the service started outlives a killed service; end it by its data directory. */
    private void stopOrphanedBystander() {
        rememberBystanders();
        ProcessHandle.allProcesses()
                .filter(p -> servesABystander(p.info().commandLine().orElse("")))
                .forEach(postmaster -> {
                    postmaster.destroy();
                    postmaster
                            .onExit()
                            .orTimeout(10, java.util.concurrent.TimeUnit.SECONDS)
                            .exceptionally(t -> null)
                            .join();
                });
    }

    /** The data directories this service's log names, added to those of every service the drills started. */
    private java.util.Set<String> rememberBystanders() {
        java.util.Set<String> own = new java.util.HashSet<>();
        try {
            java.util.regex.Matcher found = BYSTANDER_DIRECTORY.matcher(Files.readString(log));
            while (found.find()) {
                own.add(found.group(1));
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("could not read the service's log for its embedded PostgreSQL: " + e);
        }
        BYSTANDER_DIRECTORIES.addAll(own);
        return own;
    }

    private static boolean servesABystander(String commandLine) {
        return servesOneOf(commandLine, BYSTANDER_DIRECTORIES);
    }

    private static boolean servesOneOf(String commandLine, java.util.Set<String> directories) {
        return commandLine.contains("bin/postgres")
                && directories.stream()
                        .anyMatch(dir -> commandLine.contains("-D " + dir + " ") || commandLine.endsWith("-D " + dir));
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
        List<String> running = new java.util.ArrayList<>(ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
                .filter(line -> line.contains(drills)
                        || line.contains("target/drills")
                        || line.contains(app)
                        || line.contains("quarkus-app/quarkus-run.jar"))
                .toList());
        ProcessHandle.allProcesses()
                .filter(p ->
                        p.isAlive() && servesABystander(p.info().commandLine().orElse("")))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("") + " (a service's embedded PostgreSQL)")
                .forEach(running::add);
        return running;
    }

    /** Ports handed out by this run: the kernel may offer a port again once its probe socket closed. */
    private static final java.util.Set<Integer> GIVEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * A free port on 127.0.0.1 that this run has not handed out before, so that a service's API, management and
     * database ports are never one and the same (a management interface on the API's port never becomes ready).
     */
    static int freePort() {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                if (GIVEN.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
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
