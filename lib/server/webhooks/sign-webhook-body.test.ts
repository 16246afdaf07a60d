import { describe, expect, it } from "vitest";
import { signWebhookBody } from "./sign-webhook-body";
import { verifyWebhookSignature } from "@/test/fixtures/verify-webhook-signature";

const secret = "whsec_test-secret";
const body = JSON.stringify({ text: "hello", id: "1" });
const sentAt = new Date("2026-11-21T12:00:00Z");
const timestamp = sentAt.getTime() / 1000;
const header = signWebhookBody({ secret, body, timestamp });

describe("verifyWebhookSignature", () => {
  it("accepts the signature of the exact body within the tolerance", () => {
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature({ secret, header, body, now: sentAt })).toEqual({ ok: true, timestamp });
    expect(verifyWebhookSignature({ secret, header, body, now: new Date(sentAt.getTime() + 299_000) })).toMatchObject({ ok: true });
  });

  it("accepts when any of several v1 signatures matches (a receiver switching secrets)", () => {
    const other = signWebhookBody({ secret: "whsec_other", body, timestamp }).split(",")[1];
    expect(verifyWebhookSignature({ secret, header: `${header},${other}`, body, now: sentAt })).toMatchObject({ ok: true });
  });

  it("refuses a tampered body, another secret, a stale or future timestamp, and a malformed header", () => {
    const refused = (options: Partial<Parameters<typeof verifyWebhookSignature>[0]>) =>
      verifyWebhookSignature({ secret, header, body, now: sentAt, ...options }).ok;
    expect(refused({ body: body.replace("hello", "hellO") })).toBe(false);
    expect(refused({ secret: "whsec_other" })).toBe(false);
    expect(refused({ now: new Date(sentAt.getTime() + 301_000) })).toBe(false);
    expect(refused({ now: new Date(sentAt.getTime() - 301_000) })).toBe(false);
    expect(refused({ now: new Date(sentAt.getTime() + 60_000), toleranceSeconds: 30 })).toBe(false);
    // A re-signed timestamp without the secret cannot match.
    expect(refused({ header: header.replace(`t=${timestamp}`, `t=${timestamp + 1}`) })).toBe(false);
    for (const bad of [null, "", "v1=abc", `t=${timestamp}`, `t=${timestamp},v1=zz`, `t=soon,v1=${"0".repeat(64)}`])
      expect(refused({ header: bad })).toBe(false);
  });
});
