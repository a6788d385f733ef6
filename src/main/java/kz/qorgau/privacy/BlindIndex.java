package kz.qorgau.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * Keyed hashes (HMAC-SHA256) that let the service find a survivor by her exact name or phone without
 * storing either in the clear. Without the key, the hashes cannot be tested against guessed names or
 * the small space of phone numbers. Values are normalised first, so spacing and case do not matter.
 */
public final class BlindIndex {

    private final SecretKey key;

    public BlindIndex(SecretKey key) {
        if (key.getEncoded().length < 32) {
            throw new IllegalArgumentException("The search key must be at least 256 bits");
        }
        this.key = key;
    }

    /** @return null for a value with nothing to search by */
    public byte[] ofName(String tenantId, String name) {
        return of(tenantId, "name", normaliseName(name));
    }

    public byte[] ofPhone(String tenantId, String phone) {
        return of(tenantId, "phone", normalisePhone(phone));
    }

    /** A request as a whole (its canonical JSON), to tell a repeat from another request without keeping it. */
    public byte[] ofRequest(String tenantId, String canonicalRequest) {
        return of(tenantId, "request", canonicalRequest);
    }

    /**
     * A key that another capability normalised for its own matching (an IIN, a name with a birth date); the field
     * keeps keys of different kinds apart.
     */
    public byte[] ofKey(String tenantId, String field, String normalisedKey) {
        return of(tenantId, field, normalisedKey == null ? "" : normalisedKey);
    }

    static String normaliseName(String name) {
        return name == null
                ? ""
                : Normalizer.normalize(name, Normalizer.Form.NFKC)
                        .strip()
                        .replaceAll("\\s+", " ")
                        .toLowerCase(Locale.ROOT);
    }

    /** Digits only: "+7 701 555-12-12" and "77015551212" are one number. */
    static String normalisePhone(String phone) {
        return phone == null ? "" : phone.replaceAll("[^0-9]", "");
    }

    private byte[] of(String tenantId, String field, String normalised) {
        if (normalised.isEmpty()) {
            return null;
        }
        try {
            Mac mac = kz.qorgau.common.JcaInstances.hmacSha256();
            mac.init(key);
            // Tenant and field are part of the input: equal names in two networks hash apart.
            return mac.doFinal((tenantId + '\0' + field + '\0' + normalised).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
