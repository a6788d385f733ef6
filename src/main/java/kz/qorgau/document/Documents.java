package kz.qorgau.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.agency.CallerAgency;
import kz.qorgau.audit.AuditAction;
import kz.qorgau.audit.AuditTrail;
import kz.qorgau.audit.AuditTrail.Subject;
import kz.qorgau.caseaccess.CaseAccess;
import kz.qorgau.caseaccess.SharingRules.Sharing;
import kz.qorgau.casefile.CaseAnonymised;
import kz.qorgau.casefile.CaseRef;
import kz.qorgau.casefile.CaseService;
import kz.qorgau.common.Keyset;
import kz.qorgau.common.Page;
import kz.qorgau.common.ProblemException;
import kz.qorgau.common.TimeAndIds.IdGenerator;
import kz.qorgau.consent.DataCategory;
import kz.qorgau.document.DocumentDtos.Content;
import kz.qorgau.document.DocumentDtos.DocumentView;
import kz.qorgau.idempotency.IdempotentRequests;
import kz.qorgau.notification.Outbox;
import kz.qorgau.referral.ReferralRef;
import kz.qorgau.referral.ReferralRefs;
import kz.qorgau.referral.Side;
import kz.qorgau.security.AccessPolicy;
import kz.qorgau.security.Capability;

/**
 * Documents on a case (its agencies') and on a referral (its two sides'). Who may download one is decided at
 * each download by her consent to the document's category, as for every other item of her data; its uploader's
 * agency always may. Every attachment, download and erasure is audited; a referral's are also events of the
 * referral, which carry no content.
 */
@ApplicationScoped
public class Documents {

    /** The same words as a download refused for want of a slot (RequestSizeLimits): to the caller it is one thing. */
    static final String DOWNLOADS_BUSY =
            "Too many documents are being downloaded at this moment: send the request again after Retry-After seconds";

    @Inject
    kz.qorgau.common.DocumentMemory memory;

    @Inject
    io.quarkus.security.identity.SecurityIdentity identity;

    static final String ATTACHED_EVENT = "referral.document";
    static final String ERASED_EVENT = "referral.document-erased";

    @Inject
    EntityManager em;

    @Inject
    AccessPolicy access;

    @Inject
    CallerAgency callerAgency;

    @Inject
    CaseService cases;

    @Inject
    CaseAccess caseAccess;

    @Inject
    ReferralRefs referrals;

    @Inject
    DocumentSeal seal;

    @Inject
    DocumentConfig config;

    @Inject
    DatabaseDocumentStore databaseStore;

    @Inject
    ObjectDocumentStore objectStore;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    @Inject
    IdGenerator ids;

    @Inject
    IdempotentRequests idempotent;

    @Inject
    Clock clock;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** What the caller holds a document through: a case, or a referral of it, and what she lets it see there. */
    private record Holder(CaseRef caseRef, ReferralRef referral, Sharing sharing) {

        UUID referralId() {
            return referral == null ? null : referral.id();
        }
    }

    /** A document attached, or the one a first request under the same Idempotency-Key attached. */
    public record Attached(DocumentView document, boolean created) {}

    @Transactional
    public Attached attachToCase(
            UUID caseId,
            DocumentKind kind,
            DataCategory category,
            String label,
            byte[] body,
            Optional<String> idempotencyKey) {
        access.require(Capability.ATTACH_DOCUMENTS);
        CaseRef caseRef = visibleCase(caseId);
        caseAccess.toWork(caseRef.id(), caseRef.leadAgencyId());
        Runnable stillOpen = () -> {
            if (!caseRef.open()) {
                throw new ProblemException.Conflict(
                        "case-closed", "Case " + caseId + " is closed: nothing more is attached to it", Map.of());
            }
        };
        return attach(
                new Holder(caseRef, null, null), stillOpen, new Upload(kind, category, label, body, idempotencyKey));
    }

    @Transactional
    public Attached attachToReferral(
            UUID referralId,
            DocumentKind kind,
            DataCategory category,
            String label,
            byte[] body,
            Optional<String> idempotencyKey) {
        access.require(Capability.ATTACH_DOCUMENTS);
        ReferralRef referral = referrals.visibleAndHeld(referralId);
        side(referral);
        Runnable stillOpen = () -> {
            if (referral.ended()) {
                throw new ProblemException.Conflict(
                        "referral-ended",
                        "Referral " + referral.id() + " has ended (" + referral.state()
                                + "): nothing more is attached to it",
                        Map.of("state", referral.state()));
            }
        };
        return attach(
                new Holder(cases.of(referral.caseId()), referral, null),
                stillOpen,
                new Upload(kind, category, label, body, idempotencyKey));
    }

    @Transactional
    public Page<DocumentView> ofCase(UUID caseId, String cursor, int limit) {
        Holder holder = caseHolder(caseId);
        audit.record(AuditAction.LIST, Subject.of("case-documents", caseId, caseId), Set.of());
        return page(holder, cursor, limit);
    }

    @Transactional
    public Page<DocumentView> ofReferral(UUID referralId, String cursor, int limit) {
        Holder holder = referralHolder(referralId);
        audit.record(
                AuditAction.LIST,
                Subject.of("referral-documents", referralId, holder.caseRef().id()),
                Set.of());
        return page(holder, cursor, limit);
    }

    @Transactional
    public Content caseContent(UUID caseId, UUID documentId) {
        return content(caseHolder(caseId), documentId);
    }

    @Transactional
    public Content referralContent(UUID referralId, UUID documentId) {
        return content(referralHolder(referralId), documentId);
    }

    @Transactional
    public DocumentView eraseFromCase(UUID caseId, UUID documentId) {
        access.require(Capability.ATTACH_DOCUMENTS);
        return erase(caseHolder(caseId), documentId);
    }

    @Transactional
    public DocumentView eraseFromReferral(UUID referralId, UUID documentId) {
        access.require(Capability.ATTACH_DOCUMENTS);
        Holder holder = referralHolder(referralId);
        DocumentView erased = erase(holder, documentId);
        if (holder.referral().sent()) {
            Document document = em.find(Document.class, documentId);
            outbox.append("referral", holder.referralId(), ERASED_EVENT, audience(holder, document), event(erased));
        }
        return erased;
    }

    /** Retention: a case that is anonymised loses its documents' bytes and keys, in the same transaction. */
    void eraseWithCase(@Observes CaseAnonymised anonymised) {
        List<Document> held = em.createQuery("from Document where caseId = :case and erasedAt is null", Document.class)
                .setParameter("case", anonymised.caseId())
                .getResultList();
        for (Document document : held) {
            destroy(document, "retention", anonymised.at());
        }
    }

    /** One upload as the caller sent it: what it is, its bytes, and the key it is sent once under, if any. */
    private record Upload(
            DocumentKind kind, DataCategory category, String label, byte[] body, Optional<String> idempotencyKey) {}

    /**
     * What a repeat under an Idempotency-Key must match to be told of the first document: the same holder, kind,
     * category and bytes. The bytes go in as their digest; the claim keys the hash with the network's search key.
     */
    private record UploadRequest(
            UUID caseId, UUID referralId, DocumentKind kind, DataCategory category, String mediaType, String sha256) {}

    private Attached attach(Holder holder, Runnable stillOpen, Upload upload) {
        DocumentKind kind = upload.kind();
        DataCategory category = upload.category();
        byte[] body = upload.body();
        if (!DocumentRules.agrees(kind, category)) {
            throw new ProblemException.InvalidInput(
                    "category", "a " + kind + " holds her " + kind.category().orElseThrow() + ": send that category");
        }
        DocumentType type = typeOf(upload.label(), body);
        UUID agency = callerAgency.requireRegistered();
        UUID documentId = ids.newId();
        if (upload.idempotencyKey().isPresent()) {
            UploadRequest request = new UploadRequest(
                    holder.caseRef().id(), holder.referralId(), kind, category, type.mediaType(), sha256(body));
            IdempotentRequests.Claim claim = idempotent.claim(
                    access.caller().tenantId(),
                    agency,
                    // One key space for case and referral documents: a key used on one is refused on the other.
                    "attach-document",
                    upload.idempotencyKey().get(),
                    request,
                    documentId);
            if (!claim.first()) {
                // Told of even once the case has closed or the document was erased: it is the answer the first
                // request had, and a client that retried after a timeout must not attach it a second time.
                return new Attached(DocumentView.of(em.find(Document.class, claim.resourceId())), false);
            }
        }
        stillOpen.run();
        Document document = new Document();
        document.id = documentId;
        document.tenantId = holder.caseRef().tenantId();
        document.caseId = holder.caseRef().id();
        document.referralId = holder.referralId();
        document.kind = kind;
        document.category = category;
        document.mediaType = type.mediaType();
        document.sizeBytes = body.length;
        document.uploaderAgencyId = agency;
        document.uploadedBy = access.caller().username();
        document.createdAt = clock.instant();
        DocumentSeal.Sealed sealed = seal.seal(document.tenantId, document.id, body);
        DocumentStore store = config.store() == DocumentConfig.StoreChoice.S3 ? objectStore : databaseStore;
        document.store = store.kind();
        document.dataKey = sealed.dataKey();
        // The record first: the bytes' row refers to it.
        em.persist(document);
        em.flush();
        store.put(document.tenantId, document.id, sealed.content());
        audit.record(
                AuditAction.CREATE,
                Subject.of("document", document.id, document.caseId),
                Set.of(),
                kind + " " + type + " " + body.length + " bytes" + (holder.referral() == null ? "" : " on referral"));
        DocumentView view = DocumentView.of(document);
        if (holder.referral() != null && holder.referral().sent()) {
            outbox.append("referral", holder.referralId(), ATTACHED_EVENT, audience(holder, document), event(view));
        }
        return new Attached(view, true);
    }

    private static String sha256(byte[] body) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(body));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The type its bytes say it is; a label the caller sent must agree, or the caller picked the wrong file. */
    private DocumentType typeOf(String label, byte[] body) {
        if (body == null || body.length == 0) {
            throw new ProblemException.InvalidInput("body", "is empty: send the document's bytes");
        }
        if (body.length > config.maxBytes()) {
            throw new ProblemException.PayloadTooLarge(
                    "A document may be at most " + config.maxBytes() + " bytes; this one is " + body.length);
        }
        String detected = DocumentType.detect(body);
        DocumentType type = DocumentType.of(detected)
                .orElseThrow(() -> new ProblemException.UnsupportedMediaType(
                        "A document must be a PDF, a JPEG or a PNG image; its content reads as " + detected));
        if (!type.wellFormed(body)) {
            throw new ProblemException.UnsupportedMediaType("The content begins as a " + type
                    + " but is not a whole one (its signature is not at its start or its end marker is missing):"
                    + " a file cut short, or another kind of file");
        }
        String declared = label == null ? "" : label.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        if (DocumentType.of(declared).isPresent() && !declared.equals(type.mediaType())) {
            throw new ProblemException.UnsupportedMediaType(
                    "The body was sent as " + declared + " but its content is " + type.mediaType());
        }
        return type;
    }

    private Page<DocumentView> page(Holder holder, String cursor, int limit) {
        Optional<Keyset> after = Optional.ofNullable(cursor).map(Keyset::fromCursor);
        var query = em.createQuery(
                        "from Document d where d.caseId = :case and "
                                + (holder.referral() == null ? "d.referralId is null" : "d.referralId = :referral")
                                + (after.isPresent() ? " and (d.createdAt, d.id) > (:afterTime, :afterId)" : "")
                                + " order by d.createdAt, d.id",
                        Document.class)
                .setParameter("case", holder.caseRef().id())
                .setMaxResults(limit + 1);
        if (holder.referral() != null) {
            query.setParameter("referral", holder.referralId());
        }
        after.ifPresent(k -> query.setParameter("afterTime", k.updatedAt()).setParameter("afterId", k.id()));
        UUID agency = access.caller().agencyId().orElseThrow();
        // The page and its cursor are of every row, so that no document is skipped; a document she does not let
        // the reader see is then left out of it, as if it were not there (its kind alone says something about her).
        // A page can so hold fewer documents than the limit: its cursor still leads on.
        Page<Document> rows = Keyset.page(query.getResultList(), limit, d -> new Keyset(d.createdAt, d.id), d -> d);
        return new Page<>(
                rows.items().stream()
                        .filter(d -> DocumentRules.mayRead(agency, d.uploaderAgencyId, d.category, holder.sharing()))
                        .map(DocumentView::of)
                        .toList(),
                rows.nextCursor());
    }

    private Content content(Holder holder, UUID documentId) {
        // Shared: an erasure of the same document waits until these bytes are read, so a download sees them whole
        // or sees the document erased.
        Document document = readable(holder, documentId, LockModeType.PESSIMISTIC_READ);
        if (document.erased()) {
            throw new ProblemException.Gone(
                    "document-erased", "Document erased", "Document " + documentId + " was erased; its bytes are gone");
        }
        // Room in memory before the bytes are read, given back once they have been sent, or with the answer if this
        // call fails before: the download slots count documents, and eight of 5 MiB at once with four uploads ran the
        // chart's heap out.
        Runnable sent = memory.reserveForThisAnswer(
                        document.tenantId, identity.getPrincipal().getName(), document.sizeBytes)
                .orElseThrow(() -> new ProblemException.Unavailable(DOWNLOADS_BUSY, 2));
        DocumentStore store = document.store == Document.Store.OBJECT_STORE ? objectStore : databaseStore;
        byte[] bytes =
                seal.open(document.tenantId, document.id, document.dataKey, store.get(document.tenantId, document.id));
        audit.record(AuditAction.READ, Subject.of("document", document.id, document.caseId), Set.of(document.category));
        return new Content(document, bytes, sent);
    }

    private DocumentView erase(Holder holder, UUID documentId) {
        // Exclusive: of two erasures at once, the second finds the document erased.
        Document document = readable(holder, documentId, LockModeType.PESSIMISTIC_WRITE);
        if (!access.caller().belongsTo(document.uploaderAgencyId)) {
            throw new ProblemException.Forbidden("Only the agency that attached a document erases it");
        }
        if (document.erased()) {
            throw new ProblemException.Conflict(
                    "document-erased", "Document " + documentId + " was already erased", Map.of());
        }
        destroy(document, access.caller().username(), clock.instant());
        audit.record(AuditAction.UPDATE, Subject.of("document", document.id, document.caseId), Set.of(), "erased");
        return DocumentView.of(document);
    }

    /** The key goes at once; the bytes with it in the database, or from the object store once this commits. */
    private void destroy(Document document, String by, java.time.Instant at) {
        // All three at once: the deletion below flushes the record, and a key without a time is refused.
        document.dataKey = null;
        document.erasedBy = by;
        document.erasedAt = at;
        if (document.store == Document.Store.DATABASE) {
            databaseStore.delete(document.tenantId, document.id);
        } else {
            String tenant = document.tenantId;
            UUID id = document.id;
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {}

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        objectStore.delete(tenant, id);
                    }
                }
            });
        }
    }

    /** A document of this holder the caller may read, or 404 exactly as for one that does not exist. */
    private Document readable(Holder holder, UUID documentId, LockModeType lock) {
        UUID agency = access.caller().agencyId().orElseThrow();
        return Optional.ofNullable(em.find(Document.class, documentId, lock))
                .filter(d -> d.caseId.equals(holder.caseRef().id())
                        && java.util.Objects.equals(d.referralId, holder.referralId()))
                .filter(d -> DocumentRules.mayRead(agency, d.uploaderAgencyId, d.category, holder.sharing()))
                .orElseThrow(() -> new ProblemException.NotFound("Document " + documentId));
    }

    private Holder caseHolder(UUID caseId) {
        access.require(Capability.READ_DOCUMENTS);
        CaseRef caseRef = visibleCase(caseId);
        CaseAccess.Grant grant = caseAccess.toWork(caseRef.id(), caseRef.leadAgencyId());
        return new Holder(caseRef, null, grant.sharing());
    }

    private Holder referralHolder(UUID referralId) {
        access.require(Capability.READ_DOCUMENTS);
        ReferralRef referral = referrals.visible(referralId);
        Set<Side> sides = side(referral);
        CaseRef caseRef = cases.of(referral.caseId());
        Sharing sharing = caseAccess.throughReferral(
                caseRef.id(),
                caseRef.leadAgencyId(),
                sides.contains(Side.RECEIVER),
                !referral.ended(),
                referral.emergencyException());
        return new Holder(caseRef, referral, sharing);
    }

    private CaseRef visibleCase(UUID caseId) {
        return cases.find(caseId).orElseThrow(() -> new ProblemException.NotFound("Case " + caseId));
    }

    /** The caller's sides of the referral; coordinators, who see every referral, are neither (403). */
    private Set<Side> side(ReferralRef referral) {
        Set<Side> sides = referral.sidesOf(access.caller());
        if (sides.isEmpty()) {
            throw new ProblemException.Forbidden("A referral's documents are for its two agencies alone");
        }
        return sides;
    }

    /**
     * Who hears of a document on a referral: the agency that attached it, and the other side only if it may read
     * the document now. An event names the document and its category: to an agency her consent keeps it from,
     * that alone says what there is about her.
     */
    private Set<UUID> audience(Holder holder, Document document) {
        ReferralRef referral = holder.referral();
        UUID other = document.uploaderAgencyId.equals(referral.senderAgencyId())
                ? referral.receiverAgencyId()
                : referral.senderAgencyId();
        boolean otherIsReceiver = other.equals(referral.receiverAgencyId());
        Sharing sharing = caseAccess.ofSide(
                holder.caseRef().id(),
                holder.caseRef().leadAgencyId(),
                other,
                !referral.ended(),
                otherIsReceiver && referral.emergencyException());
        return DocumentRules.mayRead(other, document.uploaderAgencyId, document.category, sharing)
                ? Set.of(document.uploaderAgencyId, other)
                : Set.of(document.uploaderAgencyId);
    }

    /** What partners hear: that a document came or went on which referral, from whom; never its content. */
    private static Map<String, Object> event(DocumentView document) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("referralId", document.referralId());
        payload.put("documentId", document.id());
        payload.put("category", document.category());
        payload.put("fromAgencyId", document.uploaderAgencyId());
        payload.put("at", document.erasedAt() == null ? document.createdAt() : document.erasedAt());
        return payload;
    }
}
