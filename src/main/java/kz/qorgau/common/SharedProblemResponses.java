package kz.qorgau.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The problem answers that mean the same whichever operation gives them, written once under
 * {@code components.responses} with an example of the problem detail a partner will meet, and referred to by
 * every operation. Answers whose meaning depends on the operation (409, 410, 422, a document's 415) stay
 * with the operation.
 */
final class SharedProblemResponses {

    record Shared(String status, String name, String description, Map<String, Object> example) {
        String ref() {
            return "#/components/responses/" + name;
        }
    }

    private static final String REFERRAL = "/api/v1/referrals/0192a000-0000-7000-8000-000000000401";

    static final List<Shared> SHARED = List.of(
            new Shared(
                    "400",
                    "InvalidInput",
                    "Invalid input: the problem's errors name each field or query parameter, in the language Accept-Language asks"
                            + " for (a query parameter the operation does not take, or one given empty, is refused too)",
                    example(
                            "invalid-input",
                            "Invalid input",
                            400,
                            "The request has 2 invalid fields",
                            "/api/v1/referrals",
                            Map.of(
                                    "errors",
                                    List.of(
                                            fieldError("receiverAgencyId", "must not be null"),
                                            fieldError("services", "size must be between 1 and 10"))))),
            new Shared(
                    "401",
                    "Unauthenticated",
                    "No valid bearer access token from the network's identity provider",
                    example(
                            "unauthenticated",
                            "Unauthenticated",
                            401,
                            "A valid bearer access token from the tenant's identity provider is required",
                            REFERRAL,
                            Map.of())),
            new Shared(
                    "403",
                    "Forbidden",
                    "The caller's role, or its relation to the object, does not allow this",
                    example(
                            "forbidden",
                            "Forbidden",
                            403,
                            "The caller's roles do not allow this function",
                            REFERRAL,
                            Map.of())),
            new Shared(
                    "404",
                    "NotFound",
                    "No such object, or one the caller may not see (the two answer alike)",
                    example(
                            "not-found",
                            "Not found",
                            404,
                            "Referral 0192a000-0000-7000-8000-000000000401 was not found",
                            REFERRAL,
                            Map.of())),
            new Shared(
                    "411",
                    "LengthRequired",
                    "The body declares no Content-Length (a chunked body is refused)",
                    example(
                            "length-required",
                            "Length required",
                            411,
                            "The request body declares no Content-Length; send its length instead of chunks",
                            "/api/v1/referrals",
                            Map.of())),
            new Shared(
                    "412",
                    "PreconditionFailed",
                    "If-Match names a version that is no longer current: read the object again",
                    example(
                            "precondition-failed",
                            "Precondition failed",
                            412,
                            "The referral is at version 4, not 3; read it again before acting",
                            REFERRAL + "/transitions",
                            Map.of())),
            new Shared(
                    "413",
                    "PayloadTooLarge",
                    "The request body is larger than the API accepts",
                    example(
                            "payload-too-large",
                            "Payload too large",
                            413,
                            "The request body is larger than 65536 bytes",
                            "/api/v1/referrals",
                            Map.of())),
            new Shared(
                    "414",
                    "UriTooLong",
                    "The request's path and query are longer than the API accepts (8,192 characters)",
                    example(
                            "uri-too-long",
                            "URI too long",
                            414,
                            "The request's path and query are longer than 8192 characters",
                            null,
                            Map.of())),
            new Shared(
                    "415",
                    "UnsupportedMediaType",
                    "The body is not in a media type the operation reads",
                    example(
                            "unsupported-media-type",
                            "Unsupported Media Type",
                            415,
                            "Unsupported Media Type",
                            "/api/v1/referrals",
                            Map.of())),
            new Shared(
                    "428",
                    "PreconditionRequired",
                    "If-Match is missing: send the ETag of the object as read",
                    example(
                            "precondition-required",
                            "Precondition required",
                            428,
                            "Send If-Match with the ETag of the referral as read, so that a change made meanwhile is not"
                                    + " overwritten",
                            REFERRAL + "/transitions",
                            Map.of())),
            new Shared(
                    "429",
                    "TooManyRequests",
                    "This client has sent more requests than its network allows: wait Retry-After seconds",
                    example(
                            "too-many-requests",
                            "Too many requests",
                            429,
                            "This client has sent more requests than its network allows; send again after 2 s",
                            "/api/v1/referrals",
                            Map.of())),
            new Shared(
                    "500",
                    "InternalError",
                    "The request could not be completed; it has been logged",
                    example(
                            "internal",
                            "Internal error",
                            500,
                            "The request could not be completed; it has been logged",
                            REFERRAL,
                            Map.of())),
            new Shared(
                    "503",
                    "Unavailable",
                    "The service cannot reach its database just now, or a record the request needs is held by another"
                            + " operation for longer than the service waits (5 s); nothing was changed: send the request"
                            + " again after Retry-After seconds",
                    example(
                            "unavailable",
                            "Service unavailable",
                            503,
                            "The service cannot reach its database, or has no free connection to it, just now; nothing"
                                    + " was changed, send the request again",
                            REFERRAL,
                            Map.of())));

    private SharedProblemResponses() {}

    static Optional<Shared> of(String status) {
        return SHARED.stream().filter(s -> s.status().equals(status)).findFirst();
    }

    static APIResponse reference(Shared shared) {
        return OASFactory.createAPIResponse().ref(shared.ref());
    }

    /** The shared answers themselves, each with its problem detail and an example of it. */
    static void addTo(OpenAPI openAPI, String problemRef) {
        for (Shared shared : SHARED) {
            openAPI.getComponents()
                    .addResponse(
                            shared.name(),
                            OASFactory.createAPIResponse()
                                    .description(shared.description())
                                    .content(OASFactory.createContent()
                                            .addMediaType(
                                                    ProblemDetail.MEDIA_TYPE,
                                                    OASFactory.createMediaType()
                                                            .schema(OASFactory.createSchema()
                                                                    .ref(problemRef))
                                                            .example(shared.example()))));
        }
    }

    private static Map<String, Object> fieldError(String field, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message);
        return error;
    }

    static Map<String, Object> example(
            String slug, String title, int status, String detail, String instance, Map<String, Object> more) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:qorgau:problem:" + slug);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        if (instance != null) {
            problem.put("instance", instance);
        }
        problem.putAll(more);
        return problem;
    }
}
