package kz.qorgau.common;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Security headers on every response, whoever writes it: the API, a problem mapper, Vert.x refusing a
 * body, the OIDC layer refusing a token, a health check. They are added as the headers go out, so an
 * early answer cannot skip them.
 */
@ApplicationScoped
public class SecurityHeaders {

    /** The interactive documentation loads its own scripts and styles; the API itself loads nothing. */
    private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    private static final String DOCUMENTATION_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; frame-ancestors 'none'";

    void install(@Observes Router router) {
        router.route().order(-10).handler(context -> {
            boolean documentation = context.request().path().startsWith("/q/swagger-ui");
            context.addHeadersEndHandler(ignored -> apply(context.response().headers(), documentation));
            context.next();
        });
    }

    static void apply(MultiMap headers, boolean documentation) {
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Content-Security-Policy", documentation ? DOCUMENTATION_POLICY : API_POLICY);
        headers.set("Referrer-Policy", "no-referrer");
        // Survivors' data must not stay in a browser's or a proxy's cache; ETags still serve conditional requests.
        headers.set("Cache-Control", "no-store");
        // Served behind TLS in every deployment (the ingress terminates it); browsers then refuse plain HTTP.
        headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        headers.set("Cross-Origin-Resource-Policy", "same-origin");
        headers.remove("Server");
    }
}
