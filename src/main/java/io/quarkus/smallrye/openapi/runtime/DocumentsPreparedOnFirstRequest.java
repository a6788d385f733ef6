package io.quarkus.smallrye.openapi.runtime;

import io.quarkus.arc.Unremovable;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.quarkus.smallrye.openapi.runtime.filter.AutoSecurityFilter;
import io.smallrye.openapi.runtime.io.Format;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The extension's document service, with the nine build-time documents parsed when the first one is asked for
 * instead of while the service starts.
 *
 * <p>Parsing them into their models was the largest single step of a start (about half a second of it, issue 26), and
 * a replica that is starting is one that is not yet taking referrals; partners ask for the documents seldom. The
 * documents served are the same: the extension's own preparation runs, only later, all of it at once under a lock
 * (its map of documents is not safe to write while another thread reads it).
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
public class DocumentsPreparedOnFirstRequest extends OpenApiDocumentService {

    private final List<Runnable> deferred = new ArrayList<>();
    private volatile boolean prepared;

    @Override
    synchronized void prepareDocument(
            AutoSecurityFilter autoSecurityFilter,
            Map<OpenApiFilter.RunStage, List<String>> filtersByStage,
            String documentName) {
        deferred.add(() -> super.prepareDocument(autoSecurityFilter, filtersByStage, documentName));
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
            deferred.forEach(Runnable::run);
            deferred.clear();
            prepared = true;
        }
    }
}
