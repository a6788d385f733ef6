package kz.qorgau.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs the real Keycloak server that Maven unpacked under target/keycloak, with the demo realms of
 * src/main/keycloak imported into an in-memory database, bound to 127.0.0.1 only. The end-to-end tests
 * start one on a free port; {@code ./mvnw -Pdemo} starts one on 8180 through {@link #main}.
 */
public final class KeycloakLauncher implements AutoCloseable {

    /** The master realm's bootstrap administrator: tests use it for a token of a realm the API does not know. */
    public static final String ADMIN = "admin";

    public static final String ADMIN_PASSWORD = "admin-demo-only";

    private static final Duration STARTUP = Duration.ofMinutes(4);

    private final Process process;
    private final int port;
    private final Path log;

    private KeycloakLauncher(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static KeycloakLauncher start(int port) {
        Path home = Path.of(required("keycloak.home"));
        Path realms = Path.of(required("keycloak.realms"));
        Path log = home.resolve("keycloak-" + port + ".log");
        try {
            Path imports = Files.createDirectories(home.resolve("data/import"));
            try (Stream<Path> files = Files.list(realms)) {
                for (Path realm :
                        files.filter(f -> f.toString().endsWith("-realm.json")).toList()) {
                    Files.copy(realm, imports.resolve(realm.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            home.resolve("bin/kc.sh").toFile().setExecutable(true);
            ProcessBuilder builder = new ProcessBuilder(List.of(
                            home.resolve("bin/kc.sh").toString(),
                            "start-dev",
                            "--http-host=127.0.0.1",
                            "--http-port=" + port,
                            "--db=dev-mem",
                            "--import-realm",
                            "--health-enabled=false",
                            "--metrics-enabled=false"))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
            KeycloakLauncher keycloak = new KeycloakLauncher(builder.start(), port, log);
            keycloak.awaitReady();
            return keycloak;
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak could not be started from " + home, e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public String issuer(String realm) {
        return url() + "/realms/" + realm;
    }

    private void awaitReady() {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(issuer("astana") + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5))
                .build();
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            sleep(Duration.ofMillis(500));
        }
        close();
        throw new IllegalStateException("Keycloak was not ready within " + STARTUP + "; see " + log);
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("System property " + property + " is not set; run through Maven");
        }
        return value;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The demo stack's Keycloak: runs until Maven (or Ctrl-C) stops it. */
    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(System.getProperty("keycloak.port", "8180"));
        System.out.println("[demo] starting Keycloak " + " on 127.0.0.1:" + port + " (log: target/keycloak) ...");
        KeycloakLauncher keycloak = start(port);
        Runtime.getRuntime().addShutdownHook(new Thread(keycloak::close));
        System.out.println("[demo] Keycloak is ready at " + keycloak.url() + " with realms almaty and astana");
        keycloak.process.waitFor();
    }
}
