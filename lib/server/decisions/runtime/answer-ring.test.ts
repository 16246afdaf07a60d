import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { AnswerRing } from "./answer-ring";
import { bindingKey } from "./decision-binding";

const HASH = "ab".repeat(32);
const answer = (id: string, extra = "") =>
  Buffer.from(
    JSON.stringify({ decisionId: id, runId: "run ✓", workflowKey: "wf", tool: "kb.search", argumentsHash: HASH, outcome: "allow", extra }),
  );
const KEY = bindingKey("0b8e7c9e-1111-4222-8333-444455556666", "a/b/c", ["support-tickets", "pii"]);

describe("the ring of recent decision answers", () => {
  it("gives back exactly the answer stored for an id, with what the id is bound to", () => {
    const ring = new AnswerRing();
    const [a, b] = [randomUUID(), randomUUID()];
    ring.remember(a, KEY, answer(a, "é ✓"));
    ring.remember(b, bindingKey("t2", "x/y/z", []), answer(b));
    expect(ring.recall(a)?.body.toString()).toBe(answer(a, "é ✓").toString());
    expect(ring.recall(a)?.binding).toEqual({
      workflow: "wf",
      tokenId: "0b8e7c9e-1111-4222-8333-444455556666",
      runId: "run ✓",
      tool: "kb.search",
      model: "a/b/c",
      dataClasses: ["support-tickets", "pii"],
      argumentsHash: HASH,
    });
    expect(ring.recall(b)?.binding).toMatchObject({ tokenId: "t2", model: "x/y/z", dataClasses: [] });
    expect(ring.recall(b)?.body.toString()).toBe(answer(b).toString());
    expect(ring.recall(randomUUID())).toBeNull();
  });

  it("does not remember an entry whose key is too long for its length prefix (rather than throw)", () => {
    const ring = new AnswerRing();
    const id = randomUUID();
    ring.remember(id, bindingKey("t", `a/b/${"c".repeat(70_000)}`, []), answer(id));
    expect(ring.recall(id)).toBeNull();
  });

  it("forgets the oldest answers once the buffer wraps, and never answers from overwritten bytes", () => {
    const ring = new AnswerRing(64 * 1024, 1 << 12);
    const ids = Array.from({ length: 2_000 }, () => randomUUID());
    for (const id of ids) ring.remember(id, KEY, answer(id, "x".repeat(100)));
    // ~400 bytes an entry in 64 KB: the last ~160 are kept, everything earlier is gone.
    for (const id of ids.slice(-120)) expect(ring.recall(id)?.body.toString()).toBe(answer(id, "x".repeat(100)).toString());
    for (const id of ids.slice(0, 1_500)) expect(ring.recall(id)).toBeNull();
  });

  it("answers every remembered id correctly when many share a probe window", () => {
    // 64 slots for 300 entries: slots are reused constantly; a lookup may miss, never mismatch.
    const ring = new AnswerRing(1024 * 1024, 64);
    const ids = Array.from({ length: 300 }, () => randomUUID());
    for (const id of ids) ring.remember(id, KEY, answer(id));
    let found = 0;
    for (const id of ids) {
      const recalled = ring.recall(id);
      if (recalled === null) continue;
      found += 1;
      expect(JSON.parse(recalled.body.toString())).toMatchObject({ decisionId: id });
    }
    expect(found).toBeGreaterThanOrEqual(64 / 2);
    expect(ring.recall(ids.at(-1) ?? "")).not.toBeNull();
  });

  it("hands out a copy: later writes over the same bytes do not change an answer already given", () => {
    const ring = new AnswerRing(4 * 1024, 16);
    const first = randomUUID();
    ring.remember(first, KEY, answer(first));
    const given = ring.recall(first)?.body;
    for (let i = 0; i < 100; i++) {
      const id = randomUUID();
      ring.remember(id, KEY, answer(id));
    }
    expect(given?.toString()).toBe(answer(first).toString());
  });
});
