package kz.qorgau.external;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The page's words in one of its languages (Kazakh, Russian, English), from {@code external/page*.properties}: plain
 * ResourceBundles, each language a file a translator edits. English where nothing the recipient asked for matches.
 */
public final class PageTexts {

    /** The languages the page speaks, in the order its language links show them. */
    public static final List<String> LANGUAGES = List.of("kk", "ru", "en");

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final String lang;
    private final ResourceBundle bundle;

    private PageTexts(String lang) {
        this.lang = lang;
        this.bundle = ResourceBundle.getBundle(
                "external.page", "en".equals(lang) ? Locale.ROOT : Locale.forLanguageTag(lang), NO_FALLBACK);
    }

    public static PageTexts of(String lang) {
        return new PageTexts(LANGUAGES.contains(lang) ? lang : "en");
    }

    /** The language asked for by name (a link, a form), else the best of the browser's Accept-Language, else English. */
    public static PageTexts chosen(String asked, String acceptLanguage) {
        if (asked != null && LANGUAGES.contains(asked)) {
            return of(asked);
        }
        return of(fromAcceptLanguage(acceptLanguage).orElse("en"));
    }

    static Optional<String> fromAcceptLanguage(String header) {
        if (header == null || header.isBlank() || header.length() > 500) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(Locale.lookupTag(Locale.LanguageRange.parse(header), LANGUAGES));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    public String lang() {
        return lang;
    }

    public String get(String key) {
        return bundle.getString(key);
    }

    public String format(String key, Object argument) {
        return new MessageFormat(get(key), Locale.forLanguageTag(lang)).format(new Object[] {argument});
    }

    /** Each language by its own name, for the language links. */
    public static List<Language> languages() {
        return LANGUAGES.stream()
                .map(l -> new Language(l, of(l).get("language")))
                .toList();
    }

    public record Language(String code, String name) {}
}
