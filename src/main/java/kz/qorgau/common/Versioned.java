package kz.qorgau.common;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Optional;

/**
 * A representation and the row version its ETag names. Clients send the ETag back in If-Match so that a
 * change made on a stale read is refused instead of silently overwriting someone else's.
 */
public record Versioned<T>(T body, long version) {

    public EntityTag etag() {
        return new EntityTag(Long.toString(version));
    }

    /** 200 with the representation and its ETag. */
    public Response ok() {
        return Response.ok(body).tag(etag()).build();
    }

    /** 201 with the representation, its ETag and where it lives. */
    public Response created(URI location) {
        return created(location, body).tag(etag()).build();
    }

    /**
     * A 201 naming the new resource. The Location is set as given: JAX-RS would otherwise resolve a relative
     * one against the request's Host header, which the client chooses.
     */
    public static Response.ResponseBuilder created(URI location, Object entity) {
        return Response.status(Response.Status.CREATED)
                .header(jakarta.ws.rs.core.HttpHeaders.LOCATION, location.toString())
                .entity(entity);
    }

    /**
     * Where a resource created under the request's path is: under the configured public base URL
     * ({@code qorgau.public-base-url}), else relative to the API's root. Never from the Host header.
     */
    public static URI locationUnder(UriInfo uri, Object id) {
        return URI.create(PublicBase.URL + uri.getPath().replaceAll("/+$", "") + "/" + id);
    }

    /**
     * Read once per start, not per created resource: a key that is not set is the slowest lookup there is, as
     * every configuration source is asked in turn (2% of an incident POST's CPU when read per request).
     */
    private static final class PublicBase {
        static final String URL = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("qorgau.public-base-url", String.class)
                .map(base -> base.replaceAll("/+$", ""))
                .orElse("");
    }

    /**
     * Refuses a change to an object read at another version than it is at now (412): the caller acted on what
     * it no longer sees.
     */
    public static void requireCurrent(String what, long current, long expected) {
        if (current != expected) {
            throw new ProblemException.PreconditionFailed("The " + what + " is at version " + current + ", not "
                    + expected + "; read it again before acting");
        }
    }

    /**
     * The version an If-Match header asks for; empty when the header is absent or {@code *}.
     *
     * @throws ProblemException.InvalidInput when the header is not an ETag this API gave out
     */
    public static Optional<Long> expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return Optional.empty();
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            // If-Match compares strongly (RFC 9110, 13.1.1): a weak validator never matches.
            throw new ProblemException.PreconditionFailed(
                    "If-Match compares strongly; a weak ETag never matches: send the ETag as this API gave it");
        }
        if (tag.length() >= 3 && tag.startsWith("\"") && tag.endsWith("\"")) {
            String opaque = tag.substring(1, tag.length() - 1);
            try {
                long version = Long.parseLong(opaque);
                // Compared as the API wrote it, character for character: "001" or "+1" is no tag it gave out.
                if (Long.toString(version).equals(opaque)) {
                    return Optional.of(version);
                }
            } catch (NumberFormatException e) {
                // answered below like any other foreign tag
            }
        }
        throw new ProblemException.InvalidInput("If-Match", "must be an ETag returned by this API, such as \"3\"");
    }

    /** The version a change must be made at, once the caller may make it: 428 when If-Match was not sent. */
    public static long required(Optional<Long> expected, String object) {
        return expected.orElseThrow(() -> new ProblemException.PreconditionRequired("Send If-Match with the ETag of"
                + " the " + object + " as read, so that a change made meanwhile is not overwritten"));
    }

    /**
     * The version a state change must be made at: If-Match is required (428 without it), so that a change
     * made meanwhile is not overwritten.
     */
    public static long requiredVersion(String ifMatch, String object) {
        return expectedVersion(ifMatch)
                .orElseThrow(() -> new ProblemException.PreconditionRequired("Send If-Match with the ETag of the "
                        + object + " as read, so that a change made meanwhile is not overwritten"));
    }
}
