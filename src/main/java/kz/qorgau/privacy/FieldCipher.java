package kz.qorgau.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM for single values. Each sealed value names the key that sealed it, so keys can rotate
 * while old values stay readable, and binds the context it was sealed for (tenant, record, field) as
 * associated data: a value copied into another row or field no longer opens.
 *
 * <p>Layout: version byte 1, key id length, key id (ASCII), 12-byte nonce, ciphertext with its 16-byte tag.
 */
public final class FieldCipher {

    private static final byte FORMAT = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKey> keys;
    private final String activeKeyId;
    private final SecureRandom random = new SecureRandom();

    public FieldCipher(Map<String, SecretKey> keys, String activeKeyId) {
        if (!keys.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("The active key " + activeKeyId + " is not among the keys");
        }
        keys.forEach((id, key) -> {
            if (!id.matches("[A-Za-z0-9._-]{1,32}")) {
                throw new IllegalArgumentException("Key id " + id + " must be 1-32 letters, digits, '.', '_' or '-'");
            }
            if (key.getEncoded().length != 32) {
                throw new IllegalArgumentException("Key " + id + " must be 256 bits");
            }
        });
        this.keys = Map.copyOf(keys);
        this.activeKeyId = activeKeyId;
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    public boolean holds(String keyId) {
        return keyId != null && keys.containsKey(keyId);
    }

    /** @return null for null, so that an absent value stays absent */
    public byte[] seal(String plaintext, String context) {
        return plaintext == null ? null : sealBytes(plaintext.getBytes(StandardCharsets.UTF_8), context);
    }

    /** @throws TamperedValue when the value was changed, moved to another context, or its key is gone */
    public String open(byte[] sealed, String context) {
        return sealed == null ? null : new String(openBytes(sealed, context), StandardCharsets.UTF_8);
    }

    /** Bytes that are no text (a document, a key); {@link #seal} is this over the text's UTF-8. */
    public byte[] sealBytes(byte[] plaintext, String context) {
        if (plaintext == null) {
            return null;
        }
        byte[] keyId = activeKeyId.getBytes(StandardCharsets.US_ASCII);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = kz.qorgau.common.JcaInstances.aesGcm();
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(2 + keyId.length + NONCE_BYTES + sealed.length)
                    .put(FORMAT)
                    .put((byte) keyId.length)
                    .put(keyId)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** @throws TamperedValue when the value was changed, moved to another context, or its key is gone */
    public byte[] openBytes(byte[] sealed, String context) {
        if (sealed == null) {
            return null;
        }
        ByteBuffer in = ByteBuffer.wrap(sealed);
        String keyId = keyIdOf(sealed);
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new TamperedValue("sealed with key " + keyId + ", which this deployment no longer has");
        }
        in.position(2 + keyId.length());
        byte[] nonce = new byte[NONCE_BYTES];
        in.get(nonce);
        try {
            Cipher cipher = kz.qorgau.common.JcaInstances.aesGcm();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, in.position(), in.remaining());
        } catch (javax.crypto.AEADBadTagException e) {
            throw new TamperedValue("does not open in context " + context);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** The id of the key that sealed the value. */
    public static String keyIdOf(byte[] sealed) {
        if (sealed.length < 2 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != FORMAT || sealed.length < 2 + sealed[1]) {
            throw new TamperedValue("is not a sealed value of format " + FORMAT);
        }
        return new String(sealed, 2, sealed[1], StandardCharsets.US_ASCII);
    }

    /** A sealed value that does not open: changed in the database, moved, or sealed with a key since removed. */
    public static final class TamperedValue extends RuntimeException {
        TamperedValue(String what) {
            super("A sealed value " + what);
        }
    }
}
