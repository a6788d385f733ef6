package kz.qorgau.common;

import java.util.List;
import java.util.Map;

/**
 * The one family of failures the domain reports. Each kind has one HTTP status and one problem type, and
 * {@link ProblemMappers} turns any of them into an RFC 9457 problem detail.
 */
public abstract sealed class ProblemException extends RuntimeException {

    protected ProblemException(String detail) {
        super(detail, null, false, false);
    }

    public abstract int status();

    /** The last part of the problem type URI, {@code urn:qorgau:problem:<slug>}. */
    public abstract String slug();

    public abstract String title();

    public List<FieldError> fieldErrors() {
        return List.of();
    }

    /** Extension members a caller can act on, such as the actions still allowed. */
    public Map<String, Object> extensions() {
        return Map.of();
    }

    /** Response headers that tell the caller when to come back, such as Retry-After. */
    public Map<String, String> headers() {
        return Map.of();
    }

    public record FieldError(String field, String message) {}

    /** An object that does not exist, or that the caller may not see: the two must be indistinguishable. */
    public static final class NotFound extends ProblemException {
        public NotFound(String what) {
            super(what + " was not found");
        }

        @Override
        public int status() {
            return 404;
        }

        @Override
        public String slug() {
            return "not-found";
        }

        @Override
        public String title() {
            return "Not found";
        }
    }

    /** A function the caller's role, or its relation to a visible object, does not allow. */
    public static final class Forbidden extends ProblemException {
        public Forbidden(String detail) {
            super(detail);
        }

        @Override
        public int status() {
            return 403;
        }

        @Override
        public String slug() {
            return "forbidden";
        }

        @Override
        public String title() {
            return "Forbidden";
        }
    }

    /** Input that is well-formed JSON but says something the API does not accept. */
    public static final class InvalidInput extends ProblemException {
        private final List<FieldError> errors;

        public InvalidInput(String field, String message) {
            this(List.of(new FieldError(field, message)));
        }

        public InvalidInput(List<FieldError> errors) {
            super("The request has " + errors.size() + " invalid field" + (errors.size() == 1 ? "" : "s"));
            this.errors = List.copyOf(errors);
        }

        @Override
        public int status() {
            return 400;
        }

        @Override
        public String slug() {
            return "invalid-input";
        }

        @Override
        public String title() {
            return "Invalid input";
        }

        @Override
        public List<FieldError> fieldErrors() {
            return errors;
        }
    }

    /** The request conflicts with the object's current state. */
    public static final class Conflict extends ProblemException {
        private final String slug;
        private final Map<String, Object> extensions;

        public Conflict(String detail) {
            this("conflict", detail, Map.of());
        }

        /** @param slug names the kind of conflict, so that a partner can act on it without parsing text */
        public Conflict(String slug, String detail, Map<String, Object> extensions) {
            super(detail);
            this.slug = slug;
            this.extensions = Map.copyOf(extensions);
        }

        @Override
        public int status() {
            return 409;
        }

        @Override
        public String slug() {
            return slug;
        }

        @Override
        public String title() {
            return "Conflict";
        }

        @Override
        public Map<String, Object> extensions() {
            return extensions;
        }
    }

    /** The caller's If-Match names a version that is no longer current. */
    public static final class PreconditionFailed extends ProblemException {
        public PreconditionFailed(String detail) {
            super(detail);
        }

        @Override
        public int status() {
            return 412;
        }

        @Override
        public String slug() {
            return "precondition-failed";
        }

        @Override
        public String title() {
            return "Precondition failed";
        }
    }

    /** A position the service no longer holds (what came after it was removed by retention), or a thing erased. */
    public static final class Gone extends ProblemException {
        private final String slug;
        private final String title;

        public Gone(String detail) {
            this("cursor-expired", "Cursor expired", detail);
        }

        public Gone(String slug, String title, String detail) {
            super(detail);
            this.slug = slug;
            this.title = title;
        }

        @Override
        public int status() {
            return 410;
        }

        @Override
        public String slug() {
            return slug;
        }

        @Override
        public String title() {
            return title;
        }
    }

    /** A body larger than the operation takes (most bodies are refused on their declared length, before reading). */
    public static final class PayloadTooLarge extends ProblemException {
        public PayloadTooLarge(String detail) {
            super(detail);
        }

        @Override
        public int status() {
            return 413;
        }

        @Override
        public String slug() {
            return "payload-too-large";
        }

        @Override
        public String title() {
            return "Payload too large";
        }
    }

    /** A body whose content is of a type the operation does not take, whatever it was labelled. */
    public static final class UnsupportedMediaType extends ProblemException {
        public UnsupportedMediaType(String detail) {
            super(detail);
        }

        @Override
        public int status() {
            return 415;
        }

        @Override
        public String slug() {
            return "unsupported-media-type";
        }

        @Override
        public String title() {
            return "Unsupported Media Type";
        }
    }

    /** A change that needs the caller to say which version it read (If-Match), and it did not. */
    public static final class PreconditionRequired extends ProblemException {
        public PreconditionRequired(String detail) {
            super(detail);
        }

        @Override
        public int status() {
            return 428;
        }

        @Override
        public String slug() {
            return "precondition-required";
        }

        @Override
        public String title() {
            return "Precondition required";
        }
    }

    /** A well-formed request the current facts make impossible: a repeat that differs, a service not offered. */
    public static final class Unprocessable extends ProblemException {
        private final List<FieldError> errors;

        public Unprocessable(String detail) {
            this(detail, List.of());
        }

        public Unprocessable(String detail, List<FieldError> errors) {
            super(detail);
            this.errors = List.copyOf(errors);
        }

        @Override
        public List<FieldError> fieldErrors() {
            return errors;
        }

        @Override
        public int status() {
            return 422;
        }

        @Override
        public String slug() {
            return "unprocessable";
        }

        @Override
        public String title() {
            return "Unprocessable request";
        }
    }

    /** The caller has sent more than its network lets one client send; it may try again after the pause. */
    public static final class TooManyRequests extends ProblemException {
        private final long retryAfterSeconds;

        public TooManyRequests(long retryAfterSeconds) {
            super("This client has sent more requests than its network allows; send again after " + retryAfterSeconds
                    + " s");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        @Override
        public int status() {
            return 429;
        }

        @Override
        public String slug() {
            return "too-many-requests";
        }

        @Override
        public String title() {
            return "Too many requests";
        }

        @Override
        public Map<String, String> headers() {
            return Map.of("Retry-After", Long.toString(retryAfterSeconds));
        }
    }

    /**
     * A part the service needs (its database, a network's identity provider) cannot be reached; nothing was
     * changed, so sending again is safe.
     */
    public static final class Unavailable extends ProblemException {
        private final long retryAfterSeconds;

        public Unavailable(String detail, long retryAfterSeconds) {
            super(detail);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        @Override
        public int status() {
            return 503;
        }

        @Override
        public String slug() {
            return "unavailable";
        }

        @Override
        public String title() {
            return "Service unavailable";
        }

        @Override
        public Map<String, String> headers() {
            return Map.of("Retry-After", Long.toString(retryAfterSeconds));
        }
    }
}
