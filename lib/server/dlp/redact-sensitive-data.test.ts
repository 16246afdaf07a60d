import { describe, expect, it } from "vitest";
import { redactSensitiveData } from "./redact-sensitive-data";
import { scanForSensitiveData } from "./scan-for-sensitive-data";
import { MAX_DEPTH } from "./types";

const fake = (...parts: string[]) => parts.join("");
const STRIPE_KEY = fake("sk_live_", "aB3dE5fG7hJ9kL2mN4pQ6rS8");

const PAYLOAD = {
  tool: "stripe.refund",
  args: {
    amount: 1200,
    card: "4242 4242 4242 4242",
    note: "Customer ada@example.com (+44 20 7946 0958) asked; SSN on file 536-22-1234.",
    payout: { iban: "DE89 3704 0044 0532 0130 00", live: true, fee: null },
  },
  headers: { authorization: "Bearer 8f3a9c2e7b1d4f6a0e5c9b2d7f1a3e6c", "x-api-key": STRIPE_KEY },
  dsn: "postgres://app:hunter2@db.internal:5432/orders",
};

describe("redactSensitiveData", () => {
  it("replaces every finding with a typed placeholder and keeps everything else", () => {
    const { value, count, truncated } = redactSensitiveData({ value: PAYLOAD });
    expect(value).toEqual({
      tool: "stripe.refund",
      args: {
        amount: 1200,
        card: "[REDACTED:card:…4242]",
        note: "Customer [REDACTED:email] ([REDACTED:phone]) asked; SSN on file [REDACTED:ssn].",
        payout: { iban: "[REDACTED:iban]", live: true, fee: null },
      },
      headers: { authorization: "Bearer [REDACTED:bearer-token]", "x-api-key": "[REDACTED:stripe-key]" },
      dsn: "postgres://app:[REDACTED:url-password]@db.internal:5432/orders",
    });
    expect(count).toBe(8);
    expect(truncated).toBe(0);
  });

  it("does not mutate the input", () => {
    const before = structuredClone(PAYLOAD);
    const { value } = redactSensitiveData({ value: PAYLOAD });
    expect(PAYLOAD).toEqual(before);
    expect(value).not.toBe(PAYLOAD);
    expect((value as typeof PAYLOAD).args).not.toBe(PAYLOAD.args);
  });

  it("is idempotent and leaves nothing a scan would find", () => {
    const once = redactSensitiveData({ value: PAYLOAD });
    const twice = redactSensitiveData({ value: once.value });
    expect(twice.value).toEqual(once.value);
    expect(twice.count).toBe(0);
    expect(scanForSensitiveData({ value: once.value }).findings).toEqual([]);
  });

  it("keeps at most the last four digits of a card, even one sent as a number", () => {
    expect(redactSensitiveData({ value: { pan: 4111111111111111, cents: 4200 } }).value).toEqual({
      pan: "[REDACTED:card:…1111]",
      cents: 4200,
    });
    expect(redactSensitiveData({ value: "3782-822463-10005" }).value).toBe("[REDACTED:card:…0005]");
  });

  it("redacts keys, keeping colliding keys apart", () => {
    const { value, count } = redactSensitiveData({ value: { "ada@example.com": 1, "bob@example.com": 2, total: 3 } });
    expect(value).toEqual({ "[REDACTED:email]": 1, "[REDACTED:email]#2": 2, total: 3 });
    expect(count).toBe(2);
    const spelledLikeAPlaceholder = redactSensitiveData({ value: { "ada@example.com": 1, "[REDACTED:email]": 2 } }).value;
    expect(spelledLikeAPlaceholder).toEqual({ "[REDACTED:email]": 1, "[REDACTED:email]#2": 2 });
  });

  it("keeps a JSON __proto__ key as data instead of setting a prototype", () => {
    const input: unknown = JSON.parse('{"__proto__": {"email": "ada@example.com"}}');
    const { value } = redactSensitiveData({ value: input });
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(value, "__proto__")?.value).toEqual({ email: "[REDACTED:email]" });
  });

  it("replaces containers beyond MAX_DEPTH with [TRUNCATED] and cycles with [CIRCULAR]", () => {
    let deep: unknown = { card: "4242424242424242" };
    for (let i = 0; i < MAX_DEPTH + 5; i++) deep = [deep];
    const truncated = redactSensitiveData({ value: deep });
    let cursor: unknown = truncated.value;
    for (let i = 0; i < MAX_DEPTH; i++) cursor = (cursor as unknown[])[0];
    expect(cursor).toBe("[TRUNCATED]");
    expect(truncated.truncated).toBe(1);
    expect(JSON.stringify(truncated.value)).not.toContain("4242424242424242");

    const cyclic: Record<string, unknown> = { email: "ada@example.com" };
    cyclic.self = cyclic;
    expect(redactSensitiveData({ value: cyclic }).value).toEqual({ email: "[REDACTED:email]", self: "[CIRCULAR]" });
  });

  it("returns non-string leaves and non-JSON objects as they were", () => {
    const at = new Date();
    const value = { ok: true, none: null, n: 12.5, at, list: [1, false] };
    const result = redactSensitiveData({ value }).value as typeof value;
    expect(result).toEqual(value);
    expect(result.at).toBe(at);
    expect(redactSensitiveData({ value: 42 }).value).toBe(42);
    expect(redactSensitiveData({ value: undefined }).value).toBeUndefined();
  });

  it("redacts a whole private key block, however long", () => {
    const pem = `-----BEGIN OPENSSH PRIVATE KEY-----\n${"b3BlbnNzaC1rZXktdjEAAAAA\n".repeat(40)}-----END OPENSSH PRIVATE KEY-----`;
    expect(redactSensitiveData({ value: { key: `before\n${pem}\nafter` } }).value).toEqual({
      key: "before\n[REDACTED:private-key]\nafter",
    });
  });
});
