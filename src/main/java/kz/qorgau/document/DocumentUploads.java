package kz.qorgau.document;

import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import kz.qorgau.common.Versioned;
import kz.qorgau.document.DocumentDtos.Content;
import kz.qorgau.document.DocumentDtos.DocumentView;
import org.jboss.resteasy.reactive.RestMulti;

/** What the case and referral document operations share: their media types, their words, their answers. */
final class DocumentUploads {

    static final String PDF = "application/pdf";
    static final String JPEG = "image/jpeg";
    static final String PNG = "image/png";

    static final String DESCRIPTION = "The body is the document's bytes: a PDF, a JPEG or a PNG image, at most"
            + " qorgau.documents.max-bytes (5 MiB unless the deployment sets otherwise). Its type is read from its"
            + " content; a Content-Type of application/octet-stream leaves it to that, and one of the three types"
            + " must agree with it (415 otherwise). An empty body is a 400, a larger one a 413, any other content a"
            + " 415. `kind` says what it is, `category` which of her data it holds (IDENTITY_DOCUMENT and"
            + " CONSENT_FORM are always IDENTITY): another agency downloads it while her consent covers her IDENTITY"
            + " (a document names her) and that category. Sealed at rest under a key of its own. With an"
            + " Idempotency-Key it is attached once: the same bytes, kind and category again return the first"
            + " document's record (200, Idempotent-Replayed: true), even once erased; anything else under the key is"
            + " refused (422).";

    static final String REPLAYED = "Already attached under this Idempotency-Key: the first document's record";

    static final String DOWNLOAD = "Audited. A document whose category her consent does not let the reader see"
            + " answers 404, as one that does not exist, unless the reader's agency attached it; an erased one 410.";

    static final String ERASURE = "For a document attached by mistake (the wrong file, another woman's): the agency"
            + " that attached it destroys its key and its bytes; its record stays, marked erased. Audited.";

    private DocumentUploads() {}

    /** 201 naming the new document's bytes, or 200 with the record a first request under the same key made. */
    static Response attached(Documents.Attached attached, UriInfo uri) {
        DocumentView document = attached.document();
        if (!attached.created()) {
            return Response.ok(document).header("Idempotent-Replayed", "true").build();
        }
        return Versioned.created(Versioned.locationUnder(uri, document.id() + "/content"), document)
                .build();
    }

    /** A slice of a document as it is sent: the next is made once this one has left for the socket. */
    private static final int SLICE = 64 * 1024;

    /**
     * The bytes in slices, each sent once the one before has been written out, so that a reader who takes them
     * slowly holds one slice of the service's memory beyond the document, not a second copy of all of it queued for
     * the socket. The document's room in memory is given back when the last slice has gone, or the reader has. A reader
     * who takes longer than an upload may (the grace, and a second per so many bytes) is cut off: the connection
     * closes without the body's end, so no client takes what it got for the whole document. Sent in chunks, without a
     * Content-Length; the document's record gives its size.
     */
    static RestMulti<byte[]> download(Content content, DocumentConfig config) {
        byte[] bytes = content.bytes();
        java.time.Duration within = config.uploadGrace().plusSeconds(bytes.length / config.uploadMinBytesPerSecond());
        long deadline = System.nanoTime() + within.toNanos();
        int slices = Math.max(1, (bytes.length + SLICE - 1) / SLICE);
        Multi<byte[]> body = Multi.createFrom()
                .range(0, slices)
                .map(i -> {
                    if (System.nanoTime() - deadline > 0) {
                        throw new ReaderTooSlow();
                    }
                    return java.util.Arrays.copyOfRange(bytes, i * SLICE, Math.min(bytes.length, (i + 1) * SLICE));
                })
                .ifNoItem()
                .after(within)
                .failWith(ReaderTooSlow::new)
                .onTermination()
                .invoke(content.sent());
        // Left as it is, encodeAsJsonArray adds nothing to a body that is not JSON; false would end each slice with a
        // line feed (newline-delimited JSON).
        return RestMulti.fromMultiData(body)
                .status(200)
                .header(HttpHeaders.CONTENT_TYPE, content.document().mediaType)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + content.fileName() + "\"")
                .build();
    }

    /** A download not taken in time: the service stops sending it and closes the connection. */
    static final class ReaderTooSlow extends RuntimeException {
        ReaderTooSlow() {
            super("The reader did not take the document in time; its connection is closed", null, false, false);
        }
    }
}
