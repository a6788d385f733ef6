package kz.qorgau.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.security.Role;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import org.junit.jupiter.api.Test;

/**
 * Webhooks cannot be turned against the service's own network, and no receiver can hold the others up:
 * a partner names any URL it likes, and the service calls only public addresses (checked again at every
 * delivery, and connected to as checked), gives each delivery one deadline, and says what happened in its
 * own words. The tests' DNS is {@link TestReceiverResolver}; their receivers listen on 127.0.0.1, which the
 * test profile lets through as an internal receiver.
 */
@QuarkusTest
class WebhookReceiverGuardTest {

    @Inject
    OutboxRelay relay;

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    WebhookConfig config;

    private static UUID subscribe(String admin, String url) {
        return UUID.fromString(given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .body(Map.of("url", url, "eventTypes", List.of("referral.submitted")))
                .post("/api/v1/webhook-subscriptions")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
    }

    private static void unsubscribe(String admin, UUID subscription) {
        given().auth()
                .oauth2(admin)
                .delete("/api/v1/webhook-subscriptions/" + subscription)
                .then()
                .statusCode(204);
    }

    private static Map<String, Object> lastDelivery(String admin, UUID subscription) {
        List<Map<String, Object>> items = given().auth()
                .oauth2(admin)
                .get("/api/v1/webhook-subscriptions/" + subscription + "/deliveries")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        assertEquals(1, items.size(), "one referral was submitted to the agency");
        return items.get(0);
    }

    /** One referral submitted to the crisis centre, relayed: one delivery due for each of its subscriptions. */
    private static void referralToCrisisCentre(Network almaty) {
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        UUID caseId = Flows.caseFile(inspector);
        Flows.recordConsent(inspector, caseId, almaty.crisisCentre).then().statusCode(201);
        Flows.referral(inspector, caseId, almaty.crisisCentre);
    }

    @Test
    void noReceiverOnTheServicesOwnNetworkCanBeSubscribed() {
        Network almaty = Network.of("almaty");
        String admin = almaty.token(almaty.crisisCentre, Role.AGENCY_ADMIN, Role.NGO_CASEWORKER);
        TestReceiverResolver.answer("intranet.example.org", "10.1.2.3");
        TestReceiverResolver.answer("mixed.example.org", "93.184.216.34", "192.168.0.10");
        for (String url : List.of(
                "http://127.0.0.2/hook",
                "http://0x7f000002/hook",
                "http://2130706434/hook",
                "http://0177.0.0.2/hook",
                "http://[::1]:8080/hook",
                "http://[::ffff:127.0.0.2]/hook",
                "http://169.254.169.254/latest/meta-data/",
                "https://10.0.0.1/",
                "https://100.64.0.1/",
                "https://[fd00::1]/",
                "http://0.0.0.0:8080/",
                "https://metadata.google.internal/computeMetadata/v1/",
                "http://qorgau-postgres:5432/",
                "https://kubernetes.default.svc/",
                "https://intranet.example.org/hook",
                "https://mixed.example.org/hook",
                "https://nowhere.example.org/hook")) {
            given().auth()
                    .oauth2(admin)
                    .contentType("application/json")
                    .body(Map.of("url", url))
                    .post("/api/v1/webhook-subscriptions")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("url"));
        }
    }

    @Test
    void aNameThatChangesItsAnswerAfterTheCheckIsNeverCalledThere() throws Exception {
        Network almaty = Network.of("almaty");
        String admin = almaty.token(almaty.crisisCentre, Role.AGENCY_ADMIN, Role.NGO_CASEWORKER);
        try (Receiver receiver = new Receiver()) {
            int port = Integer.parseInt(receiver.url().replaceAll(".*:(\\d+)/.*", "$1"));
            String host = "rebinding-" + UUID.randomUUID() + ".example.org";
            TestReceiverResolver.answer(host, "93.184.216.34");
            UUID subscription = subscribe(admin, "http://" + host + ":" + port + "/qorgau-events");
            try {
                referralToCrisisCentre(almaty);
                relay.relay();
                // Now the name points into the service's network: the delivery is refused, not sent.
                TestReceiverResolver.answer(host, "127.0.0.2");
                dispatcher.dispatchDue(Instant.now());
                Map<String, Object> refused = lastDelivery(admin, subscription);
                assertEquals("PENDING", refused.get("status"));
                assertEquals("ADDRESS_REFUSED", refused.get("lastError"));
                assertEquals(0, receiver.received().size());
                // Pointed at the receiver the deployment allows, it arrives there, at the checked address.
                TestReceiverResolver.answer(host, "127.0.0.1");
                dispatcher.dispatchDue(Instant.now().plus(Duration.ofMinutes(5)));
                assertEquals("DELIVERED", lastDelivery(admin, subscription).get("status"));
                assertEquals(1, receiver.received().size());
            } finally {
                unsubscribe(admin, subscription);
            }
        }
    }

    @Test
    void theDeliveryLogSaysWhatHappenedInTheServicesOwnWords() throws Exception {
        Network almaty = Network.of("almaty");
        String admin = almaty.token(almaty.crisisCentre, Role.AGENCY_ADMIN, Role.NGO_CASEWORKER);
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        try (Receiver failing = new Receiver()) {
            failing.answer(503);
            UUID nobody = subscribe(admin, "http://127.0.0.1:" + closedPort + "/hook");
            UUID unavailable = subscribe(admin, failing.url());
            try {
                referralToCrisisCentre(almaty);
                relay.relay();
                dispatcher.dispatchDue(Instant.now());
                Map<String, Object> refused = lastDelivery(admin, nobody);
                assertEquals("CONNECT_FAILED", refused.get("lastError"));
                assertEquals(null, refused.get("lastStatus"));
                Map<String, Object> answered = lastDelivery(admin, unavailable);
                assertEquals("HTTP_STATUS 503", answered.get("lastError"));
                assertEquals(503, answered.get("lastStatus"));
            } finally {
                unsubscribe(admin, nobody);
                unsubscribe(admin, unavailable);
            }
        }
    }

    @Test
    void receiversThatNeverFinishAnsweringHoldNoOneElseUp() throws Exception {
        Network almaty = Network.of("almaty");
        String admin = almaty.token(almaty.crisisCentre, Role.AGENCY_ADMIN, Role.NGO_CASEWORKER);
        try (Receiver fast = new Receiver();
                Trickler headers = new Trickler(false);
                Trickler body = new Trickler(true)) {
            UUID toFast = subscribe(admin, fast.url());
            UUID toHeaders = subscribe(admin, headers.url());
            UUID toBody = subscribe(admin, body.url());
            try {
                referralToCrisisCentre(almaty);
                relay.relay();
                long started = System.nanoTime();
                dispatcher.dispatchDue(Instant.now());
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertTrue(
                        took.compareTo(config.timeout().plusSeconds(2)) < 0,
                        "the batch came back after " + took + ", its deadline is " + config.timeout());
                assertEquals("DELIVERED", lastDelivery(admin, toFast).get("status"));
                assertEquals(1, fast.received().size());
                // Its status said 200; the body it trickles after that is not waited for.
                assertEquals("DELIVERED", lastDelivery(admin, toBody).get("status"));
                Map<String, Object> cutOff = lastDelivery(admin, toHeaders);
                assertEquals("PENDING", cutOff.get("status"));
                assertEquals("TIMEOUT", cutOff.get("lastError"));
            } finally {
                unsubscribe(admin, toFast);
                unsubscribe(admin, toHeaders);
                unsubscribe(admin, toBody);
            }
        }
    }

    /**
     * A receiver that reads the request and then answers one byte at a time, forever: its headers (so the
     * status never completes), or, after a whole 200 status line and headers, a chunked body.
     */
    static final class Trickler implements AutoCloseable {

        private final ServerSocket server;
        private final Thread acceptor;

        Trickler(boolean afterHeaders) throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket socket = server.accept();
                        Thread worker = new Thread(() -> trickle(socket, afterHeaders));
                        worker.setDaemon(true);
                        worker.start();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getLocalPort() + "/hook";
        }

        private static void trickle(Socket socket, boolean afterHeaders) {
            try (socket) {
                socket.getInputStream().read(new byte[65536]);
                OutputStream out = socket.getOutputStream();
                String start = afterHeaders
                        ? "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
                        : "HTTP/1.1 200 OK\r\nX-Slow: ";
                out.write(start.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                while (true) {
                    out.write((afterHeaders ? "1\r\na\r\n" : "a").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    Thread.sleep(300);
                }
            } catch (IOException | InterruptedException e) {
                // The service hung up: the point of the test.
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
