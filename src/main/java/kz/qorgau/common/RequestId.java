package kz.qorgau.common;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The id that ties a request to its audit entries and logs. A partner's own X-Request-Id is kept when it
 * is a plain token, so both sides can find the same call; otherwise the service makes one. Either way the
 * response carries it back.
 */
@RequestScoped
public class RequestId {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private String value;

    public String value() {
        if (value == null) {
            value = UUID.randomUUID().toString();
        }
        return value;
    }

    // Through a method: the field of a request-scoped bean is set on the instance, not on its client proxy.
    void use(String given) {
        value = given;
    }

    public static class Filters {

        @Inject
        RequestId id;

        @ServerRequestFilter(preMatching = true)
        public void take(ContainerRequestContext request) {
            String given = request.getHeaderString(HEADER);
            if (given != null && PLAIN.matcher(given).matches()) {
                id.use(given);
            }
        }

        @ServerResponseFilter
        public void giveBack(ContainerResponseContext response) {
            response.getHeaders().putSingle(HEADER, id.value());
        }
    }
}
