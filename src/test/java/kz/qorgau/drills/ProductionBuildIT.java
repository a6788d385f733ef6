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
 * -DskipTests}. It must build, and its jar must carry no embedded PostgreSQL.
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
