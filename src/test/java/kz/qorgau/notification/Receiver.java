package kz.qorgau.notification;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A partner's webhook endpoint for tests: a real HTTP server on 127.0.0.1 that records what it receives
 * and answers with the status it is told to; it can be stopped and started again on the same port.
 */
public final class Receiver implements AutoCloseable {

    public record Received(String id, String timestamp, String signature, String body, Instant at) {}

    private final List<Received> received = new ArrayList<>();
    private final java.util.Set<String> refusedOnce = new java.util.HashSet<>();
    private volatile int status = 200;
    private volatile boolean refuseFirstTry;
    private HttpServer server;
    private int port;

    public Receiver() {
        start(0);
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/qorgau-events";
    }

    void answer(int status) {
        this.status = status;
    }

    /** A flaky partner: the first request for each event answers 503, every later one 200. */
    public Receiver refusingEachFirstTry() {
        refuseFirstTry = true;
        return this;
    }

    /** The events whose first try this receiver refused. */
    public synchronized java.util.Set<String> refused() {
        return java.util.Set.copyOf(refusedOnce);
    }

    void down() {
        server.stop(0);
        server = null;
    }

    void up() {
        start(port);
    }

    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    private void start(int wanted) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), wanted), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        port = server.getAddress().getPort();
        server.createContext("/qorgau-events", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            int answer = status;
            synchronized (this) {
                if (refuseFirstTry && refusedOnce.add(id)) {
                    answer = 503;
                }
            }
            if (answer == 200) {
                synchronized (this) {
                    received.add(new Received(
                            id,
                            exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                            exchange.getRequestHeaders().getFirst("webhook-signature"),
                            new String(body, StandardCharsets.UTF_8),
                            Instant.now()));
                }
            }
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.start();
    }

    /** Whether the delivery carries the signature its subscription's secret makes (Standard Webhooks, v1). */
    public static boolean signedWith(String secret, Received r) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(
                    java.util.Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            String expected = "v1,"
                    + java.util.Base64.getEncoder()
                            .encodeToString(mac.doFinal(
                                    (r.id() + "." + r.timestamp() + "." + r.body()).getBytes(StandardCharsets.UTF_8)));
            return expected.equals(r.signature());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
    }

    static Map<String, Object> parse(String body) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = new com.fasterxml.jackson.databind.ObjectMapper().readValue(body, Map.class);
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
