import "server-only";
import { createHmac } from "node:crypto";

/** The value of `Tollgate-Signature`: HMAC-SHA256 over `${timestamp}.${body}`, the scheme Stripe made familiar. */
export function signWebhookBody(options: { secret: string; body: string; timestamp: number }): string {
  const { secret, body, timestamp } = options;
  return `t=${timestamp},v1=${webhookHmac(secret, timestamp, body)}`;
}

export function webhookHmac(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}
