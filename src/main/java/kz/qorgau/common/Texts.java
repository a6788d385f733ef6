package kz.qorgau.common;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * Words in Kazakh, Russian or English from a plain ResourceBundle: one properties file per language, which a translator
 * edits, and English where nothing asked for matches. A placeholder {0}, {1}... is replaced as it stands, with no
 * MessageFormat quoting to trip over an apostrophe.
 */
public final class Texts {

    /** The languages, in the order a page's language links show them. */
    public static final List<String> LANGUAGES = List.of("kk", "ru", "en");

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final String lang;
    private final ResourceBundle bundle;

    private Texts(String bundleName, String lang) {
        this.lang = lang;
        this.bundle = ResourceBundle.getBundle(
                bundleName, "en".equals(lang) ? Locale.ROOT : Locale.forLanguageTag(lang), NO_FALLBACK);
    }

    /** The bundle's words in this language, English for any other. */
    public static Texts of(String bundleName, String lang) {
        return new Texts(bundleName, lang != null && LANGUAGES.contains(lang) ? lang : "en");
    }

    /** The language asked for by name, else the best of an Accept-Language header, else English. */
    public static String chosen(String asked, String acceptLanguage) {
        if (asked != null && LANGUAGES.contains(asked)) {
            return asked;
        }
        return fromAcceptLanguage(acceptLanguage).orElse("en");
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

    public Locale locale() {
        return Locale.forLanguageTag(lang);
    }

    public String get(String key) {
        return bundle.getString(key);
    }

    public String format(String key, Object... arguments) {
        // One pass, so that a value which itself holds "{1}" is never filled in again.
        return PLACEHOLDER.matcher(get(key)).replaceAll(found -> {
            int index = Integer.parseInt(found.group(1));
            return java.util.regex.Matcher.quoteReplacement(
                    index < arguments.length ? String.valueOf(arguments[index]) : found.group());
        });
    }

    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\{(\\d)}");

    /** Every key of the bundle in this language (its own and those it inherits from English). */
    public java.util.Set<String> keys() {
        return bundle.keySet();
    }
}
