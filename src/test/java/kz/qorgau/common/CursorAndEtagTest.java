package kz.qorgau.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CursorAndEtagTest {

    @Test
    void cursorCarriesItsKeysThrough() {
        String cursor = Cursor.encode("Crisis centre \"Ümit\"", "0190-abc");
        assertEquals(List.of("Crisis centre \"Ümit\"", "0190-abc"), Cursor.decode(cursor, 2));
    }

    @Test
    void cursorOfAnotherShapeIsInvalidInput() {
        assertThrows(ProblemException.InvalidInput.class, () -> Cursor.decode(Cursor.encode("one"), 2));
        assertThrows(ProblemException.InvalidInput.class, () -> Cursor.decode("***", 2));
    }

    @Test
    void ifMatchNamesAVersion() {
        assertEquals(Optional.of(3L), Versioned.expectedVersion("\"3\""));
        org.junit.jupiter.api.Assertions.assertThrows(
                ProblemException.PreconditionFailed.class, () -> Versioned.expectedVersion("W/\"3\""));
        assertEquals(Optional.empty(), Versioned.expectedVersion(null));
        assertEquals(Optional.empty(), Versioned.expectedVersion("*"));
        assertThrows(ProblemException.InvalidInput.class, () -> Versioned.expectedVersion("3"));
        assertThrows(ProblemException.InvalidInput.class, () -> Versioned.expectedVersion("\"x\""));
    }
}
