import { describe, expect, it } from "vitest";
import { scanForSensitiveData } from "./scan-for-sensitive-data";
import { MAX_DEPTH } from "./types";

const CARD = "4242 4242 4242 4242";

const nest = (depth: number, leaf: unknown): unknown => {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = { next: value };
  return value;
};

describe("scanForSensitiveData", () => {
  it("reports kind, tag, path and offsets for strings nested in objects and arrays", () => {
    const value = { refund: { notes: ["ok", `card ${CARD} was charged twice`] }, contact: { email: "ada@example.com" } };
    expect(scanForSensitiveData({ value }).findings).toEqual([
      { kind: "card", tag: "PCI", path: ["refund", "notes", 1], start: 5, end: 24, inKey: false },
      { kind: "email", tag: "PII", path: ["contact", "email"], start: 0, end: 15, inKey: false },
    ]);
  });

  it("collects the tags of every class found", () => {
    const { tags } = scanForSensitiveData({ value: { a: CARD, b: "call +44 20 7946 0958", c: "Bearer 8f3a9c2e7b1d4f6a0e5c9b2d7f1a3e6c" } });
    expect([...tags].sort()).toEqual(["CREDENTIALS", "PCI", "PII"]);
  });

  it("scans object keys, marking the finding as in the key, whose text the path does not repeat", () => {
    const { findings } = scanForSensitiveData({ value: { byCustomer: { "ada@example.com": { total: 12 } } } });
    expect(findings).toEqual([{ kind: "email", tag: "PII", path: ["byCustomer", "[REDACTED:email]"], start: 0, end: 15, inKey: true }]);
  });

  it("never carries a sensitive key in any finding's path, also beneath it", () => {
    const value = { refunds: { [`card ${CARD}`]: { "4111111111111111": "ada@example.com", note: "ok" } } };
    const { findings } = scanForSensitiveData({ value });
    expect(findings.map((f) => [f.kind, f.path, f.inKey])).toEqual([
      ["card", ["refunds", "card [REDACTED:card]"], true],
      ["card", ["refunds", "card [REDACTED:card]", "[REDACTED:card]"], true],
      ["email", ["refunds", "card [REDACTED:card]", "[REDACTED:card]"], false],
    ]);
    const text = JSON.stringify(findings);
    expect(text).not.toMatch(/4242|4111|1111|ada@/);
  });

  it("finds a card number sent as a JSON number", () => {
    const { findings, tags } = scanForSensitiveData({ value: { pan: 4111111111111111, amount: 1200, at: 1718000000000 } });
    expect(findings.map((f) => [f.kind, f.path])).toEqual([["card", ["pan"]]]);
    expect([...tags]).toEqual(["PCI"]);
  });

  it("scans a bare string and reports an empty path", () => {
    expect(scanForSensitiveData({ value: "ada@example.com" }).findings[0]?.path).toEqual([]);
  });

  it("never carries the matched text", () => {
    const secret = "s3cr3t-P4ssw0rd";
    const scan = scanForSensitiveData({ value: { url: `postgres://app:${secret}@db/x`, card: CARD } });
    expect(scan.findings).toHaveLength(2);
    expect(JSON.stringify(scan.findings)).not.toContain(secret);
    expect(JSON.stringify(scan.findings)).not.toContain("4242");
  });

  it("caps the findings list but still reports every tag", () => {
    const value = [...Array.from({ length: 5 }, (_, i) => `user${i}@example.com`), CARD];
    const scan = scanForSensitiveData({ value, maxFindings: 2 });
    expect(scan.findings).toHaveLength(2);
    expect(scan.omitted).toBe(4);
    expect([...scan.tags].sort()).toEqual(["PCI", "PII"]);
  });

  it("stops at MAX_DEPTH and says so, so a gate can refuse what it could not read", () => {
    const shallow = scanForSensitiveData({ value: nest(MAX_DEPTH, CARD) });
    expect(shallow.findings).toHaveLength(1);
    expect(shallow.depthExceeded).toBe(false);
    const deep = scanForSensitiveData({ value: nest(MAX_DEPTH + 1, { card: CARD }) });
    expect(deep.findings).toEqual([]);
    expect(deep.depthExceeded).toBe(true);
  });

  it("survives very deep nesting without overflowing the stack", () => {
    expect(scanForSensitiveData({ value: nest(200_000, CARD) }).depthExceeded).toBe(true);
  });

  it("survives cycles and still scans shared, non-cyclic references twice", () => {
    const shared = { email: "ada@example.com" };
    const cyclic: Record<string, unknown> = { a: shared, b: shared };
    cyclic.self = cyclic;
    const scan = scanForSensitiveData({ value: cyclic });
    expect(scan.findings.map((f) => f.path)).toEqual([
      ["a", "email"],
      ["b", "email"],
    ]);
    expect(scan.depthExceeded).toBe(false);
  });

  it("leaves non-JSON objects and non-string leaves alone", () => {
    const value = { at: new Date(), tags: new Map([["k", CARD]]), ok: true, none: null, n: 12.5, u: undefined };
    expect(scanForSensitiveData({ value })).toEqual({ findings: [], tags: new Set(), omitted: 0, depthExceeded: false });
  });

  it("flags nothing in a realistic payload full of look-alikes", () => {
    const value = {
      tool: "stripe.refund",
      args: {
        chargeId: "ch_3Nk2aB4c5D6e7F8g9H0i1J2k",
        orderId: "ORD-2024-000123",
        invoice: "INV-415-555-2671",
        amount: 1234.56,
        amountText: "$1,234.56",
        cents: 123456,
        requestId: "123e4567-e89b-12d3-a456-426614174000",
        commit: "9fceb02d0ae598e95dc970b74767f19372d61af8",
        version: "v10.4.12-beta.1",
        at: "2024-03-15T10:20:30.123+01:00",
        day: "2024-03-15",
        epochMs: 1718000000000,
        tracking: "94001116990045395649",
        reference: "4111111111111112",
        sku: "AB12CDEF3456789012",
        blob: "eyJmb28iOiJiYXIifQ==",
        image: "logo@2x.png",
        endpoint: "http://localhost:8080/health",
        repo: "git@github.com:org/repo.git",
        note: "Refund for order ORD-2024-000123 (invoice 2024-555-0147) approved on 2024-03-15 by the ops team.",
      },
    };
    const scan = scanForSensitiveData({ value });
    expect(scan.findings).toEqual([]);
    expect(scan.tags.size).toBe(0);
  });
});
