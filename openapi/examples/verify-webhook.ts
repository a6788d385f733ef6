// Verifying a Qorgau webhook the Standard Webhooks way: webhook-signature holds "v1,<base64 HMAC-SHA256>" of
// "<webhook-id>.<webhook-timestamp>.<body>" under the subscription's secret (the base64 after "whsec_"). Check
// the timestamp too, so that a delivery recorded by someone cannot be replayed later. Uses only Node's crypto.
import { createHmac, timingSafeEqual } from "node:crypto";

export function verifyWebhook(
  secret: string,
  headers: { id: string; timestamp: string; signature: string },
  rawBody: string,
  nowSeconds: number = Math.floor(Date.now() / 1000),
): boolean {
  const timestamp = Number(headers.timestamp);
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > 300) {
    return false;
  }
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const expected = createHmac("sha256", key)
    .update(`${headers.id}.${headers.timestamp}.${rawBody}`, "utf8")
    .digest();
  // The header may carry several signatures (during a secret's rotation), separated by spaces.
  return headers.signature.split(" ").some((candidate) => {
    const [version, value] = candidate.split(",", 2);
    const given = Buffer.from(value ?? "", "base64");
    return version === "v1" && given.length === expected.length && timingSafeEqual(given, expected);
  });
}
