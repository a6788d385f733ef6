package kz.qorgau.document;

import java.time.Instant;
import java.util.UUID;
import kz.qorgau.consent.DataCategory;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class DocumentDtos {

    private DocumentDtos() {}

    @Schema(
            name = "Document",
            description =
                    "A document's record; its bytes are downloaded apart, by those her consent lets see its category")
    public record DocumentView(
            UUID id,
            UUID caseId,

            @Schema(description = "Set when the document belongs to one referral of the case", nullable = true)
            UUID referralId,

            DocumentKind kind,

            @Schema(
                    description =
                            "The kind of her data it holds: a reader downloads it when her consent covers this category")
            DataCategory category,

            @Schema(
                    description = "Read from the content when it was attached",
                    enumeration = {"application/pdf", "image/jpeg", "image/png"})
            String mediaType,

            @Schema(minimum = "1") int sizeBytes,
            UUID uploaderAgencyId,
            String uploadedBy,
            Instant createdAt,

            @Schema(description = "Set once erased: its bytes are destroyed, its record stays", nullable = true)
            Instant erasedAt) {

        static DocumentView of(Document d) {
            return new DocumentView(
                    d.id,
                    d.caseId,
                    d.referralId,
                    d.kind,
                    d.category,
                    d.mediaType,
                    d.sizeBytes,
                    d.uploaderAgencyId,
                    d.uploadedBy,
                    d.createdAt,
                    d.erasedAt);
        }
    }

    /**
     * The bytes of one document, with what a download needs to present them, and what gives back the memory they were
     * given room in once they have been sent (run at the latest when the answer ends).
     */
    public record Content(Document document, byte[] bytes, Runnable sent) {

        public String fileName() {
            String extension = DocumentType.of(document.mediaType)
                    .map(DocumentType::extension)
                    .orElse("bin");
            return document.kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-" + document.id + "."
                    + extension;
        }
    }
}
