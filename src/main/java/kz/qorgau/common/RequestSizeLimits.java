package kz.qorgau.common;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses, with a problem detail and before any of the body is read, a request whose target (path and
 * query) or declared body is larger than the API accepts. Vert.x's own limits are set higher and remain
 * the backstop, answering without a body: a request line over quarkus.http.limits.max-initial-line-length
 * (414) and an HTTP/2 body that declares no length over quarkus.http.limits.max-body-size (413). Over
 * HTTP/1.1 a body must declare its length (411 for a chunked one), and its Content-Type must be a media
 * type, not a range such as {@code *}{@code /*} that would match any operation (415).
 */
@ApplicationScoped
public class RequestSizeLimits {

    @ConfigProperty(name = "qorgau.http.max-body-bytes")
    long maxBodyBytes;

    @ConfigProperty(name = "qorgau.http.max-target-chars")
    int maxTargetChars;

    /** A document upload is the one body allowed to be larger. */
    @ConfigProperty(name = "qorgau.documents.max-bytes", defaultValue = "5242880")
    long maxDocumentBytes;

    /**
     * Document uploads this replica takes at once. Each body is held in memory until it is sealed and stored, and
     * each holds a database connection while it is written: past this many, or past what {@link DocumentMemory} has
     * room for, an upload is refused before its body is read, so uploads can neither exhaust the heap nor starve the
     * referral work of connections. A network holds
     * all of them but one, and a caller all its network's but one ({@link UploadSlots}).
     */
    @ConfigProperty(name = "qorgau.documents.max-concurrent-uploads", defaultValue = "4")
    int maxConcurrentUploads;

    private UploadSlots uploadSlots;

    @jakarta.inject.Inject
    UploaderCheck uploaders;

    @jakarta.inject.Inject
    DocumentMemory documentMemory;

    @jakarta.inject.Inject
    io.micrometer.core.instrument.MeterRegistry metrics;

    /**
     * How long an upload's body may take to arrive: this long, and a second more for every so many bytes it
     * declares. A peer that sends its body slower is answered 408 and its slot given back, so that it cannot keep
     * one by sending a byte now and then.
     */
    @ConfigProperty(name = "qorgau.documents.upload-grace", defaultValue = "20s")
    java.time.Duration uploadGrace;

    @ConfigProperty(name = "qorgau.documents.upload-min-bytes-per-second", defaultValue = "32768")
    long uploadMinBytesPerSecond;

    /** Document downloads this replica serves at once: each holds a database connection while its bytes are read. */
    @ConfigProperty(name = "qorgau.documents.max-concurrent-downloads", defaultValue = "8")
    int maxConcurrentDownloads;

    private final java.util.concurrent.atomic.AtomicInteger downloadsInFlight =
            new java.util.concurrent.atomic.AtomicInteger();

    static final String GIVEN_MORE_THAN_ONCE = "is given more than once";

    private static final java.util.regex.Pattern DOCUMENT_DOWNLOAD =
            java.util.regex.Pattern.compile("/api/v1/(cases|referrals)/[^/]+/documents/[^/]+/content/?");

    private static final java.util.regex.Pattern DOCUMENT_UPLOAD =
            java.util.regex.Pattern.compile("/api/v1/(cases|referrals)/[^/]+/documents/?");

    void install(@Observes Router router) {
        uploadSlots = new UploadSlots(maxConcurrentUploads);
        // Slots taken now: a figure that stays up with nothing uploading would be slots that are never given back.
        io.micrometer.core.instrument.Gauge.builder(
                        "qorgau.documents.uploads.in-flight", uploadSlots, UploadSlots::taken)
                .register(metrics);
        io.micrometer.core.instrument.Gauge.builder(
                        "qorgau.documents.downloads.in-flight",
                        downloadsInFlight,
                        java.util.concurrent.atomic.AtomicInteger::get)
                .register(metrics);
        // Runs before Quarkus's own body-size handler (order -2), so callers get a problem detail.
        // A request Vert.x cannot name an authority for would otherwise end in its error page, with the
        // exception's name, and an ERROR in the log for every such request anyone sends.
        router.route().order(-100).failureHandler(context -> {
            if (context.response().headWritten()) {
                context.next();
                return;
            }
            if (context.failure() instanceof io.vertx.core.http.HttpClosedException) {
                // The peer went away before its request was whole: nobody is left to answer.
                return;
            }
            boolean hostProblem = context.failure() != null
                    && String.valueOf(context.failure().getMessage()).contains("'Host' header");
            if (hostProblem) {
                refuse(context, 400, "bad-host", "Bad Host header", "The request needs one Host header naming a host");
            } else {
                context.next();
            }
        });
        router.route().order(-3).handler(context -> {
            if (context.request().version() != io.vertx.core.http.HttpVersion.HTTP_2
                    && !HttpEdges.acceptableHost(context.request().headers().getAll(HttpHeaders.HOST))) {
                refuse(context, 400, "bad-host", "Bad Host header", "The request needs one Host header naming a host");
                return;
            }
            String target = context.request().uri();
            String path = (target.indexOf('?') < 0 ? target : target.substring(0, target.indexOf('?')))
                    .toLowerCase(java.util.Locale.ROOT);
            // No API path has a dot segment or an encoded dot, slash or backslash: such a path can only be
            // reaching for another route than the one it names (/api/%2e%2e/q/health).
            if (path.contains("%2e")
                    || path.contains("%2f")
                    || path.contains("%5c")
                    // Nor a matrix parameter, which the REST layer drops without a word (/referrals;state=ACCEPTED).
                    || path.contains(";")
                    || path.contains("/./")
                    || path.contains("/../")
                    || path.endsWith("/.")
                    || path.endsWith("/..")
                    // Nor another spelling of a route: an empty segment or an encoded letter (//api/...,
                    // /%64ocuments) reached the upload but not the checks made before its body (the outside probe).
                    || context.request().path().contains("//")
                    || encodesAnUnreservedCharacter(path)) {
                refuse(
                        context,
                        400,
                        "bad-path",
                        "Bad path",
                        "The path holds a dot segment, an empty segment, an encoded dot, slash, backslash or other"
                                + " character that needs no encoding, or a ';'");
                return;
            }
            if (target.length() > maxTargetChars) {
                refuse(
                        context,
                        414,
                        "uri-too-long",
                        "URI too long",
                        "The request's path and query are longer than " + maxTargetChars + " characters");
                return;
            }
            String repeated = repeatedQueryParameter(target);
            if (repeated != null) {
                // No operation takes a list in its query: a second value could only be read as the first, silently.
                refuse(
                        context,
                        400,
                        "repeated-parameter",
                        "Repeated query parameter",
                        "A query parameter is given more than once; give each once",
                        List.of(new ProblemException.FieldError(repeated, GIVEN_MORE_THAN_ONCE)));
                return;
            }
            String repeatedHeader = repeatedSingleHeader(context.request().headers());
            if (repeatedHeader != null) {
                // Two lines of one of these were read as the first alone: If-Match "2" and "1" passed at version 2.
                refuse(
                        context,
                        400,
                        "repeated-header",
                        "Repeated header",
                        "A header that takes one value is given more than once; give it once",
                        List.of(new ProblemException.FieldError(repeatedHeader, GIVEN_MORE_THAN_ONCE)));
                return;
            }
            String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            // A chunked body would be measured only once read: over HTTP/1.1 a body must say how long it is.
            if (declared == null
                    && context.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null
                    && context.request().version() != io.vertx.core.http.HttpVersion.HTTP_2) {
                refuse(
                        context,
                        411,
                        "length-required",
                        "Length required",
                        "The request body declares no Content-Length; send its length instead of chunks");
                return;
            }
            String type = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
            boolean hasBody = declared != null && !declared.strip().equals("0");
            // A charset parameter is mostly harmless: RFC 8259 defines none for JSON, common clients add one (UTF-8, or
            // ISO-8859-1 for types they do not know, such as merge-patch+json), and the body is read as UTF-8, so
            // bytes that are not UTF-8 are refused. UTF-16 and UTF-32 are not: the JSON parser would recognise them
            // and read the body, so a body declared in one of them is refused before it is read.
            if (hasBody && type != null && wideCharset(type)) {
                refuse(
                        context,
                        415,
                        "unsupported-media-type",
                        "Unsupported Media Type",
                        "The request body must be UTF-8: send charset=utf-8 or no charset");
                return;
            }
            String encoding = context.request().getHeader(HttpHeaders.CONTENT_ENCODING);
            if (encoding != null && !encoding.strip().equalsIgnoreCase("identity")) {
                refuse(
                        context,
                        415,
                        "unsupported-media-type",
                        "Unsupported Media Type",
                        "The request body must not be compressed or otherwise encoded (Content-Encoding)");
                return;
            }
            if (type != null && type.contains("*")) {
                refuse(
                        context,
                        415,
                        "unsupported-media-type",
                        "Unsupported Media Type",
                        "The request body's Content-Type is a range, not a media type");
                return;
            }
            boolean upload = context.request().method() == io.vertx.core.http.HttpMethod.POST
                    && DOCUMENT_UPLOAD.matcher(context.request().path()).matches();
            // A network's directory as an HSDS file runs to a few kilobytes per agency: it may be as large as a
            // document.
            boolean directoryFile = context.request().method() == io.vertx.core.http.HttpMethod.POST
                    && "/api/v1/directory/hsds".equals(context.request().path());
            long limit = upload || directoryFile ? maxDocumentBytes : maxBodyBytes;
            if (declared != null && exceeds(declared, limit)) {
                refuse(
                        context,
                        413,
                        "payload-too-large",
                        "Payload too large",
                        "The request body is larger than " + limit + " bytes");
                return;
            }
            if (upload && !takeUploadSlot(context, declared)) {
                return;
            }
            boolean download = context.request().method() == io.vertx.core.http.HttpMethod.GET
                    && DOCUMENT_DOWNLOAD.matcher(context.request().path()).matches();
            if (download) {
                if (!takeDownloadSlot(context)) {
                    return;
                }
                // A document is sent in slices, which the REST layer streams under one declared type, and the
                // answer's type is then the document's own: whatever the caller accepts, it gets the document, as it
                // did when the type was negotiated among the three (and an error is a problem detail either way).
                context.request().headers().set(HttpHeaders.ACCEPT, "application/octet-stream");
            }
            context.next();
        });
        // The whole body, up to the largest any operation takes, is read here on the event loop before the request
        // reaches its resource. RESTEasy Reactive would otherwise read the body of a blocking method on a worker
        // thread, and a peer that sends the headers and then stalls would hold that worker for the idle timeout: a
        // few hundred such peers would hold every worker, and nobody would be answered.
        io.vertx.ext.web.handler.BodyHandler bodies = io.vertx.ext.web.handler.BodyHandler.create(false)
                .setBodyLimit(Math.max(maxBodyBytes, maxDocumentBytes))
                .setPreallocateBodyBuffer(false);
        router.route("/api/*").order(-1).handler(context -> {
            String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            boolean http2 = context.request().version() == io.vertx.core.http.HttpVersion.HTTP_2;
            // A request without a body is handed on as it is: there is nothing to wait for. So is one already read
            // whole. HTTP/2 is handed on too: RESTEasy pauses every request it takes, and an HTTP/2 request read to
            // its end refuses to be paused (an HTTP/1.1 one does not mind). Behind the chart's ingress every request
            // reaches the service as HTTP/1.1.
            if (http2
                    || declared == null
                    || declared.strip().equals("0")
                    || context.request().isEnded()) {
                context.next();
            } else {
                bodies.handle(context);
            }
        });
        // JSON bodies must be UTF-8, and the JSON parser refuses most bytes that are not; but it reads an overlong
        // form (0xC0 0xAF for '/') as the character it spells, which UTF-8 forbids: the outside probe stored "a/b"
        // from "a\xC0\xAFb". Checked once here, as a decoder that reports, before the body is parsed.
        router.route("/api/*").order(-1).handler(context -> {
            io.vertx.core.buffer.Buffer body =
                    context.body() == null ? null : context.body().buffer();
            String type = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
            if (body != null && body.length() > 0 && (type == null || isJson(type)) && !isUtf8(body)) {
                refuse(context, 400, "malformed-body", "Malformed body", "The request body is not well-formed JSON");
                return;
            }
            context.next();
        });
    }

    /** Whether the path spells with a %-escape a letter, digit or one of -._~, which are never encoded. */
    private static boolean encodesAnUnreservedCharacter(String path) {
        for (int at = path.indexOf('%'); at >= 0 && at + 2 < path.length(); at = path.indexOf('%', at + 1)) {
            int value = java.util.HexFormat.isHexDigit(path.charAt(at + 1))
                            && java.util.HexFormat.isHexDigit(path.charAt(at + 2))
                    ? java.util.HexFormat.fromHexDigits(path, at + 1, at + 3)
                    : -1;
            if (value >= 0 && value < 128 && (Character.isLetterOrDigit(value) || "-._~".indexOf(value) >= 0)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isJson(String type) {
        String media = type.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        return media.equals("application/json") || media.endsWith("+json");
    }

    /**
     * Strict UTF-8 with no NUL byte. JSON text never holds a raw NUL, and without the rule a body in UTF-16 or UTF-32,
     * whose ASCII characters are each a byte and NULs and which a decoder takes for UTF-8, was recognised by the JSON
     * parser and read, a lone surrogate in it replaced without a word (the outside probe).
     */
    private static boolean isUtf8(io.vertx.core.buffer.Buffer body) {
        for (int i = 0; i < body.length(); i++) {
            if (body.getByte(i) == 0) {
                return false;
            }
        }
        try {
            java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(body.getBytes()));
            return true;
        } catch (java.nio.charset.CharacterCodingException malformed) {
            return false;
        }
    }

    /**
     * One of a few places for a download, which holds a database connection while its bytes are read and memory while
     * they are sent, or a 503 to retry at once, before anything is read: downloads can then never take all the
     * connections the rest needs. The slot is held until the answer has ended: by the route's end handler for an
     * answer that ends or a connection that closes before its headers went out, and by the document's own stream for
     * one being sent in slices ({@link DocumentMemory#DOWNLOAD_SLOT}), whose close the end handler does not hear.
     * Given back with the headers, as it was, a slot bounded nothing while the slices went out.
     */
    private boolean takeDownloadSlot(RoutingContext context) {
        if (downloadsInFlight.incrementAndGet() > maxConcurrentDownloads) {
            downloadsInFlight.decrementAndGet();
            refuseAsBusy(context, "Too many documents are being downloaded at this moment");
            return false;
        }
        java.util.concurrent.atomic.AtomicBoolean given = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable giveBack = () -> {
            if (given.compareAndSet(false, true)) {
                downloadsInFlight.decrementAndGet();
            }
        };
        context.put(DocumentMemory.DOWNLOAD_SLOT, giveBack);
        context.addEndHandler(ended -> giveBack.run());
        return true;
    }

    /**
     * Gives a slot back as the answer's headers go out, before the caller can see the answer and send its next
     * request (the end handler runs a moment later, and on another connection that next request could find the slot
     * still taken), or when the connection is gone without an answer. {@code giveBack} must bear being run twice.
     */
    private static void giveBackWithTheAnswer(RoutingContext context, Runnable giveBack) {
        context.addHeadersEndHandler(headers -> giveBack.run());
        context.addEndHandler(ended -> giveBack.run());
    }

    private static void refuseAsBusy(RoutingContext context, String busy) {
        context.response().putHeader("Retry-After", "2");
        refuse(
                context,
                503,
                "unavailable",
                "Service unavailable",
                busy + ": send the request again after Retry-After seconds");
    }

    /**
     * An upload slot for the caller, or the answer that refuses one. Authentication has run by now (proactively,
     * before these handlers), so the caller is the verified one; an upload without a caller is refused here, before
     * its body is read, rather than after.
     */
    private boolean takeUploadSlot(RoutingContext context, String declared) {
        io.quarkus.security.identity.SecurityIdentity identity =
                context.user() instanceof io.quarkus.vertx.http.runtime.security.QuarkusHttpUser user
                        ? user.getSecurityIdentity()
                        : null;
        String network =
                identity == null ? null : identity.getAttribute(io.quarkus.oidc.runtime.OidcUtils.TENANT_ID_ATTRIBUTE);
        if (identity == null || identity.isAnonymous() || network == null) {
            context.response().putHeader("WWW-Authenticate", "Bearer");
            refuse(
                    context,
                    401,
                    "unauthenticated",
                    "Unauthenticated",
                    "A valid bearer access token from the tenant's identity provider is required");
            return false;
        }
        // A caller whose roles may never attach a document is refused before it takes a slot: else it held slots
        // for the whole body's deadline, three minutes for 5 MiB sent slowly, and only then heard 403 (the outside
        // probe of issue 26). Whether the case or referral is one it may attach to needs the database, which this
        // handler, on the event loop, does not reach; such uploads are limited by the caller's share of the slots.
        if (!uploaders.mayAttachDocuments(identity)) {
            refuse(context, 403, "forbidden", "Forbidden", "The caller's roles do not allow this function");
            return false;
        }
        java.util.Optional<Runnable> slot =
                uploadSlots.take(network, identity.getPrincipal().getName());
        if (slot.isEmpty()) {
            refuseAsBusy(context, "Too many documents are being stored at this moment; nothing was changed");
            return false;
        }
        long bytes = 0;
        try {
            bytes = declared == null ? 0 : Long.parseLong(declared.strip());
        } catch (NumberFormatException malformed) {
            // Vert.x has refused a malformed Content-Length before this; the grace alone applies.
        }
        // An HTTP/2 body may declare no length: it may then be as large as any document.
        java.util.Optional<Runnable> room = documentMemory.reserve(
                network, identity.getPrincipal().getName(), declared == null ? maxDocumentBytes : bytes);
        if (room.isEmpty()) {
            slot.get().run();
            refuseAsBusy(context, "Too many documents are being stored at this moment; nothing was changed");
            return false;
        }
        long within = uploadGrace.toMillis() + 1000 * bytes / uploadMinBytesPerSecond;
        long timer = context.vertx().setTimer(within, fired -> {
            if (!context.request().isEnded() && !context.response().headWritten()) {
                refuse(
                        context,
                        408,
                        "request-timeout",
                        "Request Timeout",
                        "The document's body did not arrive in time; nothing was changed, send it again");
            }
        });
        // The slot's own give-back runs once however often it is called.
        giveBackWithTheAnswer(context, () -> {
            context.vertx().cancelTimer(timer);
            slot.get().run();
            room.get().run();
        });
        return true;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private static void refuse(RoutingContext context, int status, String slug, String title, String detail) {
        refuse(context, status, slug, title, detail, List.of());
    }

    private static void refuse(
            RoutingContext context,
            int status,
            String slug,
            String title,
            String detail,
            List<ProblemException.FieldError> errors) {
        String lang = Texts.chosen(null, context.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        String body;
        try {
            body = JSON.writeValueAsString(ProblemTexts.localize(
                    new ProblemDetail(slug, title, status, detail, null, errors, Map.of()), lang));
        } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
        context.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, ProblemDetail.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, lang)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }

    /**
     * The name that comes twice in the query, as given the second time; null when none does. The REST layer splits the
     * query at ';' as well as '&', and merges names that differ only in case: {@code limit=1&LIMIT=500} reached the
     * operation as one parameter with two values, of which it read the first, and neither value was refused.
     */
    private static String repeatedQueryParameter(String target) {
        int query = target.indexOf('?');
        if (query < 0) {
            return null;
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (String pair : target.substring(query + 1).split("[&;]")) {
            if (pair.isEmpty()) {
                continue;
            }
            String name = pair.split("=", 2)[0];
            try {
                name = java.net.URLDecoder.decode(name, java.nio.charset.StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                // Left to the parameter's own validation, which refuses it.
            }
            if (!names.add(name.toLowerCase(java.util.Locale.ROOT))) {
                return name;
            }
        }
        return null;
    }

    /** The headers an operation reads one value of: the caller, the precondition, the retry's key, the body's type. */
    private static final List<String> SINGLE_HEADERS =
            List.of("Authorization", "If-Match", "If-None-Match", "Idempotency-Key", "Content-Type");

    /** The first of {@link #SINGLE_HEADERS} given on more than one line, or null. */
    private static String repeatedSingleHeader(io.vertx.core.MultiMap headers) {
        for (String name : SINGLE_HEADERS) {
            if (headers.getAll(name).size() > 1) {
                return name;
            }
        }
        return null;
    }

    private static boolean exceeds(String declared, long limit) {
        try {
            return Long.parseLong(declared.strip()) > limit;
        } catch (NumberFormatException malformed) {
            // Vert.x rejects a malformed Content-Length itself.
            return false;
        }
    }

    /** Whether a Content-Type names UTF-16 or UTF-32, which a JSON parser would read rather than refuse. */
    static boolean wideCharset(String contentType) {
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.strip().split("=", 2);
            if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
                String charset = pair[1].strip().replace("\"", "").toLowerCase(java.util.Locale.ROOT);
                if (charset.startsWith("utf-16")
                        || charset.startsWith("utf-32")
                        || charset.startsWith("ucs")
                        || charset.startsWith("utf16")
                        || charset.startsWith("utf32")) {
                    return true;
                }
            }
        }
        return false;
    }
}
