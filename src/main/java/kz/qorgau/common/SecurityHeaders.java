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

    /**
     * The page a recipient off the platform answers a referral on: its own stylesheet and nothing else, forms posted
     * only to itself, never framed, no base to redirect its relative links.
     */
    private static final String PAGE_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    void install(@Observes Router router) {
        router.route().order(-10).handler(context -> {
            String path = context.request().path();
            String policy = path.startsWith("/q/swagger-ui")
                    ? DOCUMENTATION_POLICY
                    : path.startsWith("/r/") ? PAGE_POLICY : API_POLICY;
            context.addHeadersEndHandler(ignored -> apply(context.response().headers(), policy));
            context.next();
        });
    }

    static void apply(MultiMap headers, String policy) {
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Content-Security-Policy", policy);
        // The recipient's page names itself in the Origin of its own form posts (a no-referrer page would send
        // "null", which CORS refuses); its link's token never leaves this origin.
        headers.set("Referrer-Policy", policy.equals(PAGE_POLICY) ? "same-origin" : "no-referrer");
        // Survivors' data must not stay in a browser's or a proxy's cache; ETags still serve conditional requests.
        headers.set("Cache-Control", "no-store");
        // Served behind TLS in every deployment (the ingress terminates it); browsers then refuse plain HTTP.
        headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        headers.set("Cross-Origin-Resource-Policy", "same-origin");
        headers.remove("Server");
    }
}
