import { describe, expect, it } from "vitest";
import { histogramOf } from "../rollups/latency-histogram";
import type { TControlInputs } from "../scorecard/evaluate-controls";
import { latencyCandidates, rankRiskiest } from "./rank-riskiest";
import type { TWorkflowFigures } from "./read-fleet-rollups";

function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const now = new Date("2026-06-01T00:00:00Z");
const controls = (random: () => number): TControlInputs => ({
  readiness: random() < 0.5 ? [{ code: "data_classes", message: "No data classes are declared" }] : [],
  owner: { email: "o@example.test", disabled: false },
  dataClasses: [],
  highestSensitivity: null,
  models: 1,
  tools: 1,
  activeTokens: [],
  runbook: random() < 0.5 ? "Pause it." : "",
  chain: null,
  now,
});

/** A fleet of `n` workflows with random figures and latencies. */
function fleet(seed: number, n: number) {
  const random = seeded(seed);
  const workflows = Array.from({ length: n }, (_, i) => ({ id: `w${i}`, key: `wf-${String(i).padStart(4, "0")}`, name: `W ${i}` }));
  const figures = new Map<string, TWorkflowFigures>();
  const hists = new Map<string, number[]>();
  const controlInputs = new Map<string, TControlInputs>();
  for (const w of workflows) {
    const ended = Math.floor(random() * 200);
    const timed = random() < 0.8;
    figures.set(w.id, {
      runs: ended + Math.floor(random() * 5),
      ended,
      succeeded: Math.floor(ended * (0.85 + random() * 0.15)),
      toolResults: 100,
      toolFailures: Math.floor(random() * 8),
      overrides: Math.floor(random() * 4),
      timed,
      decisions: 100,
      allowed: 80,
      denied: Math.floor(random() * 30),
    });
    if (timed) hists.set(w.id, histogramOf(Array.from({ length: 50 }, () => Math.floor(random() * 12_000))));
    controlInputs.set(w.id, controls(random));
  }
  return { workflows, figures, hists, controls: controlInputs, slos: new Map(), limit: 10 };
}

describe("rankRiskiest with latencyCandidates", () => {
  it("ranks exactly as if every histogram were read, reading only the candidates'", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const inputs = fleet(seed, 300);
      const everything = rankRiskiest(inputs);
      const candidates = new Set(latencyCandidates(inputs));
      const some = new Map([...inputs.hists].filter(([id]) => candidates.has(id)));
      expect(rankRiskiest({ ...inputs, hists: some })).toEqual(everything);
      expect(everything).toHaveLength(10);
      // The point of it: most histograms are never read.
      expect(candidates.size).toBeLessThan(inputs.hists.size);
    }
  });

  it("leaves out a timed workflow whose histogram was not read, and keeps one that was never timed", () => {
    const inputs = fleet(9, 3);
    const timed = inputs.workflows.filter((w) => inputs.figures.get(w.id)?.timed).map((w) => w.id);
    const ranked = rankRiskiest({ ...inputs, hists: new Map() }).map((r) => r.workflowId);
    expect(ranked.filter((id) => timed.includes(id))).toEqual([]);
    expect(ranked).toHaveLength(3 - timed.length);
  });
});
