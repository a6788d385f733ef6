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

    /**
     * Whether the content is a whole file of this type: its signature at its very start and its end marker at
     * its end (a PDF's %%EOF, a PNG's IEND chunk, a JPEG's end-of-image marker, each in its last kilobyte). A
     * file cut short, or a signature glued to a web page, is refused; a file crafted to be two things at once
     * may still pass, and is served only as an attachment the browser must not sniff.
     */
    public boolean wellFormed(byte[] content) {
        return switch (this) {
            case PDF ->
                startsWith(content, "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                        && nearEnd(content, "%%EOF".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            case PNG ->
                startsWith(content, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})
                        && nearEnd(content, new byte[] {'I', 'E', 'N', 'D', (byte) 0xae, 0x42, 0x60, (byte) 0x82});
            case JPEG ->
                startsWith(content, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})
                        && nearEnd(content, new byte[] {(byte) 0xff, (byte) 0xd9});
        };
    }

    private static boolean startsWith(byte[] content, byte[] signature) {
        return content.length >= signature.length
                && java.util.Arrays.equals(content, 0, signature.length, signature, 0, signature.length);
    }

    private static boolean nearEnd(byte[] content, byte[] marker) {
        for (int at = content.length - marker.length; at >= Math.max(0, content.length - 1024); at--) {
            if (java.util.Arrays.equals(content, at, at + marker.length, marker, 0, marker.length)) {
                return true;
            }
        }
        return false;
    }

    public static Optional<DocumentType> of(String mediaType) {
        return Arrays.stream(values())
                .filter(t -> t.mediaType.equals(mediaType))
                .findFirst();
    }
}
