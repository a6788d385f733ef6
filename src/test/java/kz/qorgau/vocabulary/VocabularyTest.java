package kz.qorgau.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import kz.qorgau.common.Texts;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** Every code a partner document shows has a label in Kazakh, Russian and English, and no label is left over. */
class VocabularyTest {

    private static Properties bundle(String lang) throws IOException {
        Properties properties = new Properties();
        String suffix = lang.equals("en") ? "" : "_" + lang;
        try (InputStream in =
                VocabularyTest.class.getResourceAsStream("/vocabulary/vocabulary" + suffix + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void everyCodeOfEveryListHasALabelInEveryLanguageAndNothingElseIsThere() throws IOException {
        TreeSet<String> expected = new TreeSet<>();
        CodeLists.LISTS.forEach((name, list) -> CodeLists.codes(list).forEach(code -> expected.add(name + "." + code)));
        List<String> wrong = new ArrayList<>();
        for (String lang : Texts.LANGUAGES) {
            Properties labels = bundle(lang);
            TreeSet<String> missing = new TreeSet<>(expected);
            missing.removeAll(labels.stringPropertyNames());
            TreeSet<String> extra = new TreeSet<>(labels.stringPropertyNames());
            extra.removeAll(expected);
            if (!missing.isEmpty() || !extra.isEmpty()) {
                wrong.add(lang + " lacks " + missing + ", has " + extra + " besides");
            }
            labels.stringPropertyNames().stream()
                    .filter(key -> labels.getProperty(key).isBlank())
                    .forEach(key -> wrong.add(lang + " " + key + " is blank"));
        }
        assertEquals(List.of(), wrong);
    }

    /** The documents are the contract: a code list they show must be here under the same name, code for code. */
    @Test
    @SuppressWarnings("unchecked")
    void everyCodeListOfThePartnerDocumentsIsInTheVocabulary() throws IOException {
        Map<String, List<String>> documented = new TreeMap<>();
        try (var files = Files.list(Path.of("openapi"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")
                            && !f.getFileName().toString().startsWith("."))
                    .toList()) {
                Map<String, Object> document = new Yaml().load(Files.readString(file));
                Map<String, Map<String, Object>> schemas = (Map<String, Map<String, Object>>)
                        ((Map<String, Object>) document.get("components")).getOrDefault("schemas", Map.of());
                schemas.forEach((name, schema) -> {
                    if (schema.get("enum") != null) {
                        documented.put(
                                name,
                                ((List<Object>) schema.get("enum"))
                                        .stream().map(String::valueOf).toList());
                    }
                });
            }
        }
        Map<String, List<String>> vocabulary = new TreeMap<>();
        CodeLists.LISTS.forEach((name, list) -> {
            if (documented.containsKey(name)) {
                vocabulary.put(name, CodeLists.codes(list));
            }
        });
        assertEquals(documented, vocabulary);
    }

    @Test
    void theLabelsAreInTheLanguageAskedForAndTheVersionCoversThemAll() {
        assertEquals("Sent", Vocabulary.in("en").lists().get("ReferralState").get("SUBMITTED"));
        assertEquals("kk", Vocabulary.in("kk").language());
        assertEquals(Vocabulary.in("kk").version(), Vocabulary.in("ru").version());
        assertEquals(16, Vocabulary.currentVersion().length());
    }
}
