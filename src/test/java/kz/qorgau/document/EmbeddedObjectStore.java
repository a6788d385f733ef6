package kz.qorgau.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An S3-compatible store for the tests: S3Proxy (Apache-2.0, from Maven Central, which Maven copies into
 * target/s3proxy) keeping its objects in memory, on 127.0.0.1, in a process of its own. The service talks to
 * it through the AWS SDK exactly as it would to AWS S3 or MinIO.
 */
final class EmbeddedObjectStore implements AutoCloseable {

    static final String BUCKET = "qorgau-documents";
    static final String ACCESS_KEY = "qorgau-test";
    static final String SECRET_KEY = "qorgau-test-secret";

    final int port;
    private Process process;

    private EmbeddedObjectStore(int port) {
        this.port = port;
    }

    static EmbeddedObjectStore start(int port) {
        EmbeddedObjectStore store = new EmbeddedObjectStore(port);
        store.launch();
        return store;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** A client of the test's own, to look at what the service stored. */
    S3Client client() {
        return S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                // As the service's client: S3Proxy takes no checksum trailers.
                .requestChecksumCalculation(
                        software.amazon.awssdk.core.checksums.RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(
                        software.amazon.awssdk.core.checksums.ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build();
    }

    void launch() {
        Path jar = Path.of("target/s3proxy/s3proxy.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing; run the tests through Maven, which copies it there");
        }
        try {
            Path settings = Files.createTempFile("s3proxy", ".properties");
            Files.writeString(
                    settings,
                    String.join(
                            "\n",
                            "s3proxy.endpoint=" + endpoint(),
                            "s3proxy.authorization=aws-v2-or-v4",
                            "s3proxy.identity=" + ACCESS_KEY,
                            "s3proxy.credential=" + SECRET_KEY,
                            "jclouds.provider=transient",
                            "jclouds.identity=" + ACCESS_KEY,
                            "jclouds.credential=" + SECRET_KEY));
            String java = ProcessHandle.current().info().command().orElse("java");
            process = new ProcessBuilder(
                            List.of(java, "-Xmx256m", "-jar", jar.toString(), "--properties", settings.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            Path.of("target/s3proxy/s3proxy.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady();
        try (S3Client client = client()) {
            if (client.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(BUCKET))) {
                client.createBucket(request -> request.bucket(BUCKET));
            }
        }
    }

    private void awaitReady() {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Proxy stopped at start; see target/s3proxy/s3proxy.log");
            }
            try {
                // Any answer (403 without credentials) means it listens.
                http.send(HttpRequest.newBuilder(endpoint()).build(), HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYet) {
                sleep();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("S3Proxy did not answer within 60 s; see target/s3proxy/s3proxy.log");
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops it; its objects, kept in memory, go with it. */
    @Override
    public void close() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }
}
