import { describe, expect, it } from "vitest";
import type { TApprovalWebhookData } from "@/lib/contracts/webhooks";
import { buildWebhookPayload } from "./build-webhook-payload";
import { sampleApproval } from "@/test/fixtures/webhooks";

const data: TApprovalWebhookData = sampleApproval({ id: "5b0c7f52-8a61-4d43-9d0b-0f7e0f7c2b11", reason: null });
const build = (type: Parameters<typeof buildWebhookPayload>[0]["type"], overrides: Partial<TApprovalWebhookData> = {}) =>
  buildWebhookPayload({ id: "d1", occurredAt: new Date("2026-11-21T11:30:00Z"), type, data: { ...data, ...overrides } });

describe("buildWebhookPayload", () => {
  it("summarises each event in one line", () => {
    expect(build("approval.created").text).toBe(
      ":hourglass: T3 approval needed: refund.issue on billing-agent — 0/2 approvals, expires 12:30 UTC",
    );
    expect(build("approval.escalated", { approvals: 1 }).text).toBe(
      ":rotating_light: T3 approval escalated: refund.issue on billing-agent — 1/2 approvals, expires 12:30 UTC",
    );
    expect(build("approval.decided", { status: "APPROVED", approvals: 2 }).text).toBe(
      ":white_check_mark: T3 approval approved: refund.issue on billing-agent — 2/2 approvals",
    );
    expect(build("approval.decided", { status: "EXPIRED" }).text).toMatch(/^:no_entry: T3 approval expired:/);
  });

  it("carries the envelope receivers need next to Slack's fields", () => {
    expect(build("approval.created")).toMatchObject({ event: "approval.created", id: "d1", occurredAt: "2026-11-21T11:30:00.000Z", data });
  });

  it("stays within Slack's block limits even with a huge reason", () => {
    const payload = build("approval.decided", { status: "DENIED", reason: "x".repeat(10_000), breakGlass: true });
    expect(payload.text.length).toBeLessThanOrEqual(3000);
    expect(payload.blocks.length).toBeLessThanOrEqual(50);
    for (const block of payload.blocks) {
      expect((block.text?.text ?? "").length).toBeLessThanOrEqual(3000);
      expect(block.fields?.length ?? 0).toBeLessThanOrEqual(10);
      for (const field of block.fields ?? []) expect(field.text.length).toBeLessThanOrEqual(2000);
      for (const element of block.elements ?? []) expect(element.text.length).toBeLessThanOrEqual(2000);
    }
    expect(JSON.stringify(payload.blocks)).toContain("(break-glass)");
  });
});

describe("buildWebhookPayload escaping", () => {
  it("keeps Slack from reading names and reasons as mentions or links", () => {
    const payload = build("approval.decided", {
      status: "DENIED",
      workflowKey: "a<b",
      reason: "<!channel> see <https://evil.example|here> & more",
    });
    expect(payload.text).toContain("on a&lt;b");
    const blocks = JSON.stringify(payload.blocks);
    expect(blocks).not.toContain("<!channel>");
    expect(blocks).toContain("&lt;!channel&gt; see &lt;https://evil.example|here&gt; &amp; more");
    // The data stays as it was, for receivers that are not Slack.
    expect(payload.data.reason).toBe("<!channel> see <https://evil.example|here> & more");
  });
});
