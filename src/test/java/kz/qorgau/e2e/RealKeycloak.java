package kz.qorgau.e2e;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;
import kz.qorgau.demo.KeycloakLauncher;

/**
 * The test profile of the end-to-end suite: the API verifies tokens issued by a real Keycloak, started by
 * the tests from the server Maven unpacked, with the demo realms and the demo agencies.
 */
public class RealKeycloak implements QuarkusTestProfile {

    static volatile KeycloakLauncher keycloak;

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Server.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.flyway.locations", "db/migration,db/demo");
    }

    public static class Server implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            keycloak = KeycloakLauncher.start(KeycloakLauncher.freePort());
            // Replace the test profile's local keys with discovery from the real realms.
            return Map.of(
                    "quarkus.oidc.almaty.auth-server-url", keycloak.issuer("almaty"),
                    "quarkus.oidc.astana.auth-server-url", keycloak.issuer("astana"),
                    "quarkus.oidc.almaty.token.issuer", keycloak.issuer("almaty"),
                    "quarkus.oidc.astana.token.issuer", keycloak.issuer("astana"),
                    "quarkus.oidc.almaty.public-key", "",
                    "quarkus.oidc.astana.public-key", "");
        }

        @Override
        public void stop() {
            if (keycloak != null) {
                keycloak.close();
            }
        }
    }
}
