package kz.qorgau.common;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Problem details in Kazakh, Russian or English. The domain writes its problems in English, and the English text
 * is the message id, as gettext does it: the catalogue {@code problems/problems.properties} holds each English
 * text as a template whose {0}, {1}... stand for what varies (an id, a number, a field, a list of codes), and
 * {@code problems_kk} and {@code problems_ru} the same keys in Kazakh and Russian. Translating finds the template
 * that matches the whole English text and fills the translation with the same values. This keeps the 250 places
 * that raise a problem readable as they are, and every translator's work in three files.
 *
 * <p>Codes stay codes in every language: the problem's {@code type}, field names, and the enum constants a text
 * quotes.
 */
public final class ProblemTexts {

    static final String BUNDLE = "problems/problems";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)}");

    /** An English template, as a pattern whose groups are its placeholders in order of appearance. */
    private record Template(String key, Pattern english, List<Integer> placeholders, int literalLength) {}

    private static final Map<String, String> EXACT = new HashMap<>();
    private static final List<Template> TEMPLATES = load();

    private ProblemTexts() {}

    private static List<Template> load() {
        ResourceBundle english = ResourceBundle.getBundle(
                BUNDLE,
                Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        List<Template> templates = new ArrayList<>();
        for (String key : english.keySet()) {
            String text = english.getString(key);
            Matcher placeholder = PLACEHOLDER.matcher(text);
            StringBuilder regex = new StringBuilder();
            List<Integer> order = new ArrayList<>();
            int literal = 0;
            int from = 0;
            while (placeholder.find()) {
                regex.append(Pattern.quote(text.substring(from, placeholder.start())));
                literal += placeholder.start() - from;
                regex.append("(.+?)");
                order.add(Integer.parseInt(placeholder.group(1)));
                from = placeholder.end();
            }
            if (order.isEmpty()) {
                EXACT.putIfAbsent(text, key);
                continue;
            }
            regex.append(Pattern.quote(text.substring(from)));
            literal += text.length() - from;
            templates.add(new Template(key, Pattern.compile(regex.toString(), Pattern.DOTALL), order, literal));
        }
        // The most specific template wins: "Case {0} is closed" before "{0} is closed".
        templates.sort(
                Comparator.comparingInt(Template::literalLength).reversed().thenComparing(Template::key));
        return List.copyOf(templates);
    }

    /** The text in the language, or the English text itself where the catalogue has no template for it. */
    public static String translate(String english, String lang) {
        if (english == null || "en".equals(lang) || !Texts.LANGUAGES.contains(lang)) {
            return english;
        }
        return find(english, lang).orElse(english);
    }

    /** The text in the language, if the catalogue has a template for it. */
    public static Optional<String> find(String english, String lang) {
        Texts texts = Texts.of(BUNDLE, lang);
        String exact = EXACT.get(english);
        if (exact != null) {
            return Optional.of(texts.get(exact));
        }
        for (Template template : TEMPLATES) {
            Matcher matcher = template.english().matcher(english);
            if (matcher.matches()) {
                String[] values = new String[10];
                for (int group = 0; group < template.placeholders().size(); group++) {
                    values[template.placeholders().get(group)] = matcher.group(group + 1);
                }
                return Optional.of(texts.format(template.key(), (Object[]) values));
            }
        }
        return Optional.empty();
    }

    /** The problem with its title, detail and field messages in the language. */
    public static ProblemDetail localize(ProblemDetail problem, String lang) {
        UntranslatedLog.INSTANCE.check(problem);
        if ("en".equals(lang)) {
            return problem;
        }
        return problem.withTexts(
                translate(problem.title, lang),
                translate(problem.detail, lang),
                problem.errors.stream()
                        .map(error -> new ProblemException.FieldError(error.field(), translate(error.message(), lang)))
                        .toList());
    }

    /**
     * Where the tests write each English text of a problem they met that the catalogue cannot translate
     * ({@code qorgau.problems.untranslated-file}); a check after the tests fails on any. Off in production.
     */
    private static final class UntranslatedLog {
        static final UntranslatedLog INSTANCE = new UntranslatedLog();

        private final java.nio.file.Path file = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("qorgau.problems.untranslated-file", java.nio.file.Path.class)
                .orElse(null);

        void check(ProblemDetail problem) {
            if (file == null) {
                return;
            }
            List<String> texts = new ArrayList<>();
            texts.add(problem.title);
            texts.add(problem.detail);
            problem.errors.forEach(error -> texts.add(error.message()));
            StringBuilder missing = new StringBuilder();
            for (String text : texts) {
                if (text != null
                        && (find(text, "kk").isEmpty() || find(text, "ru").isEmpty())) {
                    missing.append(text.replace('\n', ' ')).append('\n');
                }
            }
            if (!missing.isEmpty()) {
                synchronized (this) {
                    try {
                        java.nio.file.Files.writeString(
                                file,
                                missing,
                                java.nio.file.StandardOpenOption.CREATE,
                                java.nio.file.StandardOpenOption.APPEND);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }
        }
    }
}
