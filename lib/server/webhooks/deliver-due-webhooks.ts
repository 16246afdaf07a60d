import "server-only";
import type { TDb } from "../db/client";
import { postWebhook, type TPostResult } from "./post-webhook";
import { MAX_DELIVERY_ATTEMPTS, retryDelayMs } from "./retry-delay";
import { signWebhookBody } from "./sign-webhook-body";
import { openWebhookSecret } from "./webhook-secret";

export const DELIVERY_BATCH_SIZE = 20;
const TIMEOUT_MS = 5_000;
// A claimed delivery is hidden from other dispatchers this long; if this process dies mid-send it comes due again.
const LEASE_MS = 60_000;

type TClaimed = { id: string; endpointId: string; event: string; payload: unknown; attempts: number; url: string; secretEncrypted: string };
export type TDispatchCounts = { claimed: number; delivered: number; retrying: number; failed: number };

/**
 * One dispatcher pass: claims due deliveries (SKIP LOCKED, so any number of instances can run
 * passes at once without sending a row twice), sends them, and records each outcome. `now` is the
 * clock for what is due and when to retry, so tests drive retries without waiting.
 */
export async function deliverDueWebhooks(db: TDb, now: Date = new Date()): Promise<TDispatchCounts> {
  const started = Date.now();
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  const claimed = await db.$queryRaw<TClaimed[]>`
    WITH due AS (
      SELECT d.id FROM webhook_deliveries d
      JOIN webhook_endpoints e ON e.id = d.endpoint_id AND e.enabled
      WHERE d.status = 'PENDING' AND d.next_attempt_at <= ${now.toISOString()}::timestamptz
      ORDER BY d.next_attempt_at
      LIMIT ${DELIVERY_BATCH_SIZE}
      FOR UPDATE OF d SKIP LOCKED
    )
    UPDATE webhook_deliveries d
    SET attempts = d.attempts + 1, next_attempt_at = ${leaseUntil.toISOString()}::timestamptz
    FROM due, webhook_endpoints e
    WHERE d.id = due.id AND e.id = d.endpoint_id
    RETURNING d.id::text AS id, d.endpoint_id::text AS "endpointId", d.event, d.payload, d.attempts, e.url, e.secret_encrypted AS "secretEncrypted"`;

  const outcomes = await Promise.all(
    claimed.map(async (delivery) => {
      const result = await send(delivery);
      // The explicit clock, moved on by the time the request really took.
      const finishedAt = new Date(now.getTime() + (Date.now() - started));
      return record(db, delivery, result, finishedAt);
    }),
  );
  return {
    claimed: claimed.length,
    delivered: outcomes.filter((o) => o === "DELIVERED").length,
    retrying: outcomes.filter((o) => o === "PENDING").length,
    failed: outcomes.filter((o) => o === "FAILED").length,
  };
}

async function send(delivery: TClaimed): Promise<TPostResult> {
  let secret: string;
  try {
    secret = openWebhookSecret(delivery.secretEncrypted, delivery.endpointId);
  } catch {
    return {
      ok: false,
      statusCode: null,
      error: "The signing secret cannot be decrypted (was TOLLGATE_SECRET_KEY changed?): rotate the endpoint's secret",
    };
  }
  const body = JSON.stringify(delivery.payload);
  // Signed with the wall clock: receivers compare it with theirs.
  const timestamp = Math.floor(Date.now() / 1000);
  return postWebhook({
    url: delivery.url,
    body,
    timeoutMs: TIMEOUT_MS,
    headers: {
      "tollgate-signature": signWebhookBody({ secret, body, timestamp }),
      "tollgate-event": delivery.event,
      "tollgate-delivery": delivery.id,
    },
  });
}

async function record(db: TDb, delivery: TClaimed, result: TPostResult, at: Date): Promise<"DELIVERED" | "PENDING" | "FAILED" | "LOST"> {
  const status = result.ok ? "DELIVERED" : delivery.attempts >= MAX_DELIVERY_ATTEMPTS ? "FAILED" : "PENDING";
  // Only while the claim is still ours: if the lease ran out and another dispatcher took over, its outcome wins.
  const { count } = await db.webhookDelivery.updateMany({
    where: { id: delivery.id, status: "PENDING", attempts: delivery.attempts },
    data: {
      status,
      lastStatusCode: result.statusCode,
      lastError: result.error,
      ...(status === "DELIVERED" ? { deliveredAt: at } : {}),
      ...(status === "PENDING" ? { nextAttemptAt: new Date(at.getTime() + retryDelayMs(delivery.attempts)) } : {}),
    },
  });
  return count ? status : "LOST";
}
