package kz.qorgau.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The catalogue of problem texts: complete in every language, and filled with the values the English carried. */
class ProblemTextsTest {

    private static Properties bundle(String suffix) throws IOException {
        Properties properties = new Properties();
        try (InputStream in =
                ProblemTextsTest.class.getResourceAsStream("/problems/problems" + suffix + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static TreeSet<String> placeholders(String text) {
        TreeSet<String> found = new TreeSet<>();
        Matcher matcher = Pattern.compile("\\{\\d}").matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    @Test
    void everyEnglishTextHasKazakhAndRussianWithTheSamePlaceholders() throws IOException {
        Properties english = bundle("");
        List<String> wrong = new ArrayList<>();
        for (String suffix : List.of("_kk", "_ru")) {
            Properties translated = bundle(suffix);
            if (!translated.keySet().equals(english.keySet())) {
                TreeSet<String> missing = new TreeSet<>();
                english.keySet().forEach(k -> missing.add(String.valueOf(k)));
                translated.keySet().forEach(k -> missing.remove(String.valueOf(k)));
                TreeSet<String> extra = new TreeSet<>();
                translated.keySet().forEach(k -> extra.add(String.valueOf(k)));
                english.keySet().forEach(k -> extra.remove(String.valueOf(k)));
                wrong.add(suffix + " lacks " + missing + " and has " + extra + " besides");
            }
            english.stringPropertyNames().forEach(key -> {
                String text = translated.getProperty(key);
                if (text == null || text.isBlank()) {
                    return;
                }
                if (!placeholders(text).equals(placeholders(english.getProperty(key)))) {
                    wrong.add(suffix + " " + key + " has placeholders " + placeholders(text));
                }
                if (text.equals(english.getProperty(key)) && !text.matches("[^A-Za-z]*(\\{\\d}[^A-Za-z]*)*")) {
                    wrong.add(suffix + " " + key + " is still English");
                }
            });
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void aTextIsTranslatedWithItsValuesAndAnUnknownOneStaysAsItIs() {
        String id = "0192a000-0000-7000-8000-000000000401";
        String kk = ProblemTexts.translate("Referral " + id + " was not found", "kk");
        String ru = ProblemTexts.translate("Referral " + id + " was not found", "ru");
        assertTrue(kk.contains(id) && !kk.contains("was not found"), kk);
        assertTrue(ru.contains(id) && ru.contains("не найдено") || ru.contains("не найден"), ru);
        assertEquals(
                "Referral " + id + " was not found", ProblemTexts.translate("Referral " + id + " was not found", "en"));
        assertEquals("no such text in the catalogue", ProblemTexts.translate("no such text in the catalogue", "kk"));
        assertEquals("Не найдено", ProblemTexts.translate("Not found", "ru"));
    }

    @Test
    void aValueHoldingAPlaceholderIsNotFilledAgain() {
        String kk = ProblemTexts.translate("Referral {1} was not found", "kk");
        assertTrue(kk.contains("{1}"), kk);
    }
}
