import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { AnswerRing } from "./answer-ring";

const answer = (id: string, extra = "") => Buffer.from(JSON.stringify({ decisionId: id, outcome: "allow", extra }));

describe("the ring of recent decision answers", () => {
  it("gives back exactly the answer stored for an id, only to the workflow that stored it", () => {
    const ring = new AnswerRing();
    const [a, b] = [randomUUID(), randomUUID()];
    ring.remember(a, "support-refunds", answer(a, "é ✓"));
    ring.remember(b, "hr-onboarding", answer(b));
    expect(ring.recall(a, "support-refunds")?.toString()).toBe(answer(a, "é ✓").toString());
    expect(ring.recall(b, "hr-onboarding")?.toString()).toBe(answer(b).toString());
    expect(ring.recall(a, "hr-onboarding")).toBeNull();
    expect(ring.recall(randomUUID(), "support-refunds")).toBeNull();
  });

  it("forgets the oldest answers once the buffer wraps, and never answers from overwritten bytes", () => {
    const ring = new AnswerRing(64 * 1024, 1 << 12);
    const ids = Array.from({ length: 2_000 }, () => randomUUID());
    for (const id of ids) ring.remember(id, "wf", answer(id, "x".repeat(100)));
    // ~200 bytes an entry in 64 KB: the last ~300 are kept, everything earlier is gone.
    for (const id of ids.slice(-250)) expect(ring.recall(id, "wf")?.toString()).toBe(answer(id, "x".repeat(100)).toString());
    for (const id of ids.slice(0, 1_500)) expect(ring.recall(id, "wf")).toBeNull();
  });

  it("answers every remembered id correctly when many share a probe window", () => {
    // 64 slots for 300 entries: slots are reused constantly; a lookup may miss, never mismatch.
    const ring = new AnswerRing(1024 * 1024, 64);
    const ids = Array.from({ length: 300 }, () => randomUUID());
    for (const id of ids) ring.remember(id, "wf", answer(id));
    let found = 0;
    for (const id of ids) {
      const recalled = ring.recall(id, "wf");
      if (recalled === null) continue;
      found += 1;
      expect(JSON.parse(recalled.toString())).toMatchObject({ decisionId: id });
    }
    expect(found).toBeGreaterThanOrEqual(64 / 2);
    expect(ring.recall(ids.at(-1) ?? "", "wf")).not.toBeNull();
  });

  it("hands out a copy: later writes over the same bytes do not change an answer already given", () => {
    const ring = new AnswerRing(4 * 1024, 16);
    const first = randomUUID();
    ring.remember(first, "wf", answer(first));
    const given = ring.recall(first, "wf");
    for (let i = 0; i < 100; i++) {
      const id = randomUUID();
      ring.remember(id, "wf", answer(id));
    }
    expect(given?.toString()).toBe(answer(first).toString());
  });
});
