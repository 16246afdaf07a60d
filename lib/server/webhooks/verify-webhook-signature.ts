import "server-only";
import { timingSafeEqual } from "node:crypto";
import { webhookHmac } from "./sign-webhook-body";

export const DEFAULT_SIGNATURE_TOLERANCE_SECONDS = 300;

export type TSignatureVerdict = { ok: true; timestamp: number } | { ok: false; reason: string };

/**
 * What a receiver does with `Tollgate-Signature: t=…,v1=…`: recompute the HMAC over the raw body
 * and refuse stale timestamps, so a captured request cannot be replayed later. Several `v1` values
 * are accepted, for receivers that check against more than one secret.
 */
export function verifyWebhookSignature(options: {
  secret: string;
  header: string | null | undefined;
  body: string;
  now?: Date;
  toleranceSeconds?: number;
}): TSignatureVerdict {
  const { secret, header, body } = options;
  const tolerance = options.toleranceSeconds ?? DEFAULT_SIGNATURE_TOLERANCE_SECONDS;
  const parts = (header ?? "").split(",").map((part) => part.trim().split("="));
  const timestamps = parts.filter(([key]) => key === "t").map(([, value]) => Number(value));
  const signatures = parts.filter(([key, value]) => key === "v1" && value).map(([, value]) => value ?? "");
  const timestamp = timestamps[0];
  if (timestamps.length !== 1 || timestamp === undefined || !Number.isInteger(timestamp)) return { ok: false, reason: "no timestamp (t=) in the signature header" };
  if (!signatures.length) return { ok: false, reason: "no v1 signature in the signature header" };
  const nowSeconds = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (Math.abs(nowSeconds - timestamp) > tolerance) return { ok: false, reason: `timestamp is more than ${tolerance} seconds away from now` };
  const expected = Buffer.from(webhookHmac(secret, timestamp, body), "hex");
  const matches = signatures.some((signature) => {
    const given = Buffer.from(signature, "hex");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return matches ? { ok: true, timestamp } : { ok: false, reason: "signature does not match the body" };
}
