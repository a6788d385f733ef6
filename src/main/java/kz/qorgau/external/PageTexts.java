package kz.qorgau.external;

import java.util.List;
import kz.qorgau.common.Texts;

/** The recipient's page in Kazakh, Russian or English ({@code external/page*.properties}). */
public final class PageTexts {

    static final String BUNDLE = "external.page";

    private final Texts texts;

    private PageTexts(Texts texts) {
        this.texts = texts;
    }

    public static PageTexts of(String lang) {
        return new PageTexts(Texts.of(BUNDLE, lang));
    }

    public static PageTexts chosen(String asked, String acceptLanguage) {
        return of(Texts.chosen(asked, acceptLanguage));
    }

    public String lang() {
        return texts.lang();
    }

    public String get(String key) {
        return texts.get(key);
    }

    /** Every word of the page in this language, by key: what its templates read. */
    public java.util.Map<String, String> all() {
        java.util.Map<String, String> words = new java.util.HashMap<>();
        texts.keys().forEach(key -> words.put(key, texts.get(key)));
        return words;
    }

    public String format(String key, Object argument) {
        return texts.format(key, argument);
    }

    /** Each language by its own name, for the language links. */
    public static List<Language> languages() {
        return Texts.LANGUAGES.stream()
                .map(l -> new Language(l, of(l).get("language")))
                .toList();
    }

    public record Language(String code, String name) {}
}
