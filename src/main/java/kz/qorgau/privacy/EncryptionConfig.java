package kz.qorgau.privacy;

import io.smallrye.config.ConfigMapping;
import java.util.Map;

/**
 * Keys for survivors' personal data. A deployment gives them through its secret store
 * ({@code QORGAU_ENCRYPTION_KEYS__<ID>_}, {@code QORGAU_ENCRYPTION_ACTIVE_KEY}, {@code QORGAU_ENCRYPTION_SEARCH_KEY});
 * the service does not start without them.
 */
@ConfigMapping(prefix = "qorgau.encryption")
public interface EncryptionConfig {

    /** Base64 AES-256 keys by id. Old keys stay here until re-encryption has moved every value off them. */
    Map<String, String> keys();

    /** The key new values are sealed with. */
    String activeKey();

    /** Base64 HMAC key of at least 256 bits for the name and phone search hashes; it never rotates in place. */
    String searchKey();
}
