package kz.qorgau.demo;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * In dev mode, waits for the demo Keycloak and then prints how to get a token and a first call to make.
 * Only a convenience for people trying the stack: it is not part of a production build.
 */
@IfBuildProfile("dev")
@ApplicationScoped
public class DemoBanner {

    private static final Logger LOG = Logger.getLogger(DemoBanner.class);

    @ConfigProperty(name = "qorgau.demo.banner")
    boolean enabled;

    @ConfigProperty(name = "qorgau.keycloak.url")
    String keycloak;

    @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080")
    int port;

    void onStart(@Observes StartupEvent start) {
        if (enabled) {
            Thread banner = new Thread(this::announceWhenKeycloakAnswers, "demo-banner");
            banner.setDaemon(true);
            banner.start();
        }
    }

    private void announceWhenKeycloakAnswers() {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(
                        URI.create(keycloak + "/realms/almaty/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5))
                .build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    LOG.info(instructions());
                    return;
                }
            } catch (java.io.IOException notYet) {
                // Keycloak is still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        LOG.warnf("No Keycloak answered at %s; start the whole stack with ./mvnw -Pdemo", keycloak);
    }

    private String instructions() {
        String api = "http://127.0.0.1:" + port;
        return """

                ==== Qorgau demo stack is up ====
                API      %2$s   (Swagger UI %2$s/q/swagger-ui)
                Keycloak %1$s   (realms almaty and astana; every demo user's password is "demo")

                Get a token as the Almaty police dispatch system (client credentials):
                  TOKEN=$(curl -s -d grant_type=client_credentials -d client_id=police-dispatch \\
                    -d client_secret=almaty-dispatch-demo-secret \\
                    %1$s/realms/almaty/protocol/openid-connect/token | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')

                Report an incident with it:
                  curl -i -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \\
                    -H "Idempotency-Key: demo-$(date +%%s)" %2$s/api/v1/incidents \\
                    -d '{"occurredAt":"2026-01-01T10:00:00Z","district":"Almaly","violenceKinds":["PHYSICAL"],"childrenPresent":false,"weaponsInvolved":false,"injuries":true}'

                Or as a person (password grant, demo client only): users inspector, social.worker, ngo.caseworker,
                shelter.caseworker, centre.admin, coordinator, auditor:
                  curl -s -d grant_type=password -d client_id=qorgau-demo -d username=inspector -d password=demo \\
                    %1$s/realms/almaty/protocol/openid-connect/token
                Ctrl-C stops the API, PostgreSQL and Keycloak.
                """.formatted(keycloak, api);
    }
}
