package kz.qorgau.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import kz.qorgau.notification.WebhookSignature;
import org.junit.jupiter.api.Test;

/**
 * The webhook snippets of openapi/README.md, in Java and in TypeScript (compiled by tsc in the build), accept what
 * Qorgau signs and refuse a changed body, another secret, and an old delivery; and the README shows them as they are.
 */
class PartnerSnippetsTest {

    private static final String BODY = "{\"type\":\"referral.submitted\",\"data\":{\"name\":\"Әйгерім\"}}";
    private static final String ID = "0192a000-0000-7000-8000-00000000e001";
    private static final long SENT = 1_780_000_000L;

    @Test
    void theJavaSnippetAcceptsWhatQorgauSignsAndNothingElse() throws Exception {
        String secret = WebhookSignature.newSecret();
        String signature = WebhookSignature.sign(secret, ID, SENT, BODY);
        Instant now = Instant.ofEpochSecond(SENT + 10);
        assertTrue(WebhookVerifier.verify(secret, ID, Long.toString(SENT), signature, BODY, now));
        assertTrue(WebhookVerifier.verify(secret, ID, Long.toString(SENT), "v1,AAAA " + signature, BODY, now));
        assertFalse(WebhookVerifier.verify(secret, ID, Long.toString(SENT), signature, BODY + " ", now));
        assertFalse(
                WebhookVerifier.verify(WebhookSignature.newSecret(), ID, Long.toString(SENT), signature, BODY, now));
        assertFalse(WebhookVerifier.verify(
                secret, ID, Long.toString(SENT), signature, BODY, Instant.ofEpochSecond(SENT + 301)));
        assertFalse(WebhookVerifier.verify(secret, ID, "soon", signature, BODY, now));
    }

    @Test
    void theTypeScriptSnippetAcceptsWhatQorgauSignsAndNothingElse() throws Exception {
        String secret = WebhookSignature.newSecret();
        String signature = WebhookSignature.sign(secret, ID, SENT, BODY);
        assertEquals("valid", runTypeScript(secret, signature, BODY, SENT + 10));
        assertEquals("invalid", runTypeScript(secret, signature, BODY.replace("Ә", "А"), SENT + 10));
        assertEquals("invalid", runTypeScript(WebhookSignature.newSecret(), signature, BODY, SENT + 10));
        assertEquals("invalid", runTypeScript(secret, signature, BODY, SENT + 301));
    }

    @Test
    void theReadmeShowsTheSnippetsAsTheyAre() throws IOException {
        String readme = Files.readString(Path.of("openapi/README.md"));
        String typescript = Files.readString(Path.of("openapi/examples/verify-webhook.ts"));
        String java = Files.readString(Path.of("src/test/java/kz/qorgau/openapi/WebhookVerifier.java"));
        String method = java.substring(java.indexOf("    public static boolean verify("), java.lastIndexOf("}"));
        assertTrue(readme.contains(typescript.strip()), "openapi/README.md shows openapi/examples/verify-webhook.ts");
        assertTrue(readme.contains(method.stripTrailing()), "openapi/README.md shows WebhookVerifier.verify");
    }

    private static String runTypeScript(String secret, String signature, String body, long now) throws Exception {
        ProcessBuilder node = new ProcessBuilder("node", "target/ts-clients/openapi/examples/verify-webhook-cli.js");
        node.environment()
                .putAll(Map.of(
                        "SECRET", secret,
                        "WEBHOOK_ID", ID,
                        "WEBHOOK_TIMESTAMP", Long.toString(SENT),
                        "WEBHOOK_SIGNATURE", signature,
                        "BODY", body,
                        "NOW", Long.toString(now)));
        node.redirectErrorStream(true);
        Process process = node.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, process.waitFor(), output);
        return output;
    }
}
