package kz.qorgau.ratelimit;

import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.Optional;
import kz.qorgau.common.ProblemException;
import kz.qorgau.security.TenantsConfig;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Holds every authenticated API call to its client's rate, before any work is done for it. A request
 * without a verified token is not counted: the API refuses it anyway, at the cost of one signature check.
 */
@ApplicationScoped
public class RateLimitFilter {

    private static final String DECISION = RateLimitFilter.class.getName() + ".decision";

    private final ClientRateLimits limits;

    @Inject
    SecurityIdentity identity;

    @Inject
    public RateLimitFilter(TenantsConfig tenants) {
        this.limits = new ClientRateLimits(tenant -> tenants.all().get(tenant).rateLimit());
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION + 1)
    public void limit(ContainerRequestContext request) {
        Optional<ClientRateLimits.Client> client = clientOf(identity);
        if (client.isEmpty()) {
            return;
        }
        ClientRateLimits.Decision decision = limits.take(client.get());
        request.setProperty(DECISION, decision);
        if (!decision.allowed()) {
            throw new ProblemException.TooManyRequests(decision.retryAfterSeconds());
        }
    }

    /** Tells every counted caller where it stands, so a well-behaved client can pace itself before a 429. */
    @ServerResponseFilter
    public void report(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof ClientRateLimits.Decision decision) {
            response.getHeaders().putSingle("RateLimit-Limit", decision.limit());
            response.getHeaders().putSingle("RateLimit-Remaining", decision.remaining());
            response.getHeaders().putSingle("RateLimit-Reset", decision.resetSeconds());
        }
    }

    private static Optional<ClientRateLimits.Client> clientOf(SecurityIdentity identity) {
        String tenant = identity.getAttribute(OidcUtils.TENANT_ID_ATTRIBUTE);
        if (identity.isAnonymous() || tenant == null || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Optional.empty();
        }
        Object azp = token.getClaim("azp");
        String oauthClient = azp == null ? "" : azp.toString();
        return Optional.of(new ClientRateLimits.Client(tenant, oauthClient, String.valueOf(token.getSubject())));
    }
}
