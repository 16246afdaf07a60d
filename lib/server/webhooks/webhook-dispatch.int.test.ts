import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { notificationHub } from "../db/notifications";
import { deliverDueWebhooks } from "./deliver-due-webhooks";
import { enqueueWebhookEvent } from "./enqueue-webhook-event";
import { MAX_DELIVERY_ATTEMPTS } from "./retry-delay";
import { startTestReceiver } from "@/test/fixtures/webhook-receiver";
import { givenEndpoint, sampleApproval } from "@/test/fixtures/webhooks";
import { runAudited } from "../audit/run-audited";
import { retryWebhookDelivery } from "./retry-webhook-delivery";

type TReceiver = Awaited<ReturnType<typeof startTestReceiver>>;
let receiver: TReceiver;
const receivers: TReceiver[] = [];

beforeEach(async () => {
  // Each test starts from an empty outbox and its own receiver.
  await db.webhookEndpoint.deleteMany();
  receiver = await startTestReceiver();
  receivers.push(receiver);
});

afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  await notificationHub().close();
});

async function givenReceivingEndpoint(input: Parameters<typeof givenEndpoint>[1] = {}) {
  const issued = await givenEndpoint(receiver.url, input);
  receiver.useSecret(issued.secret);
  return issued;
}

const enqueueCommitted = (type: "approval.created" | "approval.escalated" | "approval.decided", data = sampleApproval()) =>
  db.$transaction((tx) => enqueueWebhookEvent(tx, { type, data }));
const deliveryOf = (endpointId: string) => db.webhookDelivery.findFirstOrThrow({ where: { endpointId } });

describe("the webhook outbox", () => {
  it("delivers an event committed with its change, signed, in a body Slack accepts", async () => {
    const { endpoint } = await givenReceivingEndpoint();
    const data = sampleApproval();
    expect(await enqueueCommitted("approval.created", data)).toBe(1);

    expect(await deliverDueWebhooks(db)).toMatchObject({ claimed: 1, delivered: 1 });
    const [request] = receiver.received;
    const delivery = await deliveryOf(endpoint.id);
    expect(request?.verdict).toMatchObject({ ok: true });
    expect(request?.headers).toMatchObject({
      "tollgate-event": "approval.created",
      "tollgate-delivery": delivery.id,
      "content-type": "application/json",
    });
    const body = JSON.parse(request?.body ?? "{}") as Record<string, unknown>;
    expect(body).toMatchObject({ event: "approval.created", id: delivery.id, data });
    expect(body.text).toBe(":hourglass: T3 approval needed: refund.issue on billing-agent — 0/2 approvals, expires 12:30 UTC");
    const blocks = body.blocks as { type: string; text?: { type: string; text: string }; fields?: { type: string; text: string }[] }[];
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) {
      expect(["section", "context"]).toContain(block.type);
      if (block.text) expect(block.text.text.length).toBeLessThanOrEqual(3000);
      expect(block.fields?.length ?? 0).toBeLessThanOrEqual(10);
      for (const field of block.fields ?? []) expect(field).toMatchObject({ type: "mrkdwn", text: expect.any(String) as string });
    }
    expect(delivery).toMatchObject({ status: "DELIVERED", attempts: 1, lastStatusCode: 200, lastError: null });
    expect(delivery.deliveredAt).toBeInstanceOf(Date);
    expect(request?.body).not.toContain("receiver says hello");
  });

  it("sends nothing for a change that rolled back", async () => {
    const { endpoint } = await givenReceivingEndpoint();
    const rolledBack = db.$transaction(async (tx) => {
      expect(await enqueueWebhookEvent(tx, { type: "approval.created", data: sampleApproval() })).toBe(1);
      throw new Error("the approval change failed");
    });
    await expect(rolledBack).rejects.toThrow("the approval change failed");

    expect(await db.webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(0);
    expect(await deliverDueWebhooks(db)).toMatchObject({ claimed: 0 });
    expect(receiver.received).toHaveLength(0);
  });

  it("queues nothing for a disabled endpoint or an event it does not subscribe to", async () => {
    const created = await givenReceivingEndpoint({ events: ["approval.created"] });
    const disabled = await givenReceivingEndpoint({ events: ["approval.escalated"], enabled: false });

    expect(await enqueueCommitted("approval.escalated")).toBe(0);
    expect(await enqueueCommitted("approval.decided")).toBe(0);
    expect(await enqueueCommitted("approval.created")).toBe(1);
    expect(await db.webhookDelivery.findMany({ select: { endpointId: true, event: true } })).toEqual([
      { endpointId: created.endpoint.id, event: "approval.created" },
    ]);
    expect(await db.webhookDelivery.count({ where: { endpointId: disabled.endpoint.id } })).toBe(0);
  });

  it("retries a failed attempt with growing backoff until the receiver takes it", async () => {
    const { endpoint } = await givenReceivingEndpoint();
    receiver.answer(500, 503, 500);
    await enqueueCommitted("approval.decided", sampleApproval({ status: "APPROVED", approvals: 2, reason: "Checked the invoice" }));

    let now = new Date();
    const gaps: number[] = [];
    for (const [attempt, status] of [
      [1, 500],
      [2, 503],
      [3, 500],
    ] as const) {
      expect(await deliverDueWebhooks(db, now)).toMatchObject({ claimed: 1, retrying: 1 });
      const delivery = await deliveryOf(endpoint.id);
      expect(delivery).toMatchObject({
        status: "PENDING",
        attempts: attempt,
        lastStatusCode: status,
        lastError: `The receiver answered ${status}`,
      });
      gaps.push(delivery.nextAttemptAt.getTime() - now.getTime());
      // Not due a moment before its time.
      expect(await deliverDueWebhooks(db, new Date(delivery.nextAttemptAt.getTime() - 1_000))).toMatchObject({ claimed: 0 });
      now = delivery.nextAttemptAt;
    }
    expect(gaps[0]).toBeGreaterThanOrEqual(8_000);
    expect(gaps[1]).toBeGreaterThan(gaps[0] ?? Infinity);
    expect(gaps[2]).toBeGreaterThan(gaps[1] ?? Infinity);

    expect(await deliverDueWebhooks(db, now)).toMatchObject({ claimed: 1, delivered: 1 });
    expect(await deliveryOf(endpoint.id)).toMatchObject({ status: "DELIVERED", attempts: 4, lastStatusCode: 200, lastError: null });
    expect(receiver.received).toHaveLength(4);
    // Every attempt is the same event: one id to dedupe on, one body, each freshly signed.
    expect(new Set(receiver.received.map((r) => r.headers["tollgate-delivery"])).size).toBe(1);
    expect(new Set(receiver.received.map((r) => r.body)).size).toBe(1);
    expect(receiver.received.every((r) => r.verdict.ok)).toBe(true);
  });

  it("gives up after the last attempt, and a manual retry makes exactly one more", async () => {
    const { endpoint, actor } = await givenReceivingEndpoint();
    receiver.answer(...Array<number>(MAX_DELIVERY_ATTEMPTS + 1).fill(500));
    await enqueueCommitted("approval.created");

    let now = new Date();
    for (let attempt = 1; attempt <= MAX_DELIVERY_ATTEMPTS; attempt++) {
      expect(await deliverDueWebhooks(db, now)).toMatchObject({ claimed: 1 });
      now = (await deliveryOf(endpoint.id)).nextAttemptAt;
    }
    const failed = await deliveryOf(endpoint.id);
    expect(failed).toMatchObject({ status: "FAILED", attempts: MAX_DELIVERY_ATTEMPTS, lastStatusCode: 500 });
    expect(await deliverDueWebhooks(db, new Date(now.getTime() + 86_400_000))).toMatchObject({ claimed: 0 });
    expect(receiver.received).toHaveLength(MAX_DELIVERY_ATTEMPTS);

    const retried = await runAudited(db, (tx) => retryWebhookDelivery({ tx, actor, id: failed.id }));
    expect(retried).toMatchObject({ status: "PENDING", attempts: MAX_DELIVERY_ATTEMPTS });
    await expect(runAudited(db, (tx) => retryWebhookDelivery({ tx, actor, id: failed.id }))).rejects.toMatchObject({ code: "conflict" });
    expect(await deliverDueWebhooks(db)).toMatchObject({ claimed: 1, failed: 1 });
    expect(await deliveryOf(endpoint.id)).toMatchObject({ status: "FAILED", attempts: MAX_DELIVERY_ATTEMPTS + 1 });
    const audit = await db.auditEvent.findMany({ where: { action: "webhook.delivery.retried", targetId: endpoint.id } });
    expect(audit.map((a) => a.data)).toEqual([{ deliveryId: failed.id, event: "approval.created", attempts: MAX_DELIVERY_ATTEMPTS }]);
  });

  it("records an unreachable receiver and a redirect as failed attempts, without following the redirect", async () => {
    const { endpoint } = await givenReceivingEndpoint();
    receiver.answer(302);
    await enqueueCommitted("approval.created");
    await deliverDueWebhooks(db);
    expect(await deliveryOf(endpoint.id)).toMatchObject({
      status: "PENDING",
      lastStatusCode: 302,
      lastError: expect.stringContaining("redirect") as string,
    });
    expect(receiver.received).toHaveLength(1);

    const closed = await startTestReceiver();
    await closed.close();
    const gone = await givenEndpoint(closed.url);
    await enqueueCommitted("approval.created");
    await deliverDueWebhooks(db, new Date(Date.now() + 3_600_000));
    expect(await deliveryOf(gone.endpoint.id)).toMatchObject({
      status: "PENDING",
      lastStatusCode: null,
      lastError: expect.stringContaining("ECONNREFUSED") as string,
    });
  });

  it("never sends one delivery twice when several dispatchers run at once", async () => {
    const { endpoint } = await givenReceivingEndpoint();
    const total = 45;
    for (let i = 0; i < total; i++) await enqueueCommitted("approval.created");

    const now = new Date();
    const passes = await Promise.all([1, 2, 3, 4].map(() => deliverDueWebhooks(db, now)));
    const claimed = passes.reduce((sum, p) => sum + p.claimed, 0);
    expect(passes.filter((p) => p.claimed > 0).length).toBeGreaterThan(1);
    while ((await deliverDueWebhooks(db, now)).claimed > 0);

    const ids = receiver.received.map((r) => r.headers["tollgate-delivery"]);
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
    expect(claimed).toBeLessThanOrEqual(total);
    expect(await db.webhookDelivery.count({ where: { endpointId: endpoint.id, status: "DELIVERED", attempts: 1 } })).toBe(total);
  });
});
