import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { aPeriod, aScorecard } from "@/test/fixtures/scorecard-views";
import type { TScorecard } from "@/lib/contracts/scorecard";
import { ScorecardView } from "./scorecard-view";

function render(scorecard: TScorecard): string {
  const client = new QueryClient();
  return renderToStaticMarkup(
    createElement(QueryClientProvider, { client }, createElement(ScorecardView, { initial: scorecard, edit: null })),
  );
}

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("ScorecardView", () => {
  it("explains the grade: each factor's value, weight, score, points lost and what would raise it", () => {
    const words = text(render(aScorecard()));
    expect(words).toContain("Grade C");
    expect(words).toContain("74 of 100");
    expect(words).toContain("Success rate vs SLO 97.2% 40% 60% 16.0 Bring the success rate to 99%");
    expect(words).toContain("Control coverage 7 of 8 controls 60% 88% 7.5 Write a runbook");
  });

  it("puts the previous period beside each headline figure, with the change in words", () => {
    const words = text(render(aScorecard()));
    expect(words).toContain("Success rate 97.2% 972 of 1,000 Previous period: 95.0% ▲ up 2.2 pts from 95.0%");
    expect(words).toContain("Median time to approve 4.0 min");
  });

  it("shows SLOs met or not, the error budget in words, and whether burn-rate alerts fire", () => {
    const html = render(aScorecard());
    const words = text(html);
    expect(words).toContain("Run success rate at least 99.00% 97.20% Not met");
    expect(words).toContain("Overspent: 180% more failures than the SLO allows.");
    expect(words).toContain("1h and 5m above 14.4× 2.8× / 3.1× Quiet");
    // An overspent budget shows an empty bar; the words above say by how much.
    expect(html).toContain('value="0"');
  });

  it("lists each control as in place or missing with what was found, not by colour alone", () => {
    const words = text(render(aScorecard()));
    expect(words).toContain("1 of 2 controls in place.");
    expect(words).toContain("Runbook present missing No runbook written");
  });

  it("says 'not measured yet' for incident figures instead of a zero", () => {
    const words = text(render(aScorecard()));
    expect(words).toContain("Mean time to detect Not measured yet. Measured once breakers and incidents exist");
  });

  it("says what will appear when the workflow has no traffic yet", () => {
    const quiet = aPeriod({ runs: 0, decisions: 0, denialsByReason: [] });
    const words = text(render(aScorecard({ current: quiet, previous: quiet, trend: [] })));
    expect(words).toContain("No runs or decisions in this period yet");
    expect(words).toContain("No calls denied in this period or the one before.");
  });
});
