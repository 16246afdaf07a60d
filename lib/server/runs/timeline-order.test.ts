import { describe, expect, it } from "vitest";
import type { TTimelineEntry } from "@/lib/contracts/runs";
import { continueAfter, isAfter, mergeTimeline } from "./timeline-order";

const AT = new Date("2026-03-15T10:00:00.000Z");
const entry = (key: string, at = AT): TTimelineEntry => ({
  kind: "approval_resolved",
  key,
  at: at.toISOString(),
  approvalId: "a",
  status: "APPROVED",
  outcomeReason: null,
});

describe("continueAfter", () => {
  it("continues the cursor's own source past its row, earlier letters after the instant, later letters from it", () => {
    const position = { at: AT, key: "e:0b0b" };
    expect(continueAfter(position, "e")).toEqual({ op: "after-id", at: AT, id: "0b0b" });
    expect(continueAfter(position, "d")).toEqual({ op: "gt", at: AT });
    expect(continueAfter(position, "p")).toEqual({ op: "gte", at: AT });
  });
});

describe("mergeTimeline", () => {
  it("orders by instant, then key, and says where to continue only when more is left", () => {
    const later = new Date(AT.getTime() + 1);
    const merged = mergeTimeline([[entry("e:1"), entry("e:2", later)], [entry("d:9")], [entry("p:1:0")]], 3);
    expect(merged.entries.map((e) => e.key)).toEqual(["d:9", "e:1", "p:1:0"]);
    expect(merged.next).toEqual({ at: AT, key: "p:1:0" });
    expect(mergeTimeline([[entry("e:1")]], 3).next).toBeNull();
  });

  it("isAfter agrees with the order", () => {
    expect(isAfter(entry("e:2"), { at: AT, key: "e:1" })).toBe(true);
    expect(isAfter(entry("d:2"), { at: AT, key: "e:1" })).toBe(false);
    expect(isAfter(entry("d:2", new Date(AT.getTime() + 1)), { at: AT, key: "p:1" })).toBe(true);
    expect(isAfter(entry("d:2"), null)).toBe(true);
  });
});
