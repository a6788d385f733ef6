package kz.qorgau.privacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class FieldCipherTest {

    private static SecretKey key() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new SecretKeySpec(bytes, "AES");
    }

    private final SecretKey first = key();
    private final SecretKey second = key();

    @Test
    void sealsWithTheActiveKeyAndOpensInTheSameContextOnly() {
        FieldCipher cipher = new FieldCipher(Map.of("k1", first), "k1");
        byte[] sealed = cipher.seal("Aigerim Sultanova", "survivor/1/full_name");
        assertEquals("k1", FieldCipher.keyIdOf(sealed));
        assertFalse(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1).contains("Aigerim"));
        assertEquals("Aigerim Sultanova", cipher.open(sealed, "survivor/1/full_name"));
        // Moved to another survivor or field, it no longer opens.
        assertThrows(FieldCipher.TamperedValue.class, () -> cipher.open(sealed, "survivor/2/full_name"));
        assertThrows(FieldCipher.TamperedValue.class, () -> cipher.open(sealed, "survivor/1/address"));
        // Equal values seal differently (random nonce), so equal ciphertexts reveal nothing.
        assertNotEquals(
                java.util.Arrays.toString(sealed),
                java.util.Arrays.toString(cipher.seal("Aigerim Sultanova", "survivor/1/full_name")));
        assertNull(cipher.seal(null, "survivor/1/phone"));
    }

    @Test
    void aChangedByteIsDetected() {
        FieldCipher cipher = new FieldCipher(Map.of("k1", first), "k1");
        byte[] sealed = cipher.seal("+7 701 555 12 12", "survivor/1/phone");
        sealed[sealed.length - 3] ^= 1;
        assertThrows(FieldCipher.TamperedValue.class, () -> cipher.open(sealed, "survivor/1/phone"));
        assertThrows(FieldCipher.TamperedValue.class, () -> cipher.open(new byte[] {1, 2, 3}, "survivor/1/phone"));
    }

    @Test
    void afterRotationOldValuesStillOpenAndNewOnesUseTheNewKey() {
        byte[] old = new FieldCipher(Map.of("k1", first), "k1").seal("Abay ave 10", "survivor/1/address");
        FieldCipher rotated = new FieldCipher(Map.of("k1", first, "k2", second), "k2");
        assertEquals("Abay ave 10", rotated.open(old, "survivor/1/address"));
        byte[] resealed = rotated.seal(rotated.open(old, "survivor/1/address"), "survivor/1/address");
        assertEquals("k2", FieldCipher.keyIdOf(resealed));
        // Once the old key leaves the configuration, only re-encrypted values open.
        FieldCipher withoutOld = new FieldCipher(Map.of("k2", second), "k2");
        assertEquals("Abay ave 10", withoutOld.open(resealed, "survivor/1/address"));
        assertThrows(FieldCipher.TamperedValue.class, () -> withoutOld.open(old, "survivor/1/address"));
    }

    @Test
    void refusesAMissingActiveKeyOrAShortKey() {
        assertThrows(IllegalArgumentException.class, () -> new FieldCipher(Map.of("k1", first), "k2"));
        assertThrows(
                IllegalArgumentException.class,
                () -> new FieldCipher(Map.of("k1", new SecretKeySpec(new byte[16], "AES")), "k1"));
    }

    @Test
    void blindIndexIgnoresSpellingButNotTheTenantOrTheValue() {
        BlindIndex index = new BlindIndex(new SecretKeySpec(first.getEncoded(), "HmacSHA256"));
        assertArrayEquals(index.ofPhone("almaty", "+7 (701) 555-12-12"), index.ofPhone("almaty", "77015551212"));
        assertArrayEquals(
                index.ofName("almaty", "  Aigerim   SULTANOVA "), index.ofName("almaty", "aigerim sultanova"));
        assertFalse(java.util.Arrays.equals(
                index.ofName("almaty", "Aigerim Sultanova"), index.ofName("astana", "Aigerim Sultanova")));
        assertFalse(java.util.Arrays.equals(
                index.ofName("almaty", "Aigerim Sultanova"), index.ofName("almaty", "Aigerim Sultan")));
        assertNull(index.ofPhone("almaty", " - "));
    }
}
