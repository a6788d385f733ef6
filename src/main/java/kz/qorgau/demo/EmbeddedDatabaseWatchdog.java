package kz.qorgau.demo;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Ends the embedded PostgreSQL of dev mode, the demo and the tests when the service that started it dies
 * without shutting down (SIGKILL, an out-of-memory kill, a closed terminal).
 *
 * <p>The extension starts the server through pg_ctl, which puts it in a session of its own: it is not the
 * service's child, a signal to the service's process group does not reach it, and only the service's
 * shutdown hook stops it. A killed service therefore left it running on its port with its data directory,
 * and the next start met a taken port. This starts a small detached shell that waits for the service's
 * process to end and then stops that one server (after checking the process is still that server, not a
 * reused pid) and removes its directory.
 *
 * <p>Which server is this service's: the one whose data directory's {@code epg-lock} this JVM holds open
 * (the library locks it for the server's lifetime).
 */
@ApplicationScoped
public class EmbeddedDatabaseWatchdog {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabaseWatchdog.class);
    private static final Pattern DATA_DIRECTORY = Pattern.compile("bin/postgres .*-D (\\S+)");

    @ConfigProperty(name = "qorgau.embedded-database.watchdog", defaultValue = "false")
    boolean enabled;

    void onStart(@Observes StartupEvent start) {
        if (!enabled) {
            return;
        }
        Set<Path> ours = lockedByThisJvm();
        Optional<ProcessHandle> server = ProcessHandle.allProcesses()
                .filter(p -> dataDirectory(p).map(ours::contains).orElse(false))
                .findFirst();
        server.ifPresentOrElse(
                this::watch, () -> LOG.debug("No embedded PostgreSQL of this process found; no watchdog started"));
    }

    private void watch(ProcessHandle server) {
        String directory = dataDirectory(server).orElseThrow().toString();
        // Positional parameters keep the paths out of the script's text: $1 the service, $2 the server, $3 its data.
        String script = "while kill -0 \"$1\" 2>/dev/null; do sleep 1; done;"
                + " if ps -o args= -p \"$2\" | grep -qF -- \"-D $3\"; then kill -INT \"$2\";"
                + " while kill -0 \"$2\" 2>/dev/null; do sleep 1; done; rm -rf -- \"$3\"; fi";
        List<String> command = List.of(
                "sh",
                "-c",
                script,
                "qorgau-embedded-db-watchdog",
                Long.toString(ProcessHandle.current().pid()),
                Long.toString(server.pid()),
                directory);
        if (Files.isExecutable(Path.of("/usr/bin/setsid")) || Files.isExecutable(Path.of("/bin/setsid"))) {
            // Its own session, so that a signal to the service's whole process group does not end the watchdog too.
            command = concat("setsid", command);
        }
        try {
            new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            LOG.debugf("Watching for this process's end to stop embedded PostgreSQL %d (%s)", server.pid(), directory);
        } catch (IOException e) {
            LOG.warnf("Could not start the embedded PostgreSQL watchdog: %s", e.getMessage());
        }
    }

    private static List<String> concat(String first, List<String> rest) {
        return Stream.concat(Stream.of(first), rest.stream()).toList();
    }

    private static Optional<Path> dataDirectory(ProcessHandle process) {
        Matcher found = DATA_DIRECTORY.matcher(process.info().commandLine().orElse(""));
        return found.find() ? Optional.of(Path.of(found.group(1))) : Optional.empty();
    }

    /**
     * The data directories whose lock file this JVM holds open, read from /proc (Linux; elsewhere none and no
     * watchdog). Trying the lock instead would release it: on Linux, closing any descriptor of a file drops
     * the process's locks on it, and the library would then take the live server for an abandoned one.
     */
    private static Set<Path> lockedByThisJvm() {
        Path descriptors = Path.of("/proc/self/fd");
        if (!Files.isDirectory(descriptors)) {
            return Set.of();
        }
        Set<Path> directories = new HashSet<>();
        try (Stream<Path> open = Files.list(descriptors)) {
            open.forEach(descriptor -> {
                try {
                    Path target = Files.readSymbolicLink(descriptor);
                    if (target.getFileName() != null
                            && target.getFileName().toString().equals("epg-lock")) {
                        directories.add(target.getParent());
                    }
                } catch (IOException | UnsupportedOperationException closedMeanwhile) {
                    // a descriptor closed while listing is not a lock file held open
                }
            });
        } catch (IOException e) {
            return Set.of();
        }
        return directories;
    }
}
