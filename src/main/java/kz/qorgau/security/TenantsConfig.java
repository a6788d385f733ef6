package kz.qorgau.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import java.util.Map;

/**
 * The coordination networks this deployment serves. Each key is a tenant id and also the name of the
 * OIDC tenant ({@code quarkus.oidc.<id>.*}) that verifies its tokens: one Keycloak realm per tenant.
 */
@ConfigMapping(prefix = "qorgau.tenants")
public interface TenantsConfig {

    @WithParentName
    Map<String, Tenant> all();

    interface Tenant {
        /** How people call the network, such as "Almaty city". */
        String name();
    }
}
