package kz.qorgau.document;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import kz.qorgau.document.DocumentDtos.Content;

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
            + " (a document names her) and that category. Sealed at rest under a key of its own.";

    static final String DOWNLOAD = "Audited. A document whose category her consent does not let the reader see"
            + " answers 404, as one that does not exist, unless the reader's agency attached it; an erased one 410.";

    static final String ERASURE = "For a document attached by mistake (the wrong file, another woman's): the agency"
            + " that attached it destroys its key and its bytes; its record stays, marked erased. Audited.";

    private DocumentUploads() {}

    static Response download(Content content) {
        return Response.ok(content.bytes(), content.document().mediaType)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + content.fileName() + "\"")
                .header(HttpHeaders.CONTENT_LENGTH, content.bytes().length)
                .build();
    }
}
