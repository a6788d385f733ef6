package kz.qorgau.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Map;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import kz.qorgau.privacy.FieldCipher;
import kz.qorgau.privacy.SealedColumns;

/**
 * Envelope sealing: each document's bytes are sealed (AES-256-GCM, bound to the document) under a data key of
 * its own, and that key is sealed with the deployment's field key. A key rotation moves the data key alone
 * (declared here as a sealed column), and destroying the data key erases every copy of the bytes at once.
 */
@ApplicationScoped
public class DocumentSeal implements SealedColumns {

    /** The one-key cipher's id for a data key: the layout names a key, and a document has exactly one. */
    private static final String DATA_KEY_ID = "document";

    @Inject
    FieldCipher fieldKey;

    private final SecureRandom random = new SecureRandom();

    public record Sealed(byte[] dataKey, byte[] content) {}

    public Sealed seal(String tenantId, UUID documentId, byte[] content) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        byte[] sealedContent = contentCipher(key).sealBytes(content, contentContext(tenantId, documentId));
        byte[] sealedKey = fieldKey.sealBytes(key, keyContext(tenantId, documentId));
        java.util.Arrays.fill(key, (byte) 0);
        return new Sealed(sealedKey, sealedContent);
    }

    /** @throws FieldCipher.TamperedValue when the key or the bytes were changed or belong to another document */
    public byte[] open(String tenantId, UUID documentId, byte[] sealedKey, byte[] sealedContent) {
        byte[] key = fieldKey.openBytes(sealedKey, keyContext(tenantId, documentId));
        try {
            return contentCipher(key).openBytes(sealedContent, contentContext(tenantId, documentId));
        } finally {
            java.util.Arrays.fill(key, (byte) 0);
        }
    }

    @Override
    public java.util.List<SealedColumn> sealedColumns() {
        return java.util.List.of(new SealedColumn("document", "data_key", DocumentSeal::keyContext));
    }

    private static FieldCipher contentCipher(byte[] key) {
        return new FieldCipher(Map.of(DATA_KEY_ID, new SecretKeySpec(key, "AES")), DATA_KEY_ID);
    }

    static String keyContext(String tenantId, UUID documentId) {
        return "document-key|" + tenantId + "|" + documentId;
    }

    private static String contentContext(String tenantId, UUID documentId) {
        return "document|" + tenantId + "|" + documentId;
    }
}
