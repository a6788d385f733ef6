package kz.qorgau.drills;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The production build, as the README's Docker step and bench/perf.sh make it, from the project's own files
 * alone: a copy of the tree without its build output, packaged with {@code ./mvnw package -Dproduction
 * -DskipTests}. It must build, its jar must carry no embedded PostgreSQL, and bench/perf.sh must run on it.
 */
class ProductionBuildIT {

    private static final Path COPY = Path.of("target/production-build");
    private static final List<String> LEFT_OUT = List.of("target", ".git", "node_modules");

    @Test
    void theProductionPackageBuildsFromTheProjectsFilesAlone() throws Exception {
        deleteTree(COPY);
        Path root = Path.of("").toAbsolutePath();
        Files.walkFileTree(root, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult preVisitDirectory(
                    Path dir, java.nio.file.attribute.BasicFileAttributes attributes) throws IOException {
                if (!dir.equals(root) && LEFT_OUT.contains(dir.getFileName().toString())) {
                    return java.nio.file.FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(COPY.resolve(root.relativize(dir).toString()));
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFile(
                    Path file, java.nio.file.attribute.BasicFileAttributes attributes) throws IOException {
                Files.copy(
                        file,
                        COPY.resolve(root.relativize(file).toString()),
                        StandardCopyOption.COPY_ATTRIBUTES,
                        StandardCopyOption.REPLACE_EXISTING);
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
        Path log = Path.of("target/drills/production-build.log");
        Files.createDirectories(log.getParent());
        Process build = new ProcessBuilder(
                        COPY.toAbsolutePath().resolve("mvnw").toString(),
                        "-B",
                        "package",
                        "-Dproduction",
                        "-DskipTests")
                .directory(COPY.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertTrue(build.waitFor(15, TimeUnit.MINUTES), "the production build did not end within 15 minutes");
        assertEquals(0, build.exitValue(), "the production build failed; see " + log);
        Path lib = COPY.resolve("target/quarkus-app/lib/main");
        assertTrue(Files.exists(COPY.resolve("target/quarkus-app/quarkus-run.jar")));
        try (Stream<Path> jars = Files.list(lib)) {
            List<String> embedded = jars.map(j -> j.getFileName().toString())
                    .filter(name -> name.contains("embedded"))
                    .toList();
            assertEquals(List.of(), embedded, "the production jar carries an embedded database");
        }
        System.out.println("[drill] production build from a copy of the tree: exit 0, no embedded PostgreSQL");
        benchScriptRunsOnTheBuild();
    }

    /**
     * bench/perf.sh, small, on that build: PostgreSQL from Maven Central's binaries, the project's Keycloak,
     * the seed, every measured path and pgbench. Its figures mean nothing at this size; that it runs from a
     * fresh tree, and that every measured call is answered 2xx, is what is checked.
     */
    private void benchScriptRunsOnTheBuild() throws Exception {
        Path log = Path.of("target/drills/bench-small.log");
        runOnTheBuild(
                "bench/perf.sh",
                java.util.Map.of(
                        "REFERRALS", "5000",
                        "INCIDENTS", "1500",
                        "AGENCIES", "100",
                        "CONNECTIONS", "4",
                        "WARMUP", "1s",
                        "DURATION", "2s",
                        "WRITE", "0",
                        "JFR", "1",
                        "FLAMES", "drill"),
                log,
                15);
        // The results table: | `path` | requests/s | p50 | p99 | non-2xx | vs pgbench | CPU | RSS |
        List<String[]> rows = Files.readAllLines(log).stream()
                .filter(line -> line.startsWith("| `"))
                .map(line -> line.split("\\|"))
                .toList();
        assertEquals(8, rows.size(), "bench/perf.sh measured eight paths; see " + log);
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            String path = row[1].trim();
            assertTrue(Integer.parseInt(row[2].trim().replace(",", "")) > 0, path + " answered nothing; see " + log);
            assertEquals("0", row[5].trim(), path + " had answers that were not 2xx; see " + log);
            // The six hot paths each have their own ceiling: pgbench replaying the statements one call sent.
            if (i < 6) {
                assertTrue(
                        row[7].trim().matches("\\*\\*\\d+%\\*\\*"),
                        path + " has no share of its own ceiling; see " + log);
            }
        }
        // Row-level security and the audit chainer, each turned off in the same run, and the service as built before
        // and after them: four variants, each on a JVM of its own and measured twice, of three paths.
        List<String> costs = Files.readAllLines(log).stream()
                .filter(line -> line.matches("\\| (as built|row-level security off|audit chainer off|as built, again)"
                        + "(, first round after the start)? \\|.*"))
                .toList();
        assertEquals(24, costs.size(), "the costs of row-level security and the audit chain; see " + log);
        costs.forEach(line ->
                assertTrue(Integer.parseInt(line.split("\\|")[3].trim().replace(",", "")) > 0, line + "; see " + log));
        // The six hot paths again, paced to half their saturated rate, where a p99 is a call's and not the queue's.
        List<String[]> halfLoad = Files.readAllLines(log).stream()
                .filter(line -> line.startsWith("| half load |"))
                .map(line -> line.split("\\|"))
                .toList();
        assertEquals(6, halfLoad.size(), "the hot paths at half load; see " + log);
        for (String[] row : halfLoad) {
            assertTrue(Integer.parseInt(row[4].trim().replace(",", "")) > 0, row[2] + " at half load answered nothing");
            assertEquals("0", row[7].trim(), row[2] + " at half load had answers that were not 2xx; see " + log);
        }
        for (String path : List.of("incident", "transition", "first-page", "deep-page", "one-referral", "feed")) {
            for (String kind : List.of("cpu", "alloc")) {
                Path graph = COPY.resolve("bench/flamegraphs/drill-" + path + "-" + kind + ".svg");
                assertTrue(Files.readString(graph).startsWith("<svg"), graph + " is not a flame graph; see " + log);
            }
        }
        assertTrue(
                Files.readString(log).matches("(?s).*pgbench one-row INSERT: \\d+ tps.*"),
                "pgbench's ceiling is missing; see " + log);
        System.out.println("[drill] bench/perf.sh, small, on the production build: eight paths measured, all 2xx");
        benchStartRunsOnTheBuild();
    }

    /**
     * bench/start.sh, one timed start, on the same build: the AOT cache trained as the image trains it, a start to
     * the first ready answer, then a first call with a Keycloak token, which must be answered 200 (the realm is
     * reached on that call, not before the start).
     */
    private void benchStartRunsOnTheBuild() throws Exception {
        Path log = Path.of("target/drills/bench-start.log");
        runOnTheBuild("bench/start.sh", java.util.Map.of("RUNS", "1"), log, 10);
        String output = Files.readString(log);
        assertTrue(output.matches("(?s).*\\nmedian: \\d+ ms .*"), "no start was timed; see " + log);
        assertTrue(
                output.matches("(?s).*\\nfirst call with a token once ready \\(ms\\): \\d+; median \\d+ ms.*"),
                "the first call with a token was not timed; see " + log);
        System.out.println(
                "[drill] bench/start.sh, one start, on the production build: ready, then a token's call 200");
        benchTenantPlansRuns();
    }

    /**
     * bench/tenant-plans.sh, small: the migrations applied by psql, the seed, and each statement planned for a network
     * the statistics do not know. Under migration V36's condition a row is found by its key whatever network the
     * plan was made for. V8's condition reads through a tenant-led index here too, but what that costs shows only at
     * sizes a drill does not seed.
     */
    private void benchTenantPlansRuns() throws Exception {
        Path log = Path.of("target/drills/bench-tenant-plans.log");
        runOnTheBuild("bench/tenant-plans.sh", java.util.Map.of("REFERRALS", "5000", "RUNS", "5"), log, 10);
        List<String> rows = Files.readAllLines(log).stream()
                .filter(line -> line.startsWith("| V8, planned for ") || line.startsWith("| V36, planned for "))
                .toList();
        assertEquals(16, rows.size(), "four statements, planned for two networks, under two conditions; see " + log);
        rows.stream()
                .filter(line -> line.startsWith("| V36,") && line.contains(" by id |"))
                .forEach(line ->
                        assertTrue(line.matches(".*`Index Scan using (referral|audit_entry)_pkey on .*"), line));
        System.out.println("[drill] bench/tenant-plans.sh, small: under V36 each row is found by its key");
        benchMemoryRuns();
    }

    /**
     * bench/memory.sh, small, with native memory tracking: the chart's options, every path answered 2xx (the script
     * stops otherwise), and the resident set, the collections and where the memory outside the heap goes, printed;
     * then five seconds of 5 MiB documents at every slot, which the replica must outlive.
     */
    private void benchMemoryRuns() throws Exception {
        Path log = Path.of("target/drills/bench-memory.log");
        runOnTheBuild(
                "bench/memory.sh",
                java.util.Map.of(
                        "REFERRALS", "5000",
                        "INCIDENTS", "1500",
                        "AGENCIES", "100",
                        "WARMUP", "1s",
                        "DURATION", "2s",
                        "NMT", "1",
                        "BURST_DURATION", "5s"),
                log,
                10);
        String output = Files.readString(log);
        for (String path : List.of(
                "incident POST", "incoming list", "one referral", "document upload, 256 KiB", "document download")) {
            assertTrue(
                    output.matches("(?s).*\\n  " + java.util.regex.Pattern.quote(path)
                            + " +[1-9]\\d* req/s  peak resident +[1-9]\\d* MiB\\n.*"),
                    path + " was not measured; see " + log);
        }
        assertTrue(output.matches("(?s).*\\n  collections: \\d+ young .*"), "no collections counted; see " + log);
        assertTrue(output.contains("Shared class space (reserved="), "no native memory summary; see " + log);
        // The script fails if the replica did not outlive the largest documents at every slot; this says it ran.
        assertTrue(output.contains("burst peak resident"), "no burst of the largest documents; see " + log);
        System.out.println("[drill] bench/memory.sh, small, on the production build: every path measured");
    }

    /** Runs a bench script in the copied tree on the build made there, which must end, with 0, in time. */
    private static void runOnTheBuild(String script, java.util.Map<String, String> settings, Path log, int minutes)
            throws Exception {
        ProcessBuilder bench = new ProcessBuilder("bash", script)
                .directory(COPY.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        bench.environment().putAll(settings);
        bench.environment().put("BUILT", "1");
        // Ports free now, not the script's fixed defaults: the drills before it leave processes on ports the
        // kernel picked, and one of them once held PostgreSQL's default bench port.
        bench.environment()
                .putAll(java.util.Map.of(
                        "PORT", String.valueOf(ServiceProcess.freePort()),
                        "PG_PORT", String.valueOf(ServiceProcess.freePort()),
                        "KEYCLOAK_PORT", String.valueOf(ServiceProcess.freePort()),
                        "MANAGEMENT_PORT", String.valueOf(ServiceProcess.freePort())));
        Process run = bench.start();
        boolean ended = run.waitFor(minutes, TimeUnit.MINUTES);
        if (!ended) {
            run.descendants().forEach(ProcessHandle::destroy);
            run.destroy();
        }
        assertTrue(ended, script + " did not end within " + minutes + " minutes; see " + log);
        assertEquals(0, run.exitValue(), script + " failed; see " + log);
    }

    private static void deleteTree(Path tree) throws IOException {
        if (!Files.exists(tree)) {
            return;
        }
        try (Stream<Path> files = Files.walk(tree)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
