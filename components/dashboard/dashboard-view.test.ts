import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { aDashboard } from "@/test/fixtures/scorecard-views";
import type { TDashboard } from "@/lib/contracts/dashboard";
import { DashboardView } from "./dashboard-view";

// The server's first render of the page, as the browser receives it before any chart code loads.
function render(dashboard: TDashboard): string {
  const client = new QueryClient();
  return renderToStaticMarkup(createElement(QueryClientProvider, { client }, createElement(DashboardView, { initial: dashboard })));
}

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("DashboardView", () => {
  it("puts every figure behind its chart in words and tables, not only in pictures", () => {
    const html = render(aDashboard());
    const words = text(html);
    expect(words).toContain("6 workflows; the most: T1 (3).");
    expect(words).toContain("13 calls denied, last 7 days; most often: Policy (7).");
    expect(words).toContain("5 values redacted and 6 calls denied for undeclared sensitive data");
    expect(words).toContain("30 decisions of workflows holding confidential or restricted data");
    // Each chart has its table behind "Show as table", and the chart is described by its summary.
    expect(html.match(/<details class="chart-table">/g)?.length).toBe(6);
    expect(html.match(/class="chart-skeleton"/g)?.length).toBe(6);
  });

  it("lists the soonest approvals with links and their deadline against when the figures were made", () => {
    const words = text(render(aDashboard()));
    expect(words).toContain("Overdue 1");
    expect(words).toContain("Due within an hour 2");
    expect(words).toContain("Later 2");
    expect(words).toContain("overdue by 10 min");
    expect(render(aDashboard())).toContain('href="/approvals/0f7a1c7e-2b7e-4a53-9a8e-3c1d0b6f5e21"');
  });

  it("links each of the riskiest workflows to its scorecard for the same period, with why", () => {
    const html = render(
      aDashboard({
        window: "30d",
        riskiest: [
          {
            workflowId: "7b0c7f52-6a51-4d5e-9d7e-0d3c0c1f4a11",
            key: "support-refunds",
            name: "Support refunds",
            grade: "D",
            score: 61.4,
            why: [
              {
                factor: "coverage",
                label: "Control coverage",
                value: "4 of 8 controls",
                score: 0.5,
                weight: 0.3,
                raise: "Write a runbook",
              },
            ],
          },
        ],
      }),
    );
    expect(html).toContain('href="/workflows/7b0c7f52-6a51-4d5e-9d7e-0d3c0c1f4a11/scorecard?window=30d"');
    expect(text(html)).toContain("Grade D Support refunds 61/100 · support-refunds");
    expect(text(html)).toContain("Control coverage : 4 of 8 controls — Write a runbook");
  });

  it("says what will appear, and why, where there is nothing yet", () => {
    const empty = aDashboard({
      inventory: { total: 0, byStatus: [], byEnvironment: [], byHighestTier: [], halted: 0 },
      shadow: { total: 0, recent: [] },
      dataFlows: [],
      pendingApprovals: { total: 0, overdue: 0, dueWithinHour: 0, soonest: [] },
      denialTrend: [],
      dlpTrend: [],
    });
    const words = text(render(empty));
    expect(words).toContain("No workflows registered yet");
    expect(words).toContain("No calls denied in this period.");
    expect(words).toContain("None engaged");
    expect(words).toContain("Nothing waits for a decision.");
    expect(words).toContain("Not measured yet. Incidents arrive with breakers");
    expect(render(empty)).not.toContain("chart-skeleton");
  });
});
