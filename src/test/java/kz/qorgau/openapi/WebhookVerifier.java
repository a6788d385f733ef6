package kz.qorgau.openapi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a partner's receiver does with a Qorgau webhook, with the JDK alone (openapi/README.md shows this class):
 * webhook-signature holds "v1,&lt;base64 HMAC-SHA256&gt;" of "&lt;webhook-id&gt;.&lt;webhook-timestamp&gt;.&lt;body&gt;"
 * under the subscription's secret (the base64 after "whsec_"); a timestamp more than five minutes away is refused,
 * so that a recorded delivery cannot be replayed.
 */
public final class WebhookVerifier {

    private WebhookVerifier() {}

    public static boolean verify(
            String secret, String id, String timestamp, String signatures, String rawBody, Instant now)
            throws java.security.GeneralSecurityException {
        long sent;
        try {
            sent = Long.parseLong(timestamp);
        } catch (NumberFormatException notANumber) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - sent) > 300) {
            return false;
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.replaceFirst("^whsec_", "")), "HmacSHA256"));
        byte[] expected = mac.doFinal((id + "." + timestamp + "." + rawBody).getBytes(StandardCharsets.UTF_8));
        // Several signatures, separated by spaces, while a secret is being rotated.
        for (String candidate : signatures.split(" ")) {
            String[] parts = candidate.split(",", 2);
            if (parts.length == 2 && parts[0].equals("v1")) {
                try {
                    if (MessageDigest.isEqual(Base64.getDecoder().decode(parts[1]), expected)) {
                        return true;
                    }
                } catch (IllegalArgumentException notBase64) {
                    // not a signature of ours; try the next
                }
            }
        }
        return false;
    }
}
