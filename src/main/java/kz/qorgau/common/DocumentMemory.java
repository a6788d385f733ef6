package kz.qorgau.common;

import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The share of the heap that documents in flight may hold at once, reserved before their bytes are read and given
 * back once they are gone. A document is held whole while it is sealed or opened, several times over (the body as
 * received, the bytes, their sealed copy, the cipher's own buffer), and the upload and download slots count documents,
 * not bytes: at 5 MiB each, four uploads and eight downloads at once ran a replica with the chart's 256 MiB heap out of
 * memory, and it exited with every call it held (issue 26, the burst measured in BENCHMARKS.md). Past the budget a
 * document waits for none: the caller hears 503 and sends again.
 */
@ApplicationScoped
public class DocumentMemory {

    /**
     * How many times its size a document in flight holds, at its height: an upload's body as read, its bytes and their
     * sealed copy; a download's sealed bytes, the cipher's copy of them and the opened bytes.
     */
    static final int COPIES_HELD = 4;

    /** Where a download's slot waits for its answer's end: the routing context's data, under this key. */
    public static final String DOWNLOAD_SLOT = "qorgau.download-slot";

    private final long budget;

    /** The room the largest document the service accepts takes. */
    private final long largest;

    private long reserved;
    private final java.util.Map<String, Long> byNetwork = new java.util.HashMap<>();
    private final java.util.Map<String, Long> byCaller = new java.util.HashMap<>();

    @Inject
    io.quarkus.vertx.http.runtime.CurrentVertxRequest request;

    /** For CDI's proxy. */
    DocumentMemory() {
        this(1, 1);
    }

    @Inject
    DocumentMemory(
            @ConfigProperty(name = "qorgau.documents.memory-budget") Optional<MemorySize> configured,
            @ConfigProperty(name = "qorgau.documents.max-bytes", defaultValue = "5242880") long maxDocumentBytes,
            io.micrometer.core.instrument.MeterRegistry metrics) {
        this(configured.map(MemorySize::asLongValue).orElse(Runtime.getRuntime().maxMemory() / 4), maxDocumentBytes);
        // What is held now, against the budget: a figure that only climbs would be room that is never given back.
        io.micrometer.core.instrument.Gauge.builder("qorgau.documents.memory.reserved", this, DocumentMemory::reserved)
                .baseUnit("bytes")
                .description("Heap reserved by documents in flight, of qorgau.documents.memory-budget")
                .register(metrics);
        io.micrometer.core.instrument.Gauge.builder("qorgau.documents.memory.budget", this, DocumentMemory::budget)
                .baseUnit("bytes")
                .register(metrics);
    }

    DocumentMemory(long budget, long maxDocumentBytes) {
        if (budget < 1) {
            throw new IllegalArgumentException("qorgau.documents.memory-budget must be positive, not " + budget);
        }
        this.budget = budget;
        this.largest = Math.min(budget, maxDocumentBytes * COPIES_HELD);
    }

    /**
     * Room for a document of this many bytes, of this caller of this network, with what gives it back (once, however
     * often it is run); none when there is no room for it. The budget is shared as the upload slots are: a network
     * holds at most the budget less the room of the largest document, so another network's largest always finds room,
     * and a caller at most its network's share less that again, so a colleague's does too (the outside probe of issue
     * 26 held the whole budget with one account). Each may still hold one document whatever its size, and one larger
     * than the whole budget passes alone when nothing else is held: the largest document the service accepts must
     * never be refused for ever.
     */
    public synchronized Optional<Runnable> reserve(String network, String caller, long documentBytes) {
        long wanted = Math.min(budget, Math.max(1, documentBytes) * COPIES_HELD);
        String who = network + "|" + caller;
        long ofNetwork = byNetwork.getOrDefault(network, 0L);
        long ofCaller = byCaller.getOrDefault(who, 0L);
        if (reserved + wanted > budget
                || (ofNetwork > 0 && ofNetwork + wanted > budget - largest)
                || (ofCaller > 0 && ofCaller + wanted > budget - 2 * largest)) {
            return Optional.empty();
        }
        reserved += wanted;
        byNetwork.merge(network, wanted, Long::sum);
        byCaller.merge(who, wanted, Long::sum);
        boolean[] given = {false};
        return Optional.of(() -> {
            synchronized (this) {
                if (!given[0]) {
                    given[0] = true;
                    reserved -= wanted;
                    // Shares of zero are removed, so the maps hold only those with documents in flight.
                    byNetwork.computeIfPresent(network, (k, held) -> held == wanted ? null : held - wanted);
                    byCaller.computeIfPresent(who, (k, held) -> held == wanted ? null : held - wanted);
                }
            }
        });
    }

    /**
     * Room for a document this request answers with, given back when the answer has gone out or the connection has
     * gone, or sooner by the runnable returned. Bound to the answer, so that a call that fails after it reserved (its
     * transaction refused at commit) cannot keep the room.
     */
    public Optional<Runnable> reserveForThisAnswer(String network, String caller, long documentBytes) {
        io.vertx.ext.web.RoutingContext answer = request.getCurrent();
        Optional<Runnable> room = reserve(network, caller, documentBytes).map(memory -> () -> {
            memory.run();
            // The download's slot (RequestSizeLimits) goes with the room: both are held until the last slice has gone
            // or the reader has, which the route's own end handler does not hear once the answer's headers are out.
            Object slot = answer.get(DOWNLOAD_SLOT);
            if (slot instanceof Runnable giveBack) {
                giveBack.run();
            }
        });
        room.ifPresent(giveBack -> {
            answer.addEndHandler(ended -> giveBack.run());
            // A connection that closed before the handler was added never calls it: the caller went while this call
            // was at the database, and without this the room was kept for good. Anyone could so close downloads early
            // until no document found room on the replica (DocumentMemoryTest).
            if (answer.response().closed() || answer.response().ended()) {
                giveBack.run();
            }
        });
        return room;
    }

    public synchronized long reserved() {
        return reserved;
    }

    public long budget() {
        return budget;
    }
}
