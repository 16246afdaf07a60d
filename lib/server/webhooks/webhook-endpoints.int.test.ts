import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZUpdateWebhookEndpoint, type TUpdateWebhookEndpoint } from "@/lib/contracts/webhooks";
import { runAudited } from "../audit/run-audited";
import { db } from "../db/client";
import { deleteWebhookEndpoint } from "./delete-webhook-endpoint";
import { deliverDueWebhooks } from "./deliver-due-webhooks";
import { enqueueWebhookEvent } from "./enqueue-webhook-event";
import { listWebhookDeliveries } from "./list-webhook-deliveries";
import { listWebhookEndpoints } from "./list-webhook-endpoints";
import { rotateWebhookSecret } from "./rotate-webhook-secret";
import { sendTestWebhook } from "./send-test-webhook";
import { startTestReceiver } from "@/test/fixtures/webhook-receiver";
import { givenEndpoint, sampleApproval } from "@/test/fixtures/webhooks";
import { DISABLED_BEFORE_DELIVERY, updateWebhookEndpoint } from "./update-webhook-endpoint";
import { openWebhookSecret } from "./webhook-secret";
import { verifyWebhookSignature } from "@/test/fixtures/verify-webhook-signature";

// Like a Slack incoming webhook, whose URL is itself a credential.
const SLACK_TOKEN = "xoxAbCdEfGhIjKlMnOpQrStUv";
let receiver: Awaited<ReturnType<typeof startTestReceiver>>;
beforeAll(async () => (receiver = await startTestReceiver()));
afterAll(() => receiver.close());

const slackLikeUrl = () => `${receiver.url}/T0001/B0002/${SLACK_TOKEN}`;
const update = (actor: Parameters<typeof updateWebhookEndpoint>[0]["actor"], id: string, input: TUpdateWebhookEndpoint) =>
  runAudited(db, (tx) => updateWebhookEndpoint({ tx, actor, id, input: ZUpdateWebhookEndpoint.parse(input) }));
const enqueue = () => db.$transaction((tx) => enqueueWebhookEvent(tx, { type: "approval.created", data: sampleApproval() }));
const auditOf = (id: string) =>
  db.auditEvent.findMany({ where: { targetType: "webhook_endpoint", targetId: id }, orderBy: { seq: "asc" } });

describe("webhook endpoints", () => {
  it("shows the secret once, stores it encrypted, and audits the endpoint without it or the URL's token", async () => {
    const { endpoint, secret } = await givenEndpoint(slackLikeUrl());

    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(endpoint).toMatchObject({
      name: "Approvals channel",
      url: slackLikeUrl(),
      events: ["approval.created", "approval.decided"],
      enabled: true,
      pending: 0,
      failed: 0,
    });
    const stored = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(stored.secretEncrypted).not.toContain(secret.slice(6));
    expect(openWebhookSecret(stored.secretEncrypted, endpoint.id)).toBe(secret);
    // Bound to its endpoint: a sealed secret copied to another row does not open.
    expect(() => openWebhookSecret(stored.secretEncrypted, "00000000-0000-4000-8000-000000000000")).toThrow();

    const [created] = await auditOf(endpoint.id);
    expect(created).toMatchObject({
      action: "webhook.endpoint.changed",
      data: { before: null, after: { name: "Approvals channel", enabled: true } },
    });
    expect(JSON.stringify(created?.data)).not.toContain(SLACK_TOKEN);
    expect(JSON.stringify(created?.data)).toContain(`/T0001/B0002/…${SLACK_TOKEN.slice(-4)}`);
  });

  it("edits name, events and enabled, and disabling gives up the pending deliveries", async () => {
    const { endpoint, actor } = await givenEndpoint(receiver.url);
    await enqueue();

    const edited = await update(actor, endpoint.id, { name: "Paging", events: ["approval.escalated", "approval.created"] });
    expect(edited).toMatchObject({ name: "Paging", events: ["approval.created", "approval.escalated"], pending: 1 });
    const disabled = await update(actor, endpoint.id, { enabled: false });
    expect(disabled).toMatchObject({ enabled: false, pending: 0, failed: 1 });
    expect(await db.webhookDelivery.findFirst({ where: { endpointId: endpoint.id } })).toMatchObject({
      status: "FAILED",
      lastError: DISABLED_BEFORE_DELIVERY,
    });
    await expect(runAudited(db, (tx) => sendTestWebhook({ tx, actor, id: endpoint.id }))).rejects.toMatchObject({ code: "conflict" });

    await expect(update(actor, endpoint.id, { enabled: false })).rejects.toMatchObject({
      code: "bad_request",
      detail: expect.stringContaining("Nothing to change") as string,
    });
    await expect(update(actor, "00000000-0000-4000-8000-000000000000", { enabled: true })).rejects.toMatchObject({ code: "not_found" });
    const changes = (await auditOf(endpoint.id)).slice(1).map((e) => e.data);
    expect(changes).toEqual([
      {
        before: expect.objectContaining({ name: "Approvals channel", events: ["approval.created", "approval.decided"] }) as object,
        after: expect.objectContaining({ name: "Paging", events: ["approval.created", "approval.escalated"] }) as object,
      },
      { before: expect.objectContaining({ enabled: true }) as object, after: expect.objectContaining({ enabled: false }) as object },
    ]);
  });

  it("signs with the new secret from the moment it is rotated", async () => {
    const { endpoint, actor, secret: first } = await givenEndpoint(receiver.url);
    const rotated = await runAudited(db, (tx) => rotateWebhookSecret({ tx, actor, id: endpoint.id }));
    expect(rotated.secret).not.toBe(first);

    receiver.useSecret(rotated.secret);
    const test = await runAudited(db, (tx) => sendTestWebhook({ tx, actor, id: endpoint.id }));
    expect(test).toMatchObject({ event: "webhook.test", status: "PENDING", endpointName: "Approvals channel" });
    await deliverDueWebhooks(db);
    const request = receiver.received.find((r) => r.headers["tollgate-delivery"] === test.id);
    expect(request?.verdict.ok).toBe(true);
    const header = String(request?.headers["tollgate-signature"]);
    expect(verifyWebhookSignature({ secret: first, header, body: request?.body ?? "" })).toMatchObject({ ok: false });
    expect(JSON.parse(request?.body ?? "{}")).toMatchObject({
      event: "webhook.test",
      id: test.id,
      text: expect.stringContaining("test delivery") as string,
    });
    expect((await auditOf(endpoint.id)).map((e) => e.action)).toEqual([
      "webhook.endpoint.changed",
      "webhook.endpoint.changed",
      "webhook.test.sent",
    ]);
  });

  it("deletes an endpoint with its delivery log", async () => {
    const { endpoint, actor } = await givenEndpoint(receiver.url);
    await enqueue();
    await runAudited(db, (tx) => deleteWebhookEndpoint({ tx, actor, id: endpoint.id }));

    expect(await db.webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(0);
    expect((await listWebhookEndpoints()).endpoints.map((e) => e.id)).not.toContain(endpoint.id);
    expect((await auditOf(endpoint.id)).at(-1)?.data).toMatchObject({ before: { name: "Approvals channel" }, after: null });
    await expect(runAudited(db, (tx) => deleteWebhookEndpoint({ tx, actor, id: endpoint.id }))).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("lists the delivery log newest first, by endpoint and status, a page at a time", async () => {
    const a = await givenEndpoint(receiver.url, { name: "A" });
    const b = await givenEndpoint(receiver.url, { name: "B", events: ["approval.decided"] });
    for (let i = 0; i < 3; i++) await enqueue();
    await runAudited(db, (tx) => sendTestWebhook({ tx, actor: b.actor, id: b.endpoint.id }));

    const first = await listWebhookDeliveries({ query: { endpointId: a.endpoint.id, limit: 2 } });
    expect(first.deliveries.map((d) => d.endpointName)).toEqual(["A", "A"]);
    const second = await listWebhookDeliveries({ query: { endpointId: a.endpoint.id, limit: 2, cursor: first.nextCursor ?? undefined } });
    expect(second).toMatchObject({ nextCursor: null, deliveries: [{ endpointName: "A" }] });
    expect(new Set([...first.deliveries, ...second.deliveries].map((d) => d.id)).size).toBe(3);

    const pendingOfB = await listWebhookDeliveries({ query: { endpointId: b.endpoint.id, status: "PENDING", limit: 50 } });
    expect(pendingOfB.deliveries).toMatchObject([
      { event: "webhook.test", status: "PENDING", attempts: 0, nextAttemptAt: expect.any(String) as string },
    ]);
    expect(await listWebhookDeliveries({ query: { endpointId: b.endpoint.id, status: "FAILED", limit: 50 } })).toEqual({
      deliveries: [],
      nextCursor: null,
    });
  });

  it("never lets a secret out through a read or the audit log", async () => {
    const { endpoint, actor, secret } = await givenEndpoint(slackLikeUrl());
    const rotated = await runAudited(db, (tx) => rotateWebhookSecret({ tx, actor, id: endpoint.id }));
    await update(actor, endpoint.id, { name: "Renamed", events: ["approval.created"] });
    await runAudited(db, (tx) => sendTestWebhook({ tx, actor, id: endpoint.id }));
    await enqueue();
    const { secretEncrypted } = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });

    const reads = JSON.stringify([
      await listWebhookEndpoints(),
      await listWebhookDeliveries({ query: { limit: 200 } }),
      await listWebhookDeliveries({ query: { endpointId: endpoint.id, limit: 200 } }),
    ]);
    const audit = JSON.stringify((await db.auditEvent.findMany({ select: { data: true } })).map((e) => e.data));
    for (const leaked of [secret, rotated.secret, secretEncrypted, secret.slice(6), rotated.secret.slice(6)]) {
      expect(reads).not.toContain(leaked);
      expect(audit).not.toContain(leaked);
    }
    expect(audit).not.toContain(SLACK_TOKEN);
    expect(reads).toContain("Renamed");
  });
});
