package kz.qorgau.common;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void blankAsAReaderSeesIt() {
        for (String blank :
                List.of("", " ", "\t\n", "\u00a0", "\u200b", "\u2003\u200d", "\u3000", "\ufeff", "\u2800")) {
            assertTrue(Text.blank(blank), "U+" + Integer.toHexString(blank.isEmpty() ? 0 : blank.codePointAt(0)));
        }
        assertTrue(Text.blank(null));
        for (String text : List.of("Ол қорқады", "Он угрожал", "x", "1", "!", "\u200bа")) {
            assertFalse(Text.blank(text), text);
        }
    }

    @Test
    void invisibleCharactersInANameAreSeen() {
        assertTrue(Text.hasInvisible("Renamed2\u200b"));
        assertTrue(Text.hasInvisible("Crisis\u202ecentre"));
        assertTrue(Text.hasInvisible("a\u0000b"));
        assertFalse(Text.hasInvisible("Дағдарыс орталығы"));
        assertFalse(Text.hasInvisible("Crisis centre No. 2"));
    }
}
