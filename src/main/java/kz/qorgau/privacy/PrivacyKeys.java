package kz.qorgau.privacy;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** Builds the cipher and the search index from configuration, failing start-up on a missing or short key. */
@ApplicationScoped
public class PrivacyKeys {

    @Produces
    @Singleton
    FieldCipher fieldCipher(EncryptionConfig config) {
        Map<String, SecretKey> keys = new HashMap<>();
        config.keys()
                .forEach((id, encoded) ->
                        keys.put(id, new SecretKeySpec(decode("qorgau.encryption.keys." + id, encoded), "AES")));
        return new FieldCipher(keys, config.activeKey());
    }

    @Produces
    @Singleton
    BlindIndex blindIndex(EncryptionConfig config) {
        return new BlindIndex(
                new SecretKeySpec(decode("qorgau.encryption.search-key", config.searchKey()), "HmacSHA256"));
    }

    /** A wrong key fails the start, not the first survivor's case. */
    void checkAtStart(@Observes StartupEvent started, FieldCipher cipher, BlindIndex index) {
        cipher.activeKeyId();
    }

    private static byte[] decode(String property, String value) {
        try {
            return Base64.getDecoder().decode(value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(property + " is not base64", e);
        }
    }
}
