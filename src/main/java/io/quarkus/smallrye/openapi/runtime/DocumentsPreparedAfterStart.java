package io.quarkus.smallrye.openapi.runtime;

import io.quarkus.arc.Unremovable;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.quarkus.smallrye.openapi.runtime.filter.AutoSecurityFilter;
import io.smallrye.openapi.runtime.io.Format;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Alternative;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The extension's document service, with the build-time documents (one per partner, and the whole API's) parsed
 * after the service has started instead of while it starts.
 *
 * <p>Parsing them into their models was the largest single step of a start (about half a second of it, issue 26), and
 * a replica that is starting is one that is not yet taking referrals; partners ask for the documents seldom. The
 * documents served are the same: the extension's own preparation runs, only later, all of it at once under a lock
 * (its map of documents is not safe to write while another thread reads it). It runs on a pool thread a little after
 * the start, so that neither the start nor the first partner to ask (whose request would hold an event loop for the
 * half second) waits for it; a request that comes first prepares them itself. Should it fail, the failure is logged
 * and each request for a document tries again, and answers the error, rather than serving a document half made.
 *
 * <p>It sits in the extension's package because the step it defers, {@code prepareDocument}, is package-private, and
 * so it is built into the packaged service only: there one class loader loads it and the extension, while tests and
 * dev mode load the application apart from the extensions, and a package-private method cannot be overridden across
 * class loaders. {@code @Override} makes an extension upgrade that renames the step fail the build, and the drills
 * ({@code DrillsIT}) read every document from the packaged service and compare it with the committed one.
 */
@IfBuildProfile("prod")
@Alternative
@Unremovable
@Priority(1)
@ApplicationScoped
public class DocumentsPreparedAfterStart extends OpenApiDocumentService {

    private static final Logger LOG = Logger.getLogger(DocumentsPreparedAfterStart.class);

    /** Long enough for the start to finish and the replica to be taking referrals before the parsing competes. */
    private static final long PREPARE_AFTER_SECONDS = 10;

    private final List<Runnable> deferred = new ArrayList<>();
    private volatile boolean prepared;

    @Override
    synchronized void prepareDocument(
            AutoSecurityFilter autoSecurityFilter,
            Map<OpenApiFilter.RunStage, List<String>> filtersByStage,
            String documentName) {
        deferred.add(() -> super.prepareDocument(autoSecurityFilter, filtersByStage, documentName));
    }

    void prepareSoonAfterStart(@Observes StartupEvent started) {
        CompletableFuture.delayedExecutor(PREPARE_AFTER_SECONDS, TimeUnit.SECONDS)
                .execute(() -> {
                    try {
                        prepareAll();
                    } catch (RuntimeException e) {
                        LOG.error("The OpenAPI documents could not be prepared; each request for one tries again", e);
                    }
                });
    }

    @Override
    public byte[] getDocument(String documentName, Format format) {
        if (!prepared) {
            prepareAll();
        }
        return super.getDocument(documentName, format);
    }

    private synchronized void prepareAll() {
        if (!prepared) {
            // The extension keeps what it prepared; a repeat after a failure replaces it, document by document.
            long start = System.nanoTime();
            deferred.forEach(Runnable::run);
            LOG.infof(
                    "Prepared the %d OpenAPI documents in %d ms",
                    deferred.size(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            deferred.clear();
            prepared = true;
        }
    }
}
