package kz.qorgau.common;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import kz.qorgau.security.Role;
import kz.qorgau.support.Network;
import org.junit.jupiter.api.Test;

/**
 * Peers that send a request's headers and a little of its body, then stall: more of them than the service has
 * worker threads hold connections, not workers, and everyone else is answered at once.
 */
@QuarkusTest
class SlowBodiesTest {

    private static final int STALLED = 240;

    @Test
    void stalledBodiesDoNotHoldTheWorkersThatAnswerEveryoneElse() throws Exception {
        Network almaty = Network.of("almaty");
        String dispatch = almaty.token(Role.POLICE_DISPATCH, almaty.police);
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < STALLED; i++) {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), RestAssured.port);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/v1/incidents HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + dispatch
                                + "\r\nContent-Type: application/json\r\nIdempotency-Key: slow-" + i
                                + "\r\nContent-Length: 200000\r\n\r\n{\"district\":\"")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                stalled.add(socket);
            }
            Thread.sleep(500);
            long started = System.nanoTime();
            RestAssured.given()
                    .auth()
                    .oauth2(inspector)
                    .get("/api/v1/me")
                    .then()
                    .statusCode(200);
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertTrue(millis < 3000, "answered in " + millis + " ms while " + STALLED + " bodies stall");
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }
}
