package kz.qorgau.common;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a request whose declared body is larger than the API accepts with a 413 problem detail, before
 * any of it is read. Quarkus's own limit (quarkus.http.limits.max-body-size, set higher) remains the
 * backstop for chunked bodies that declare no length; it answers a bare 413.
 */
@ApplicationScoped
public class BodySizeLimit {

    @ConfigProperty(name = "qorgau.http.max-body-bytes")
    long maxBodyBytes;

    void install(@Observes Router router) {
        // Runs before Quarkus's own body-size handler (order -2), so callers get a problem detail.
        router.route().order(-3).handler(context -> {
            String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared != null && exceeds(declared)) {
                String body = "{\"type\":\"urn:qorgau:problem:payload-too-large\",\"title\":\"Payload too large\","
                        + "\"status\":413,\"detail\":\"The request body is larger than " + maxBodyBytes
                        + " bytes\"}";
                context.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, ProblemDetail.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(body);
                return;
            }
            context.next();
        });
    }

    private boolean exceeds(String declared) {
        try {
            return Long.parseLong(declared.strip()) > maxBodyBytes;
        } catch (NumberFormatException malformed) {
            // Vert.x rejects a malformed Content-Length itself.
            return false;
        }
    }
}
