package kz.qorgau.document;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import kz.qorgau.common.ProblemException;
import org.jboss.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Sealed bytes in an S3-compatible object store, through AWS's own SDK. An object is written before the
 * transaction that records its document commits: if that transaction then fails, the object is left behind,
 * but its data key went with the transaction and nothing can open it.
 */
@ApplicationScoped
public class ObjectDocumentStore implements DocumentStore {

    private static final Logger LOG = Logger.getLogger(ObjectDocumentStore.class);

    @Inject
    DocumentConfig config;

    private volatile S3Client client;

    @Override
    public Document.Store kind() {
        return Document.Store.OBJECT_STORE;
    }

    @Override
    public void put(String tenantId, UUID documentId, byte[] sealed) {
        try {
            client().putObject(
                            request -> request.bucket(bucket())
                                    .key(key(tenantId, documentId))
                                    .contentType("application/octet-stream"),
                            RequestBody.fromBytes(sealed));
        } catch (SdkException e) {
            throw unreachable(e);
        }
    }

    @Override
    public byte[] get(String tenantId, UUID documentId) {
        try {
            return client().getObjectAsBytes(request -> request.bucket(bucket()).key(key(tenantId, documentId)))
                    .asByteArray();
        } catch (NoSuchKeyException e) {
            throw new IllegalStateException("The bytes of document " + documentId + " are not in the object store");
        } catch (SdkException e) {
            throw unreachable(e);
        }
    }

    @Override
    public void delete(String tenantId, UUID documentId) {
        try {
            client().deleteObject(request -> request.bucket(bucket()).key(key(tenantId, documentId)));
        } catch (SdkException e) {
            // The data key is already destroyed, so what is left cannot be opened; the log says what to remove.
            LOG.warnf(
                    "Document %s was erased but its sealed object %s could not be removed: %s",
                    documentId, key(tenantId, documentId), e.getMessage());
        }
    }

    private String key(String tenantId, UUID documentId) {
        return config.s3().prefix() + tenantId + "/" + documentId;
    }

    private String bucket() {
        return config.s3()
                .bucket()
                .orElseThrow(() -> new IllegalStateException(
                        "qorgau.documents.s3.bucket is not set, and documents are kept in an object store"));
    }

    private S3Client client() {
        S3Client current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    client = build(config.s3());
                }
                current = client;
            }
        }
        return current;
    }

    private static S3Client build(DocumentConfig.ObjectStore settings) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(java.time.Duration.ofSeconds(5))
                        .socketTimeout(java.time.Duration.ofSeconds(30)))
                .region(Region.of(settings.region()))
                .forcePathStyle(settings.pathStyle())
                // Checksums only where S3 requires them: stores other than AWS's may not take the newer trailers.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        settings.endpoint().ifPresent(builder::endpointOverride);
        if (settings.accessKeyId().isPresent() && settings.secretAccessKey().isPresent()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    settings.accessKeyId().get(), settings.secretAccessKey().get())));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return builder.build();
    }

    private static ProblemException unreachable(SdkException e) {
        LOG.errorf("The document object store did not answer: %s", e.getMessage());
        return new ProblemException.Unavailable("The document store cannot be reached; nothing was changed", 30);
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }
}
