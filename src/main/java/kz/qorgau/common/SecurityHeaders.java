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

    /**
     * Swagger UI's Authorize reads the realm's discovery document and exchanges the code for a token with the
     * network's Keycloak, so that origin (of qorgau.openapi.realm-url) may be connected to, and nothing else.
     */
    static String documentationPolicy(String realmUrl) {
        java.net.URI realm = java.net.URI.create(realmUrl);
        String origin = realm.getScheme() + "://" + realm.getAuthority();
        return "default-src 'self'; img-src 'self' data:; connect-src 'self' " + origin + "; "
                + "style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; frame-ancestors 'none'";
    }

    @org.eclipse.microprofile.config.inject.ConfigProperty(
            name = "qorgau.openapi.realm-url",
            defaultValue = "http://127.0.0.1:8180/realms/almaty")
    String realmUrl;

    /** The one answer a partner is told to cache: the labels of the code lists, the same for everyone. */
    private static final String CACHEABLE = "/api/v1/vocabulary";

    /**
     * The page a recipient off the platform answers a referral on: its own stylesheet and nothing else, forms posted
     * only to itself, never framed, no base to redirect its relative links.
     */
    private static final String PAGE_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /**
     * Before every other handler, authentication among them (Quarkus runs its HTTP filters at orders down to minus
     * their priority): a token the OIDC layer refuses is answered there, before any later handler could add these.
     */
    static final int ORDER = -10_000;

    void install(@Observes Router router) {
        String documentation = documentationPolicy(realmUrl);
        router.route().order(ORDER).handler(context -> {
            String path = context.request().path();
            String policy = path.startsWith("/q/swagger-ui")
                    ? documentation
                    : path.startsWith("/r/") ? PAGE_POLICY : API_POLICY;
            boolean cacheable =
                    CACHEABLE.equals(path) && context.request().method() == io.vertx.core.http.HttpMethod.GET;
            context.addHeadersEndHandler(ignored -> {
                String cache = context.response().headers().get("Cache-Control");
                apply(context.response().headers(), policy);
                if (cacheable && cache != null && context.response().getStatusCode() < 400) {
                    context.response().headers().set("Cache-Control", cache);
                }
            });
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
        // quarkus-oidc's challenge and the problem mapper's 401 both name the scheme: one is enough.
        java.util.List<String> challenges = headers.getAll("WWW-Authenticate");
        if (challenges.size() > 1) {
            headers.set("WWW-Authenticate", (Iterable<String>) new java.util.LinkedHashSet<>(challenges));
        }
    }
}
