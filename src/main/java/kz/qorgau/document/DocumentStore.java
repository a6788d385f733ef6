package kz.qorgau.document;

import java.util.UUID;

/**
 * Where a document's sealed bytes live. They are sealed before they get here: a store sees ciphertext alone,
 * and an object store's operator reads nothing of her.
 */
public interface DocumentStore {

    /** The value of {@code document.store} for what this store keeps. */
    Document.Store kind();

    void put(String tenantId, UUID documentId, byte[] sealed);

    /** @throws IllegalStateException when the bytes of a recorded document are not there */
    byte[] get(String tenantId, UUID documentId);

    /** Nothing happens for bytes that are already gone. */
    void delete(String tenantId, UUID documentId);
}
