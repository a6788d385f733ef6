package kz.qorgau.security;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.quarkus.oidc.OIDCException;
import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TenantConfigResolver;
import io.quarkus.oidc.runtime.OidcConfig;
import io.quarkus.oidc.runtime.TenantConfigBean;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chooses which tenant's OIDC configuration verifies a bearer token, from the realm named in its (not yet
 * verified) issuer. The choice only selects the keys and the exact issuer to check against, so a forged issuer
 * gains nothing: verification then fails. A token naming no configured tenant is left unauthenticated and
 * answered with 401.
 *
 * <p>Each tenant is configured as {@code quarkus.oidc.<id>.*} with {@code tenant-enabled=false}, and this resolver
 * hands quarkus-oidc the same settings, enabled, when a token of that realm first arrives. quarkus-oidc would
 * otherwise fetch every realm's discovery document and keys before the service starts, one realm after the other
 * (about 90 ms each against a local Keycloak, issue 26); this way a start costs the same whatever the number of
 * networks, and a realm whose identity provider is unreachable is tried again later rather than given up. Until a
 * realm is connected, one request tries to connect it, and the next try comes {@link #CONNECTING_AT_MOST} later
 * ({@link RealmConnectionGate}); the requests in between wait for that connection as long, and hear 503 if it is not
 * made.
 */
@ApplicationScoped
public class IssuerTenantResolver implements TenantConfigResolver {

    private static final String REALM_SEGMENT = "/realms/";

    /** How long a request waits for another's connection to its realm, and how often a realm is tried. */
    static final Duration CONNECTING_AT_MOST = Duration.ofSeconds(3);

    private static final long POLL_MILLIS = 20;

    private static final JsonFactory JSON = new JsonFactory();

    @Inject
    TenantsConfig tenants;

    @Inject
    OidcConfig oidc;

    /** quarkus-oidc's connections to the realms, made on their first tokens. */
    @Inject
    TenantConfigBean connections;

    @Inject
    Vertx vertx;

    /**
     * Built once per realm and handed out as the same object: quarkus-oidc compares the configuration it is given
     * with its connection's by reference, and updates the connection with any other.
     */
    private final Map<String, OidcTenantConfig> enabled = new ConcurrentHashMap<>();

    private final RealmConnectionGate gate = new RealmConnectionGate(CONNECTING_AT_MOST);

    @Override
    public Uni<OidcTenantConfig> resolve(RoutingContext context, OidcRequestContext<OidcTenantConfig> unused) {
        String authorization = context.request().getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Uni.createFrom().nullItem();
        }
        String realm = realmOf(authorization.substring(7).strip());
        if (realm == null || !tenants.all().containsKey(realm)) {
            return Uni.createFrom().nullItem();
        }
        OidcTenantConfig config = enabled.computeIfAbsent(realm, this::enabledConfigOf);
        if (config == null) {
            return Uni.createFrom().nullItem();
        }
        if (connections.getDynamicTenant(realm) != null
                || gate.decide(realm, Instant.now()) == RealmConnectionGate.Decision.CONNECT) {
            return Uni.createFrom().item(config);
        }
        return connectedWithin(realm, config);
    }

    /** The realm's settings once another request has connected it, or the 503 failure if none has in time. */
    private Uni<OidcTenantConfig> connectedWithin(String realm, OidcTenantConfig config) {
        long deadline = System.nanoTime() + CONNECTING_AT_MOST.toNanos();
        // Vert.x timers: the answer goes on in this request's own context, and no thread is held while waiting.
        return Uni.createFrom()
                .emitter(emitter -> vertx.setPeriodic(POLL_MILLIS, timer -> {
                    if (connections.getDynamicTenant(realm) != null) {
                        vertx.cancelTimer(timer);
                        emitter.complete(config);
                    } else if (System.nanoTime() - deadline > 0) {
                        vertx.cancelTimer(timer);
                        // The message quarkus-oidc gives a realm it could not reach, which answers 503.
                        emitter.fail(new OIDCException(
                                "OIDC Server is not available: realm " + realm + " is not connected"));
                    }
                }));
    }

    /** The realm's own settings, switched on; none (and so a 401) for a network given no OIDC settings. */
    private OidcTenantConfig enabledConfigOf(String realm) {
        var configured = oidc.namedTenants().get(realm);
        if (configured == null) {
            return null;
        }
        return OidcTenantConfig.builder(configured)
                .tenantId(realm)
                .tenantEnabled(true)
                .build();
    }

    /**
     * The realm named by the payload's {@code iss}, read as a stream that stops at that claim: the whole payload is
     * parsed once, by quarkus-oidc, when the token is verified (a map of every claim here cost 3% of a transition's
     * CPU, issue 26). A payload whose issuer is not a string, or that is not JSON up to it, names no realm.
     */
    static String realmOf(String jwt) {
        int payloadStart = jwt.indexOf('.') + 1;
        int payloadEnd = jwt.indexOf('.', payloadStart);
        if (payloadStart == 0 || payloadEnd < 0 || jwt.indexOf('.', payloadEnd + 1) >= 0) {
            return null;
        }
        try (JsonParser payload =
                JSON.createParser(Base64.getUrlDecoder().decode(jwt.substring(payloadStart, payloadEnd)))) {
            String issuer = issuerIn(payload);
            if (issuer == null) {
                return null;
            }
            int at = issuer.lastIndexOf(REALM_SEGMENT);
            if (at < 0) {
                return null;
            }
            String realm = issuer.substring(at + REALM_SEGMENT.length());
            return realm.endsWith("/") ? realm.substring(0, realm.length() - 1) : realm;
        } catch (IOException | RuntimeException malformed) {
            // Not a JWT we can read: no tenant, and so no authentication.
            return null;
        }
    }

    /** The top-level {@code iss} of the object the parser is at, if it is a string. */
    private static String issuerIn(JsonParser payload) throws IOException {
        if (payload.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        for (JsonToken token = payload.nextToken(); token == JsonToken.FIELD_NAME; token = payload.nextToken()) {
            JsonToken value = payload.nextToken();
            if ("iss".equals(payload.currentName())) {
                return value == JsonToken.VALUE_STRING ? payload.getText() : null;
            }
            payload.skipChildren();
        }
        return null;
    }
}
