package kz.qorgau.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * After every test of the build has run (this runs in the integration-test phase), no problem they met had a
 * title, detail or field message that the catalogue cannot put in Kazakh and Russian. The tests write each such
 * English text to the file this build names (qorgau.problems.untranslated-file, set by the pom); add a template
 * for it to problems/problems*.properties.
 */
class ProblemTextsCoverageIT {

    @Test
    void everyProblemTheTestsMetCanBeAnsweredInKazakhAndRussian() throws IOException {
        String named = System.getProperty("qorgau.problems.untranslated-file");
        List<String> untranslated = named == null || !Files.exists(Path.of(named))
                ? List.of()
                : Files.readAllLines(Path.of(named)).stream()
                        .distinct()
                        .sorted()
                        .toList();
        assertEquals(List.of(), untranslated, "problem texts with no template in problems/problems.properties");
    }
}
