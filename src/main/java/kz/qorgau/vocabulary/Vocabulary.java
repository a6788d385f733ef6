package kz.qorgau.vocabulary;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import kz.qorgau.common.Texts;

/**
 * The labels of every code list in one language, from {@code vocabulary/vocabulary*.properties}. The version
 * is a digest of every label in every language, so it changes whenever a translator changes a word, and a
 * portal that caches the labels knows when to read them again.
 */
public final class Vocabulary {

    static final String BUNDLE = "vocabulary/vocabulary";

    /** The labels: list name, then code, then label. */
    public record Labels(String language, String version, Map<String, Map<String, String>> lists) {}

    private static final Map<String, Labels> BY_LANGUAGE = new ConcurrentHashMap<>();
    private static final String VERSION = version();

    private Vocabulary() {}

    public static String currentVersion() {
        return VERSION;
    }

    public static Labels in(String lang) {
        return BY_LANGUAGE.computeIfAbsent(lang, language -> new Labels(language, VERSION, lists(language)));
    }

    private static Map<String, Map<String, String>> lists(String lang) {
        Texts texts = Texts.of(BUNDLE, lang);
        Map<String, Map<String, String>> lists = new LinkedHashMap<>();
        CodeLists.LISTS.forEach((name, list) -> {
            Map<String, String> labels = new LinkedHashMap<>();
            CodeLists.codes(list).forEach(code -> labels.put(code, texts.get(name + "." + code)));
            lists.put(name, java.util.Collections.unmodifiableMap(labels));
        });
        return java.util.Collections.unmodifiableMap(lists);
    }

    private static String version() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String lang : Texts.LANGUAGES) {
                lists(lang)
                        .forEach((name, labels) -> labels.forEach((code, label) ->
                                digest.update((lang + '\u0000' + name + '\u0000' + code + '\u0000' + label + '\n')
                                        .getBytes(StandardCharsets.UTF_8))));
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
