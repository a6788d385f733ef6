package kz.qorgau.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

/** Sealed bytes in PostgreSQL, in the transaction that records the document: both are kept, or neither. */
@ApplicationScoped
public class DatabaseDocumentStore implements DocumentStore {

    @Inject
    EntityManager em;

    @Override
    public Document.Store kind() {
        return Document.Store.DATABASE;
    }

    @Override
    public void put(String tenantId, UUID documentId, byte[] sealed) {
        em.createNativeQuery("insert into document_content (document_id, tenant_id, sealed) values (?1, ?2, ?3)")
                .setParameter(1, documentId)
                .setParameter(2, tenantId)
                .setParameter(3, sealed)
                .executeUpdate();
    }

    @Override
    public byte[] get(String tenantId, UUID documentId) {
        // The column's type named, not worked out from the result: Hibernate then tries to register bytea's pairing
        // on every call, throwing and catching an exception each time (one per download in issue 26's recordings).
        @SuppressWarnings("unchecked")
        List<byte[]> rows = em.createNativeQuery("select sealed from document_content where document_id = ?1")
                .setParameter(1, documentId)
                .unwrap(NativeQuery.class)
                .addScalar("sealed", StandardBasicTypes.BINARY)
                .getResultList();
        if (rows.isEmpty()) {
            throw new IllegalStateException("The bytes of document " + documentId + " are not in the database");
        }
        return rows.get(0);
    }

    @Override
    public void delete(String tenantId, UUID documentId) {
        em.createNativeQuery("delete from document_content where document_id = ?1")
                .setParameter(1, documentId)
                .executeUpdate();
    }
}
