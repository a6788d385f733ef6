package kz.qorgau.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Keyset position of the last row of a page, given to callers as an opaque string. It carries no
 * authority: every query is limited to the caller's tenant and agency anyway, so a forged cursor can only
 * move the position within what the caller may see.
 */
public final class Cursor {

    private static final String SEPARATOR = "\u001f";

    private Cursor() {}

    public static String encode(String... keys) {
        String joined = String.join(SEPARATOR, keys);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws ProblemException.InvalidInput when the text is not a cursor of this list */
    public static List<String> decode(String cursor, int expectedKeys) {
        try {
            String joined = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> keys = List.of(joined.split(SEPARATOR, -1));
            if (keys.size() == expectedKeys && !BoundedInput.hasNul(joined)) {
                return keys;
            }
        } catch (IllegalArgumentException notBase64) {
            // falls through to the same answer as a cursor of the wrong shape
        }
        throw invalid();
    }

    /** A cursor holding one position of a sequence-ordered list (the audit trail, the change feed). */
    public static String ofPosition(long position) {
        return encode(Long.toString(position));
    }

    /**
     * @param parameter the query parameter that carried it, which the refusal names
     * @throws ProblemException.InvalidInput when the text is not such a cursor
     */
    public static long position(String cursor, String parameter) {
        try {
            long position = Long.parseLong(decode(cursor, 1).get(0));
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException | ProblemException.InvalidInput malformed) {
            // falls through to the same answer as a negative position
        }
        throw invalid(parameter);
    }

    public static ProblemException.InvalidInput invalid() {
        return invalid("cursor");
    }

    private static ProblemException.InvalidInput invalid(String parameter) {
        return new ProblemException.InvalidInput(parameter, "is not a cursor returned by this list");
    }
}
