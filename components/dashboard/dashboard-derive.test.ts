import { describe, expect, it } from "vitest";
import { aDashboard } from "@/test/fixtures/scorecard-views";
import { approvalDeadlines, deadlineText, denialTotals, flowGraph, inventoryBars, largestText } from "./dashboard-derive";

describe("inventoryBars", () => {
  it("lists every status, environment and tier in a fixed order, zeros included", () => {
    const bars = inventoryBars(aDashboard().inventory);
    expect(bars.status).toEqual([
      { label: "Active", value: 4 },
      { label: "Paused", value: 0 },
      { label: "Draft", value: 2 },
      { label: "Retired", value: 0 },
    ]);
    expect(bars.environment.map((b) => b.value)).toEqual([3, 0, 3]);
    expect(bars.tier).toEqual([
      { label: "T3", value: 2 },
      { label: "T2", value: 0 },
      { label: "T1", value: 3 },
      { label: "T0", value: 0 },
      { label: "No tools", value: 1 },
    ]);
    expect(largestText(bars.tier, "workflows")).toBe("6 workflows; the most: T1 (3).");
    expect(largestText([{ label: "A", value: 0 }], "workflows")).toBe("No workflows yet.");
  });
});

describe("approvals against their deadlines", () => {
  it("counts what is neither overdue nor due within the hour as later", () => {
    expect(approvalDeadlines(aDashboard().pendingApprovals)).toEqual({ overdue: 1, dueWithinHour: 2, later: 2 });
  });

  it("says how an approval stands, measured from when the figures were made", () => {
    const now = "2026-03-08T12:00:00.000Z";
    expect(deadlineText("2026-03-08T11:50:00.000Z", now)).toEqual({ text: "overdue by 10 min", state: "overdue" });
    expect(deadlineText("2026-03-08T12:40:00.000Z", now)).toEqual({ text: "due in 40 min", state: "soon" });
    expect(deadlineText("2026-03-08T18:00:00.000Z", now)).toEqual({ text: "due in 6 h", state: "later" });
    expect(deadlineText("2026-03-11T12:00:00.000Z", now)).toEqual({ text: "due in 3 days", state: "later" });
  });
});

describe("flowGraph", () => {
  it("draws a band per class-to-model flow that carried decisions, classes on the left, models on the right", () => {
    expect(flowGraph(aDashboard().dataFlows)).toEqual({
      nodes: [
        { name: "payment-cards (Restricted)", side: "source" },
        { name: "claude-sonnet-4-5", side: "target" },
      ],
      links: [{ source: 0, target: 1, value: 30 }],
    });
  });
});

describe("denialTotals", () => {
  it("sums each category over the window, largest first, leaving out categories with none", () => {
    expect(denialTotals(aDashboard().denialTrend)).toEqual([
      { category: "policy", label: "Policy", count: 7 },
      { category: "dlp", label: "Sensitive data (DLP)", count: 6 },
    ]);
  });
});
