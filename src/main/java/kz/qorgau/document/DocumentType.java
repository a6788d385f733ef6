package kz.qorgau.document;

import java.util.Arrays;
import java.util.Optional;
import org.apache.tika.Tika;

/**
 * The kinds of file a document may be, read from its first bytes (Apache Tika's magic numbers), never from a
 * name or a label the sender chose: what is stored as a PDF is one, and a portal that opens it opens a PDF.
 */
public enum DocumentType {
    PDF("application/pdf", "pdf"),
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png");

    /** Thread-safe; reads the magic-number table once. */
    private static final Tika TIKA = new Tika();

    private final String mediaType;
    private final String extension;

    DocumentType(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** What the content says it is (for example text/html, application/zip), for the refusal's detail. */
    public static String detect(byte[] content) {
        return TIKA.detect(content);
    }

    public static Optional<DocumentType> of(String mediaType) {
        return Arrays.stream(values())
                .filter(t -> t.mediaType.equals(mediaType))
                .findFirst();
    }
}
