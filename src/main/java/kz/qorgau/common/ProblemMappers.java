package kz.qorgau.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kz.qorgau.common.ProblemException.FieldError;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every failure the API can answer with, turned into an RFC 9457 problem detail in this one place. The
 * details are written for the caller and never carry a stack trace, SQL, a class name or the input echoed
 * back.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    ObjectMapper json;

    @Inject
    CurrentVertxRequest request;

    @ServerExceptionMapper
    public Response domain(ProblemException e, UriInfo uri) {
        Response response = respond(new ProblemDetail(
                e.slug(), e.title(), e.status(), e.getMessage(), path(uri), e.fieldErrors(), e.extensions()));
        if (e.headers().isEmpty()) {
            return response;
        }
        Response.ResponseBuilder builder = Response.fromResponse(response);
        e.headers().forEach(builder::header);
        return builder.build();
    }

    /** Bean Validation of parameters and bodies; a violation of a return value is our bug, not the caller's. */
    @ServerExceptionMapper
    public Response validation(ResteasyReactiveViolationException e, UriInfo uri) {
        boolean ourOutput = e.getConstraintViolations().stream().anyMatch(v -> {
            for (Path.Node node : v.getPropertyPath()) {
                if (node.getKind() == ElementKind.RETURN_VALUE) {
                    return true;
                }
            }
            return false;
        });
        if (ourOutput) {
            return unexpected(e, uri);
        }
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
        return domain(new ProblemException.InvalidInput(errors), uri);
    }

    /** A JSON value of the wrong type, or an enum constant that does not exist. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return domain(new ProblemException.InvalidInput(jsonPath(e), expectation(e)), uri);
    }

    /** Other mapping failures, such as a record constructor rejecting a value. */
    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e, UriInfo uri) {
        return domain(new ProblemException.InvalidInput(jsonPath(e), "has a value that cannot be read"), uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        return respond(new ProblemDetail(
                "malformed-body",
                "Malformed body",
                400,
                "The request body is not well-formed JSON",
                path(uri),
                List.of(),
                Map.of()));
    }

    /**
     * JAX-RS answers a query or path parameter it cannot convert with 404, as if the resource did not
     * exist; a caller deserves to hear that its parameter was wrong.
     */
    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        if (e.getCause() instanceof ProblemException problem) {
            return domain(problem, uri);
        }
        if (e.getCause() != null) {
            return domain(new ProblemException.InvalidInput("parameter", "has a value that cannot be read"), uri);
        }
        return domain(new ProblemException.NotFound("The resource"), uri);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status == 400 && e.getCause() instanceof JsonProcessingException malformed) {
            return malformedJson(malformed, uri);
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Request failed" : type.getReasonPhrase();
        Response.ResponseBuilder builder = Response.fromResponse(
                respond(new ProblemDetail(slugOf(title), title, status, title, path(uri), List.of(), Map.of())));
        // Keep the headers that tell the caller what would work, such as Allow on a 405.
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)
                    && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(respond(new ProblemDetail(
                        "unauthenticated",
                        "Unauthenticated",
                        401,
                        "A valid bearer access token from the tenant's identity provider is required",
                        path(uri),
                        List.of(),
                        Map.of())))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return domain(new ProblemException.Forbidden("The caller's roles do not allow this function"), uri);
    }

    /**
     * Two writers raced for the same row. With If-Match the caller's precondition has failed; without it
     * the caller should read again and retry.
     */
    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response concurrentChange(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        String detail = "The object was changed by another request; read it again and retry";
        return domain(
                headers.getHeaderString(HttpHeaders.IF_MATCH) != null
                        ? new ProblemException.PreconditionFailed(detail)
                        : new ProblemException.Conflict(detail),
                uri);
    }

    /**
     * The database chose this request as the loser of a deadlock or lock timeout between concurrent
     * requests; nothing was written, and the same request may simply be sent again.
     */
    @ServerExceptionMapper({
        org.hibernate.exception.LockAcquisitionException.class,
        jakarta.persistence.PessimisticLockException.class
    })
    public Response lockLost(RuntimeException e, UriInfo uri) {
        LOG.warnf("Lock lost answering %s: %s", path(uri), e.getMessage());
        return domain(
                new ProblemException.Conflict("Concurrent requests collided; nothing was changed, send it again"), uri);
    }

    /**
     * A record the request needed was held by another session for longer than the service's lock timeout
     * ({@code quarkus.datasource.jdbc.new-connection-sql}). Not the caller's conflict: the same request, sent
     * again a little later, normally goes through, as after any 503.
     */
    @ServerExceptionMapper({
        org.hibernate.exception.LockTimeoutException.class,
        jakarta.persistence.LockTimeoutException.class
    })
    public Response lockWaitedTooLong(RuntimeException e, UriInfo uri) {
        LOG.warnf("Lock wait timed out answering %s: %s", path(uri), e.getMessage());
        return domain(
                new ProblemException.Unavailable(
                        "A record this request needs is held by another operation just now; nothing was changed,"
                                + " send the request again",
                        TransientDatabaseFailure.LOCK_WAIT_RETRY_AFTER_SECONDS),
                uri);
    }

    /**
     * A unique or foreign-key constraint that a concurrent request won first: the caller's request now
     * conflicts with what exists.
     */
    @ServerExceptionMapper
    public Response constraint(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        if (e.getKind() == org.hibernate.exception.ConstraintViolationException.ConstraintKind.UNIQUE) {
            return domain(
                    new ProblemException.Conflict("An object with the same identifying values already exists"), uri);
        }
        return unexpected(e, uri);
    }

    /** A failure raised at commit arrives wrapped; it is answered as the failure it wraps. */
    @ServerExceptionMapper
    public Response rollback(jakarta.transaction.RollbackException e, UriInfo uri, HttpHeaders headers) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return concurrentChange((RuntimeException) cause, uri, headers);
            }
            if (cause instanceof org.hibernate.exception.ConstraintViolationException violation) {
                return constraint(violation, uri);
            }
            if (cause instanceof org.hibernate.exception.LockTimeoutException
                    || cause instanceof jakarta.persistence.LockTimeoutException) {
                return lockWaitedTooLong((RuntimeException) cause, uri);
            }
            if (cause instanceof org.hibernate.exception.LockAcquisitionException
                    || cause instanceof jakarta.persistence.PessimisticLockException) {
                return lockLost((RuntimeException) cause, uri);
            }
        }
        return unexpected(e, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (clientWentAway(e)) {
            // The caller closed its connection mid-request: nothing failed here, and no one is left to answer.
            LOG.debugf("Client went away while %s was answered", path(uri));
            return Response.status(499).build();
        }
        if (DatabaseUnreachable.isCause(e)) {
            // An outage fails every request the same way: one line each, not a stack trace each.
            LOG.warnf("Database unreachable answering %s: %s", path(uri), DatabaseUnreachable.describe(e));
            return domain(
                    new ProblemException.Unavailable(
                            "The service cannot reach its database, or has no free connection to it, just now; nothing"
                                    + " was changed, send the request again",
                            DatabaseUnreachable.RETRY_AFTER_SECONDS),
                    uri);
        }
        if (IdentityProviderUnreachable.isCause(e)) {
            LOG.warnf("Identity provider unreachable answering %s", path(uri));
            return domain(
                    new ProblemException.Unavailable(
                            "The service cannot reach the identity provider of this token's network just now, so it"
                                    + " cannot check the token; nothing was read or changed, send the request again",
                            IdentityProviderUnreachable.RETRY_AFTER_SECONDS),
                    uri);
        }
        LOG.errorf(e, "Unexpected failure answering %s", path(uri));
        return respond(new ProblemDetail(
                "internal",
                "Internal error",
                500,
                "The request could not be completed; it has been logged",
                path(uri),
                List.of(),
                Map.of()));
    }

    private static boolean clientWentAway(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.nio.channels.ClosedChannelException
                    || cause instanceof io.vertx.core.http.HttpClosedException
                    || (cause instanceof io.vertx.core.VertxException
                            && "Connection was closed".equals(cause.getMessage()))) {
                return true;
            }
        }
        return false;
    }

    private Response respond(ProblemDetail problem) {
        RoutingContext context = request.getCurrent();
        String lang =
                Texts.chosen(null, context == null ? null : context.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        try {
            return Response.status(problem.status)
                    .type(ProblemDetail.MEDIA_TYPE)
                    .header(HttpHeaders.CONTENT_LANGUAGE, lang)
                    .entity(json.writeValueAsString(ProblemTexts.localize(problem, lang)))
                    .build();
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }

    private static String slugOf(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    /**
     * The header a parameter is read from ({@code Idempotency-Key}), which is the name the caller knows it by; the Java
     * parameter's name ({@code idempotencyKey}) is the API's own name for query and path parameters alone.
     */
    private static java.util.Optional<String> headerNamed(
            Class<?> resource, Path.MethodNode method, Path.ParameterNode parameter) {
        if (resource == null || method == null) {
            return java.util.Optional.empty();
        }
        // The bean may be a subclass the container made, whose methods do not carry the parameters' annotations.
        for (Class<?> type = resource; type != null && type != Object.class; type = type.getSuperclass()) {
            java.lang.reflect.Parameter declared;
            try {
                declared = type.getDeclaredMethod(
                                method.getName(), method.getParameterTypes().toArray(Class<?>[]::new))
                        .getParameters()[parameter.getParameterIndex()];
            } catch (NoSuchMethodException | ArrayIndexOutOfBoundsException notHere) {
                continue;
            }
            org.jboss.resteasy.reactive.RestHeader rest =
                    declared.getAnnotation(org.jboss.resteasy.reactive.RestHeader.class);
            if (rest != null) {
                return java.util.Optional.of(rest.value().isEmpty() ? declared.getName() : rest.value());
            }
            jakarta.ws.rs.HeaderParam header = declared.getAnnotation(jakarta.ws.rs.HeaderParam.class);
            if (header != null) {
                return java.util.Optional.of(header.value());
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * A body field's path ({@code services[1]}), or the name of the query or path parameter. Parameters
     * are named as the API names them because the build keeps Java parameter names.
     */
    static String fieldOf(ConstraintViolation<?> violation) {
        List<String> properties = new ArrayList<>();
        String parameter = null;
        Path.MethodNode method = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                method = node.as(Path.MethodNode.class);
            } else if (node.getKind() == ElementKind.PARAMETER) {
                parameter = headerNamed(violation.getRootBeanClass(), method, node.as(Path.ParameterNode.class))
                        .orElse(node.getName());
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                String name = node.getName();
                if (name == null || name.startsWith("<")) {
                    name = "";
                }
                if (node.getIndex() != null) {
                    name += "[" + node.getIndex() + "]";
                }
                if (!name.isEmpty()) {
                    properties.add(name);
                }
            }
        }
        if (!properties.isEmpty()) {
            return String.join(".", properties).replace(".[", "[");
        }
        return parameter == null ? "body" : parameter;
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String expectation(MismatchedInputException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a field of this request";
        }
        Class<?> target = e.getTargetType();
        if (target == null) {
            return "has a value of the wrong type";
        }
        if (target.isEnum()) {
            return "must be one of "
                    + Arrays.stream(target.getEnumConstants())
                            .map(Object::toString)
                            .collect(Collectors.joining(", "));
        }
        if (Number.class.isAssignableFrom(target) || target == int.class || target == long.class) {
            return "must be a number";
        }
        if (target == boolean.class || target == Boolean.class) {
            return "must be true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "must be an array";
        }
        if (target == String.class) {
            return e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException invalid
                            && BoundedInput.UNSTORABLE_TEXT.equals(invalid.getValue())
                    ? "must not contain NUL characters or unpaired surrogates"
                    : "must be a string";
        }
        if (target == java.util.UUID.class) {
            return "must be a UUID";
        }
        if (target == java.time.LocalDate.class) {
            return "must be an ISO-8601 date between the years " + BoundedInput.FIRST_YEAR + " and "
                    + BoundedInput.LAST_YEAR + ", such as 2026-01-31";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(target)) {
            return "must be an ISO-8601 date-time with an offset between the years " + BoundedInput.FIRST_YEAR + " and "
                    + BoundedInput.LAST_YEAR + ", such as 2026-01-31T09:00:00Z";
        }
        return "has a value of the wrong type";
    }
}
