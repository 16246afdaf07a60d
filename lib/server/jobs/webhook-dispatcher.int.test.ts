import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { notificationHub } from "../db/notifications";
import { enqueueWebhookEvent } from "../webhooks/enqueue-webhook-event";
import { givenEndpoint, sampleApproval } from "@/test/fixtures/webhooks";
import { startTestReceiver } from "@/test/fixtures/webhook-receiver";
import { webhookDispatcher } from "./webhook-dispatcher";

let receiver: Awaited<ReturnType<typeof startTestReceiver>>;

beforeEach(async () => {
  await db.webhookEndpoint.deleteMany();
  receiver = await startTestReceiver();
  return () => receiver.close();
});

afterAll(async () => {
  await notificationHub().close();
});

describe("the webhook dispatcher job", () => {
  it("delivers on NOTIFY, without waiting for its poll", async () => {
    const issued = await givenEndpoint(receiver.url);
    receiver.useSecret(issued.secret);
    const stop = webhookDispatcher.start();
    try {
      await notificationHub().start();
      const committedAt = Date.now();
      await db.$transaction((tx) => enqueueWebhookEvent(tx, { type: "approval.created", data: sampleApproval() }));
      await receiver.waitFor(1);
      // The poll runs every 5 s; only the notification gets it there this fast.
      expect(Date.now() - committedAt).toBeLessThan(2_500);
      expect(receiver.received[0]?.verdict.ok).toBe(true);
      const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: issued.endpoint.id } });
      expect(receiver.received[0]?.headers["tollgate-delivery"]).toBe(delivery.id);
    } finally {
      stop();
    }
  });
});
