package kz.qorgau.document;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.util.Optional;

/** Where documents are kept, and how large one may be. */
@ConfigMapping(prefix = "qorgau.documents")
public interface DocumentConfig {

    /** The largest document accepted, in bytes; the request body limit of the upload operations. */
    @WithDefault("5242880")
    int maxBytes();

    /** Where new documents go; documents already stored stay readable where they are. */
    @WithDefault("database")
    StoreChoice store();

    ObjectStore s3();

    /**
     * How long an upload's body may take to arrive, before a second more for every {@link
     * #uploadMinBytesPerSecond()} bytes it declares (read by RequestSizeLimits, which answers a slower one 408); and
     * likewise how long a download may take to be read, by the document's size (a slower reader is cut off).
     */
    @WithDefault("20s")
    java.time.Duration uploadGrace();

    @WithDefault("32768")
    long uploadMinBytesPerSecond();

    /**
     * The heap that documents in flight may hold at once (a quarter of the heap unless set); read by {@code
     * kz.qorgau.common.DocumentMemory}, which the upload checks share before a body is read.
     */
    Optional<io.quarkus.runtime.configuration.MemorySize> memoryBudget();

    enum StoreChoice {
        DATABASE,
        S3
    }

    /** An S3-compatible object store: AWS S3, MinIO, Ceph, or any other that speaks the S3 API. */
    interface ObjectStore {
        /** Unset for AWS S3 itself; the address of any other store. */
        Optional<URI> endpoint();

        @WithDefault("us-east-1")
        String region();

        Optional<String> bucket();

        /** Unset to take credentials from the environment (AWS's default chain: variables, profile, role). */
        Optional<String> accessKeyId();

        Optional<String> secretAccessKey();

        /** Most stores other than AWS's address buckets by path, not by host name. */
        @WithDefault("true")
        boolean pathStyle();

        /** Prepended to each object's key, to share a bucket with other data. */
        @WithDefault("qorgau/")
        String prefix();
    }
}
