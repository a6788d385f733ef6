package kz.qorgau.document;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kz.qorgau.security.Role;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import org.junit.jupiter.api.Test;

/**
 * Uploads that hold the service: slow peers that declare a large document and never send it take the upload
 * slots of a replica (four) and nothing else; the next upload is refused at once, before its body, with a 503
 * to retry, and the slots come back when those peers go.
 */
@QuarkusTest
class DocumentUploadLimitsTest {

    @Test
    void slowUploadsHoldTheUploadSlotsOnlyAndGiveThemBackWhenTheyGo() throws Exception {
        Network almaty = Network.of("almaty");
        String inspector = almaty.person("marat", Role.POLICE_INSPECTOR, almaty.police);
        UUID caseId = Flows.caseFile(inspector);
        String path = "/api/v1/cases/" + caseId + "/documents?kind=OTHER&category=RISK";
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), RestAssured.port);
                // Headers and a first byte of a 5 MB body, then nothing.
                send(socket, head(path, inspector, 5_000_000) + "%");
                slow.add(socket);
            }
            Thread.sleep(300);
            String refused = answer(path, inspector);
            assertTrue(refused.startsWith("HTTP/1.1 503"), refused);
            assertTrue(refused.contains("Retry-After: 2"), refused);
            assertTrue(refused.contains("application/problem+json"), refused);
            // Reading and the rest of the API are not held.
            RestAssured.given()
                    .auth()
                    .oauth2(inspector)
                    .get("/api/v1/cases/" + caseId + "/documents")
                    .then()
                    .statusCode(200);
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
        Thread.sleep(500);
        DocumentsTest.attach(inspector, "/api/v1/cases/" + caseId, "image/png", Samples.png(), "OTHER", "RISK")
                .then()
                .statusCode(201);
    }

    private static String head(String path, String token, int length) {
        return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/pdf\r\nContent-Length: " + length + "\r\n\r\n";
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** The head of the answer to an upload whose body is never sent: it must come before the body. */
    private static String answer(String path, String token) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), RestAssured.port)) {
            socket.setSoTimeout(5000);
            send(socket, head(path, token, 1000));
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            int read = in.read(buffer);
            assertTrue(read > 0, "an answer before the body");
            return new String(buffer, 0, read, StandardCharsets.US_ASCII);
        }
    }
}
