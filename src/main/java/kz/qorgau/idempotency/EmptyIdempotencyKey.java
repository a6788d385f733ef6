package kz.qorgau.idempotency;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import kz.qorgau.common.ProblemException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses an Idempotency-Key header that is present but empty. The REST layer hands an empty header to the resource
 * as no header at all, so the key's own constraints never saw it, and a retry under an empty key made a second
 * incident, case or referral: the dispatch system whose key came out empty believed it was protected. An empty key
 * is bad input, as the partner documents say (at least one printable character).
 */
public class EmptyIdempotencyKey {

    static final String HEADER = "Idempotency-Key";

    @ServerRequestFilter(priority = Priorities.USER)
    public void refuse(ContainerRequestContext request) {
        if (!HttpMethod.POST.equals(request.getMethod())) {
            return;
        }
        List<String> keys = request.getHeaders().get(HEADER);
        if (keys != null && keys.stream().anyMatch(String::isBlank)) {
            throw new ProblemException.InvalidInput(HEADER, "must not be empty");
        }
    }
}
