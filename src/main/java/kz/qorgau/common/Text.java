package kz.qorgau.common;

/**
 * What counts as text where a person must write something (a reason, a name, a note). Java's isBlank and Bean
 * Validation's NotBlank see only ASCII-style whitespace, so a no-break space or a zero-width space passed as
 * an emergency reason: a reason no one can read, recorded for a disclosure without consent.
 */
public final class Text {

    private Text() {}

    /** Null, empty, or nothing but spaces of any kind, invisible format characters and control characters. */
    public static boolean blank(String value) {
        return value == null || value.codePoints().allMatch(Text::invisible);
    }

    /** Whether it holds a format or control character: a name with one can pose as another name. */
    public static boolean hasInvisible(String value) {
        return value != null
                && value.codePoints()
                        .anyMatch(c -> Character.getType(c) == Character.FORMAT
                                || Character.getType(c) == Character.CONTROL && !Character.isWhitespace(c));
    }

    private static boolean invisible(int c) {
        int type = Character.getType(c);
        return Character.isWhitespace(c)
                || Character.isSpaceChar(c)
                || type == Character.FORMAT
                || type == Character.CONTROL
                || c == 0x115F // Hangul fillers and the braille blank render as nothing either
                || c == 0x1160
                || c == 0x3164
                || c == 0xFFA0
                || c == 0x2800;
    }
}
