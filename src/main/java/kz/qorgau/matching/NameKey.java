package kz.qorgau.matching;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A name as a matching key: the same person's name written in Kazakh or Russian Cyrillic or in a Latin
 * transliteration, in either order, with or without a patronymic, gives one key. The key is lossy on purpose (it
 * folds the spellings transliterations disagree on) and is used only together with a birth date, inside a keyed
 * hash, never shown.
 *
 * <p>The steps, in order (the README documents them for partners):
 *
 * <ol>
 *   <li>Unicode NFKC, invisible format characters (zero-width spaces, direction marks) removed, lower case; Greek
 *       letters that look Latin read as those; Cyrillic letters (Russian and Kazakh) to Latin by the table below; other
 *       diacritics dropped (ä, ö, ü, ğ, ş, ñ become a, o, u, g, s, n); apostrophes and hyphens dropped within a word;
 *       anything else that is not a letter separates words; a single letter (an initial) is no word.
 *   <li>Spellings folded: dzh, dj and j to zh (Kazakh Latin writes ж as j); a leading ye to e; kh to h; x to ks; q to
 *       k; gh to g; w to v; tz and a c not before h to ts; y to i; a doubled letter to one.
 *   <li>The words kizi and uli (қызы, ұлы) joined to the father's name before them; then the patronymic, a word
 *       ending in ovna, evna, ovich, evich, ichna, kizi or uli, dropped when a first name and a surname remain
 *       without it (many Kazakhs use the patronymic as their surname).
 *   <li>At least two words must remain (a first name and a surname); they are sorted, so the order of writing does not
 *       matter.
 * </ol>
 */
public final class NameKey {

    private static final Map<Character, String> CYRILLIC = Map.ofEntries(
            Map.entry('а', "a"),
            Map.entry('ә', "a"),
            Map.entry('б', "b"),
            Map.entry('в', "v"),
            Map.entry('г', "g"),
            Map.entry('ғ', "g"),
            Map.entry('д', "d"),
            Map.entry('е', "e"),
            Map.entry('ё', "e"),
            Map.entry('ж', "zh"),
            Map.entry('з', "z"),
            Map.entry('и', "i"),
            Map.entry('й', "i"),
            Map.entry('к', "k"),
            Map.entry('қ', "k"),
            Map.entry('л', "l"),
            Map.entry('м', "m"),
            Map.entry('н', "n"),
            Map.entry('ң', "n"),
            Map.entry('о', "o"),
            Map.entry('ө', "o"),
            Map.entry('п', "p"),
            Map.entry('р', "r"),
            Map.entry('с', "s"),
            Map.entry('т', "t"),
            Map.entry('у', "u"),
            Map.entry('ұ', "u"),
            Map.entry('ү', "u"),
            Map.entry('ф', "f"),
            Map.entry('х', "h"),
            Map.entry('һ', "h"),
            Map.entry('ц', "ts"),
            Map.entry('ч', "ch"),
            Map.entry('ш', "sh"),
            Map.entry('щ', "sh"),
            Map.entry('ъ', ""),
            Map.entry('ы', "i"),
            Map.entry('і', "i"),
            Map.entry('ь', ""),
            Map.entry('э', "e"),
            Map.entry('ю', "iu"),
            Map.entry('я', "ia"));

    /** Greek letters that look like Latin ones: a name typed with one is the same name. */
    private static final Map<Character, String> GREEK_LOOKALIKES = Map.ofEntries(
            Map.entry('α', "a"),
            Map.entry('β', "b"),
            Map.entry('ε', "e"),
            Map.entry('η', "n"),
            Map.entry('ι', "i"),
            Map.entry('κ', "k"),
            Map.entry('μ', "m"),
            Map.entry('ν', "v"),
            Map.entry('ο', "o"),
            Map.entry('ρ', "p"),
            Map.entry('τ', "t"),
            Map.entry('υ', "u"),
            Map.entry('χ', "h"));

    private static final List<String> PATRONYMIC_ENDINGS = List.of("ovna", "evna", "ovich", "evich", "ichna");
    private static final List<String> KAZAKH_PATRONYMIC = List.of("kizi", "uli");

    private NameKey() {}

    /** The key of a full name, or empty when it does not hold a first name and a surname. */
    public static Optional<String> of(String fullName) {
        if (fullName == null) {
            return Optional.empty();
        }
        List<String> words = new ArrayList<>();
        for (String word : latin(fullName).split(" ")) {
            // A single letter is an initial, not a name.
            if (word.length() > 1) {
                words.add(fold(word));
            }
        }
        List<String> kept = withoutPatronymic(words);
        if (kept.size() < 2) {
            return Optional.empty();
        }
        return Optional.of(String.join(" ", kept.stream().sorted().toList()));
    }

    private static String latin(String name) {
        // Invisible format characters (zero-width spaces, direction marks) would split a name or hide in it.
        String lower = Normalizer.normalize(name, Normalizer.Form.NFKC)
                .replaceAll("\\p{Cf}", "")
                .toLowerCase(Locale.ROOT);
        // Accents off first, so that an accented lookalike (ά, ό) reads as its letter; й and ё lose theirs to и and
        // е, which the table reads the same.
        lower = Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        StringBuilder out = new StringBuilder();
        for (char c : lower.toCharArray()) {
            String mapped = CYRILLIC.getOrDefault(c, GREEK_LOOKALIKES.get(c));
            out.append(mapped != null ? mapped : String.valueOf(c));
        }
        String plain = Normalizer.normalize(out, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.replaceAll("['’ʼ`\\-]", "").replaceAll("[^a-z]+", " ").strip();
    }

    static String fold(String word) {
        String w = word.replace("dzh", "zh").replace("dj", "zh");
        w = w.replace("j", "zh");
        w = w.startsWith("ye") ? w.substring(1) : w;
        w = w.replace("kh", "h")
                .replace("x", "ks")
                .replace("q", "k")
                .replace("gh", "g")
                .replace("w", "v");
        w = w.replace("tz", "ts").replaceAll("c(?!h)", "ts");
        w = w.replace("y", "i");
        return w.replaceAll("(.)\\1+", "$1");
    }

    private static List<String> withoutPatronymic(List<String> words) {
        // "Nurlan kyzy" is written as one word as often as two.
        List<String> joined = new ArrayList<>();
        for (String word : words) {
            if (KAZAKH_PATRONYMIC.contains(word) && !joined.isEmpty()) {
                joined.set(joined.size() - 1, joined.get(joined.size() - 1) + word);
            } else {
                joined.add(word);
            }
        }
        List<String> kept = joined.stream().filter(word -> !patronymic(word)).toList();
        // Many Kazakhs use the patronymic as their surname: it stays when nothing else would.
        return kept.size() >= 2 ? kept : joined;
    }

    private static boolean patronymic(String word) {
        return PATRONYMIC_ENDINGS.stream().anyMatch(word::endsWith)
                || KAZAKH_PATRONYMIC.stream()
                        .anyMatch(ending -> word.endsWith(ending) && word.length() > ending.length());
    }
}
