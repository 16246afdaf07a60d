import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ZCreateWebhookEndpoint, ZUpdateWebhookEndpoint } from "@/lib/contracts/webhooks";
import { runAudited } from "../audit/run-audited";
import { db } from "../db/client";
import { notificationHub } from "../db/notifications";
import { createWebhookEndpoint } from "./create-webhook-endpoint";
import { deliverDueWebhooks } from "./deliver-due-webhooks";
import { enqueueWebhookEvent } from "./enqueue-webhook-event";
import { startTestReceiver } from "@/test/fixtures/webhook-receiver";
import { givenSecurityUser, sampleApproval } from "@/test/fixtures/webhooks";
import { updateWebhookEndpoint } from "./update-webhook-endpoint";
import { sealWebhookSecret } from "./webhook-secret";

// The fixtures allow private targets for the other files' local receivers; this file tests the rule.
process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS = "false";

let receiver: Awaited<ReturnType<typeof startTestReceiver>>;
beforeAll(async () => (receiver = await startTestReceiver()));
afterAll(async () => {
  await receiver.close();
  await notificationHub().close();
});
beforeEach(() => db.webhookEndpoint.deleteMany());

const create = async (url: string) => {
  const { user, actor } = await givenSecurityUser();
  const input = ZCreateWebhookEndpoint.parse({ name: "Hook", url, events: ["approval.created"] });
  return runAudited(db, (tx) => createWebhookEndpoint({ tx, actor, userId: user.id, input }));
};
const port = () => new URL(receiver.url).port;

describe("webhook targets", () => {
  it.each([
    ["http://127.0.0.1:9/", "127.0.0.1 is a loopback address"],
    ["http://2130706433/", "127.0.0.1 is a loopback address"],
    ["http://0x7f.0.0.1/", "127.0.0.1 is a loopback address"],
    ["http://017700000001/", "127.0.0.1 is a loopback address"],
    ["http://[::1]/", "[::1] is a loopback address"],
    ["http://[::ffff:127.0.0.1]/", "[::ffff:7f00:1] is a loopback address"],
    ["http://LOCALHOST./hook", "localhost is a loopback name"],
    ["http://api.localhost/hook", "api.localhost is a loopback name"],
    ["http://10.0.0.5/hook", "10.0.0.5 is a private address (RFC 1918)"],
    ["http://192.168.1.10/hook", "192.168.1.10 is a private address (RFC 1918)"],
    ["http://[fd00::1]/hook", "[fd00::1] is a unique local address (fc00::/7)"],
    ["http://169.254.10.1/hook", "169.254.10.1 is a link-local address"],
    ["http://100.64.1.1/hook", "100.64.1.1 is a carrier-grade NAT address (100.64.0.0/10)"],
    ["http://0.0.0.0/hook", "0.0.0.0 is the unspecified address"],
    ["http://224.0.0.1/hook", "224.0.0.1 is a multicast address"],
    ["http://169.254.169.254/latest/meta-data", "169.254.169.254 is a cloud metadata address"],
    ["http://[fd00:ec2::254]/", "[fd00:ec2::254] is a cloud metadata address"],
    ["http://metadata.google.internal/computeMetadata/v1", "metadata.google.internal is a cloud metadata name"],
  ])("refuses %s at creation with a 400 naming the rule, storing nothing", async (url, rule) => {
    await expect(create(url)).rejects.toMatchObject({
      code: "validation_failed",
      detail: expect.stringContaining(rule),
      fieldProblems: [{ path: "body.url", message: expect.stringContaining("WEBHOOK_ALLOW_PRIVATE_TARGETS=true") }],
    });
    expect(await db.webhookEndpoint.count()).toBe(0);
    expect(
      await db.auditEvent.count({ where: { action: "webhook.endpoint.changed", data: { path: ["after", "url"], equals: url } } }),
    ).toBe(0);
  });

  it("refuses the same at update, and keeps the endpoint's URL", async () => {
    const { endpoint } = await create("https://hooks.example.com/tollgate");
    const { actor } = await givenSecurityUser();
    const input = ZUpdateWebhookEndpoint.parse({ url: "http://[::ffff:a9fe:a9fe]/" });
    await expect(runAudited(db, (tx) => updateWebhookEndpoint({ tx, actor, id: endpoint.id, input }))).rejects.toMatchObject({
      code: "validation_failed",
      detail: expect.stringContaining("is a cloud metadata address"),
    });
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).url).toBe("https://hooks.example.com/tollgate");
  });

  it.each([
    // A name is judged by what it resolves to, on the connection's own lookup.
    ["a host name resolving to loopback", () => `http://localhost:${port()}/hook`, "Not sent: localhost resolves to a loopback address"],
    ["an IP literal", () => `http://[::ffff:127.0.0.1]:${port()}/hook`, "Not sent: [::ffff:7f00:1] is a loopback address"],
  ])("fails a delivery to %s stored before the rule, sending nothing", async (_what, url, error) => {
    // Written directly, as an endpoint created before this rule (or while the variable was set) is.
    const { user } = await givenSecurityUser();
    const id = crypto.randomUUID();
    await db.webhookEndpoint.create({
      data: {
        id,
        name: "Old",
        url: url(),
        events: ["approval.created"],
        secretEncrypted: sealWebhookSecret("s".repeat(32), id),
        createdById: user.id,
      },
    });
    await db.$transaction((tx) => enqueueWebhookEvent(tx, { type: "approval.created", data: sampleApproval() }));

    expect(await deliverDueWebhooks(db)).toMatchObject({ claimed: 1, delivered: 0, retrying: 1 });
    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: id } });
    expect(delivery).toMatchObject({ status: "PENDING", lastStatusCode: null, lastError: expect.stringContaining(error) });
    expect(delivery.lastError).toContain("WEBHOOK_ALLOW_PRIVATE_TARGETS=true");
    expect(receiver.received).toEqual([]);
  });
});
