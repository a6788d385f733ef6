// Runs verifyWebhook on one delivery given by environment variables, for the test that checks the snippet.
import { verifyWebhook } from "./verify-webhook";

const env = (name: string): string => process.env[name] ?? "";
const valid = verifyWebhook(
  env("SECRET"),
  { id: env("WEBHOOK_ID"), timestamp: env("WEBHOOK_TIMESTAMP"), signature: env("WEBHOOK_SIGNATURE") },
  env("BODY"),
  Number(env("NOW")),
);
console.log(valid ? "valid" : "invalid");
