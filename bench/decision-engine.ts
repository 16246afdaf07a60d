import v8 from "node:v8";
import type { TDecisionRequestInput } from "@/lib/contracts/decisions";
import { DEFAULT_TIER, ZConsequence } from "@/lib/contracts/registry-enums";
import { compileWorkflowSnapshot } from "@/lib/server/decisions/compile-workflow-snapshot";
import { createInMemoryRateLimiter } from "@/lib/server/decisions/create-in-memory-rate-limiter";
import { decide } from "@/lib/server/decisions/decide";
import type { TCompiledWorkflowSnapshot, TKillSwitchView, TWorkflowRegistryRecord } from "@/lib/server/decisions/types";
import { ZDecisionRequest } from "@/lib/contracts/decisions";
import { parseJsonText, validate } from "@/lib/server/http/parse-input";
import { collectGarbage } from "./support/collect-garbage";

// Issue "runtime gate": decisions come from an in-memory snapshot, so the engine's own cost per
// decision must be small beside the HTTP path (~2,100 req/s for a constant Next.js handler here).
// Registry: 1,000 workflows × 20 tools from a 200-tool catalog, 3 global custom policies and one
// of its own for every 10th workflow. Each figure is printed beside JSON.parse(JSON.stringify(request))
// of the same requests in the same run: the least an HTTP decision already pays for its body.
// Run: npx tsx --conditions=react-server bench/decision-engine.ts
const WORKFLOWS = 1_000;
const TOOLS_PER_WORKFLOW = 20;
const SAMPLES = 200_000;

let seed = 42;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const DATA_CLASSES = [
  { key: "public-docs", sensitivity: "PUBLIC", tags: [] },
  { key: "support-tickets", sensitivity: "INTERNAL", tags: ["PII"] },
  { key: "customer-pii", sensitivity: "CONFIDENTIAL", tags: ["PII"] },
  { key: "payment-cards", sensitivity: "RESTRICTED", tags: ["PCI", "PII"] },
] as const;
const MODELS = [
  { provider: "anthropic", model: "claude-sonnet-4-5", version: "2025-09-29", status: "APPROVED", maxSensitivity: "RESTRICTED" },
  { provider: "azure-openai", model: "gpt-4o", version: "2024-11-20", status: "APPROVED", maxSensitivity: "RESTRICTED" },
] as const;
const CATALOG = Array.from({ length: 200 }, (_, i) => {
  const consequence = ZConsequence.options[i % 6]!;
  const money = consequence === "MONEY_MOVEMENT";
  const properties: Record<string, unknown> = { [`id${i}`]: { type: "string", minLength: 1 }, note: { type: "string", maxLength: 500 } };
  if (money) Object.assign(properties, { amount: { type: "integer", minimum: 1 }, currency: { type: "string", pattern: "^[A-Z]{3}$" } });
  const required = money ? [`id${i}`, "amount", "currency"] : [`id${i}`];
  return {
    key: `system${i % 20}.tool${i}`,
    consequence,
    money,
    argumentSchema: { type: "object", properties, required, additionalProperties: false },
  };
});
const GLOBAL_POLICIES = [
  {
    key: "no-restricted-money-in-prod",
    version: 1,
    text: 'forbid (principal, action, resource) when { context.consequence == "MONEY_MOVEMENT" && context.maxSensitivity == "RESTRICTED" && context.environment == "PROD" };',
  },
  {
    key: "no-destructive-pii-in-prod",
    version: 2,
    text: 'forbid (principal, action, resource) when { context.consequence == "DESTRUCTIVE" && context.tags.contains("PII") && context.environment == "PROD" };',
  },
  {
    key: "refund-ceiling",
    version: 1,
    text: "forbid (principal, action, resource) when { context has amount && context.amount > 900000 };",
  },
];

const records: TWorkflowRegistryRecord[] = Array.from({ length: WORKFLOWS }, (_, w) => {
  const tools = new Map<string, (typeof CATALOG)[number]>();
  while (tools.size < TOOLS_PER_WORKFLOW) {
    const t = pick(CATALOG);
    tools.set(t.key, t);
  }
  const own = {
    key: `wf-${w}-freeze-tool0`,
    version: 1,
    text: `forbid (principal == Workflow::"wf-${w}", action, resource == Tool::"system0.tool0");`,
  };
  return {
    id: `00000000-0000-4000-8000-${String(w).padStart(12, "0")}`,
    key: `wf-${w}`,
    status: "ACTIVE",
    environment: w % 10 < 7 ? "PROD" : "STAGING",
    version: 1,
    dataClasses: DATA_CLASSES.slice(0, 2 + (w % 3)),
    models: [...MODELS],
    tools: [...tools.values()].map((t) => ({
      key: t.key,
      consequence: t.consequence,
      argumentSchema: t.argumentSchema,
      argumentConstraints: t.money ? { type: "object", properties: { amount: { maximum: 100_000 * (2 + (w % 10)) } } } : null,
      ratePerMinute: t.consequence === "READ" ? null : 10_000,
      tier: DEFAULT_TIER[t.consequence],
    })),
    policies: w % 10 === 0 ? [...GLOBAL_POLICIES, own] : GLOBAL_POLICIES,
  };
});

const NOTES = [
  "Customer reported a duplicate charge on 2024-03-15 for order ORD-2024-000123; refunding per policy 4.2.",
  "Follow-up on ticket ZD-48213",
  "",
  "Escalated by tier-2 support after review of the account history.",
];
function requestFor(record: TWorkflowRegistryRecord): TDecisionRequestInput {
  const tool = pick(record.tools);
  const index = tool.key.slice(tool.key.indexOf(".tool") + 5);
  const args: Record<string, unknown> = { [`id${index}`]: `obj_${Math.floor(random() * 1e9).toString(36)}`, note: pick(NOTES) };
  if (tool.consequence === "MONEY_MOVEMENT") Object.assign(args, { amount: 100 + Math.floor(random() * 999_900), currency: "USD" });
  const dataClasses = record.dataClasses.slice(0, 1 + Math.floor(random() * 2)).map((c) => c.key);
  return {
    runId: `run-${Math.floor(random() * 1e6)}`,
    tool: tool.key,
    arguments: args,
    dataClasses,
    model: pick(MODELS).provider === "anthropic" ? "anthropic/claude-sonnet-4-5/2025-09-29" : "azure-openai/gpt-4o/2024-11-20",
  };
}

const engaged = new Set(["TOOL system7.tool187", "WORKFLOW wf-999", "PROVIDER mistral"]);
const killSwitches: TKillSwitchView = { engaged: ({ scope, target }) => (engaged.has(`${scope} ${target}`) ? { reason: "drill" } : null) };

const ROUNDS = 10;
type TRow = { label: string; run: (i: number) => unknown; each: Float64Array; best: number; rounds: number[] };

// Rows take turns in short rounds and each keeps its best round's throughput: on a shared
// machine, load that comes and goes hits every row alike. Latency percentiles pool all rounds.
function measure(rows: TRow[]): void {
  const perRound = SAMPLES / ROUNDS;
  for (let round = 0; round < ROUNDS; round++) {
    // Every other round runs the rows in reverse, so no row always runs right after another's garbage.
    for (const row of round % 2 ? [...rows].reverse() : rows) {
      const started = performance.now();
      for (let j = 0; j < perRound; j++) {
        const i = round * perRound + j;
        const t = performance.now();
        row.run(i);
        row.each[i] = performance.now() - t;
      }
      const rate = perRound / ((performance.now() - started) / 1000);
      row.rounds.push(rate);
      row.best = Math.max(row.best, rate);
    }
  }
  for (const row of rows) row.each.sort();
}
// What a call leaves in V8's old generation: garbage there survives until a full collection,
// which on the gate's one thread is a pause of tens of ms. A sync loop keeps nothing in flight,
// so after two forced young collections the old generation holds only what the calls put there
// (promoted, or allocated there directly, as V8 does for some object spreads).
const collectYoung = () => collectGarbage("minor");
const oldGeneration = () =>
  v8.getHeapSpaceStatistics().reduce((sum, space) => (space.space_name.startsWith("new_") ? sum : sum + space.space_used_size), 0);
function oldBytesPerCall(run: (i: number) => unknown): number {
  const perRound: number[] = [];
  for (let round = 0; round < 5; round++) {
    collectYoung();
    collectYoung();
    const before = oldGeneration();
    for (let i = 0; i < 20_000; i++) run(round * 20_000 + i);
    collectYoung();
    collectYoung();
    perRound.push((oldGeneration() - before) / 20_000);
  }
  // A full collection inside a round shows as a negative round: the median ignores it.
  return perRound.sort((a, b) => a - b)[2]!;
}

const percentile = (sorted: Float64Array, p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 1000;

const heapBefore = process.memoryUsage().heapUsed;
let started = performance.now();
const snapshots: TCompiledWorkflowSnapshot[] = records.map((record) => compileWorkflowSnapshot({ record, registryVersion: "r1" }));
const coldMs = performance.now() - started;
const heapMiB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
// A registry change recompiles one workflow with every cache warm: what a NOTIFY refresh costs.
started = performance.now();
for (const record of records) compileWorkflowSnapshot({ record: structuredClone(record), registryVersion: "r2" });
const warmMs = performance.now() - started;
const bare = records.map((record) => compileWorkflowSnapshot({ record: { ...record, policies: [] }, registryVersion: "r1" }));

// Two draws from the same mix: one to count outcomes and warm up, one never seen before to time,
// so no measured call finds its exact answer already memoised.
type TDraw = { workflow: number; request: TDecisionRequestInput }[];
const draw = (): TDraw =>
  Array.from({ length: SAMPLES }, () => Math.floor(random() * WORKFLOWS)).map((w) => ({ workflow: w, request: requestFor(records[w]!) }));
const [warm, timed] = [draw(), draw()];
const run =
  (pool: readonly TCompiledWorkflowSnapshot[], calls: TDraw, limiter = createInMemoryRateLimiter()) =>
  (i: number) => {
    const { workflow, request } = calls[i % SAMPLES]!;
    const snapshot = pool[workflow]!;
    return decide({ snapshot, request, token: { environment: snapshot.environment }, killSwitches, rateLimiter: limiter, now: Date.now() });
  };

const outcomes: Record<string, number> = {};
const warmUp = [run(snapshots, warm), run(bare, warm)];
for (let i = 0; i < SAMPLES; i++) {
  const d = warmUp[0]!(i);
  warmUp[1]!(i);
  const key = d.outcome === "deny" ? `deny (${d.reasons[0]!.code})` : d.outcome;
  outcomes[key] = (outcomes[key] ?? 0) + 1;
}

console.log(
  `node ${process.version}; ${WORKFLOWS.toLocaleString("en")} workflows × ${TOOLS_PER_WORKFLOW} tools, ${CATALOG.length} catalog tools, ${GLOBAL_POLICIES.length} global policies + 1 own policy per 10th workflow\n`,
);
console.log(
  `compile, cold: ${coldMs.toFixed(0)} ms for ${WORKFLOWS.toLocaleString("en")} snapshots (${((coldMs * 1000) / WORKFLOWS).toFixed(0)} µs each; ajv and Cedar parse each distinct schema and policy once), heap +${heapMiB.toFixed(1)} MiB`,
);
console.log(
  `compile, warm (a NOTIFY refresh of one workflow, from a fresh copy of its record): ${((warmMs * 1000) / WORKFLOWS).toFixed(0)} µs each`,
);
console.log(
  `outcomes over ${SAMPLES.toLocaleString("en")} requests: ${Object.entries(outcomes)
    .map(([k, v]) => `${k} ${((100 * v) / SAMPLES).toFixed(1)}%`)
    .join(", ")}\n`,
);

const row = (label: string, run: (i: number) => unknown): TRow => ({ label, run, each: new Float64Array(SAMPLES), best: 0, rounds: [] });
const rows = [
  row("decide (with custom policies)", run(snapshots, timed)),
  row("decide (same registry, no custom policies)", run(bare, timed)),
  row("baseline: JSON.parse(JSON.stringify(request))", (i) => JSON.parse(JSON.stringify(timed[i % SAMPLES]!.request))),
];
measure(rows);
const baseline = rows[2]!;
const pad = (s: string, n: number) => s.padStart(n);
console.log(
  `${"".padEnd(48)}${pad("per second", 12)}${pad("p50 µs", 10)}${pad("p99 µs", 10)}   × baseline (time per call at p50, p99; throughput)`,
);
for (const r of rows) {
  const [p50, p99] = [percentile(r.each, 50), percentile(r.each, 99)];
  const ratio = `${(p50 / percentile(baseline.each, 50)).toFixed(1)}x, ${(p99 / percentile(baseline.each, 99)).toFixed(1)}x; ${(baseline.best / r.best).toFixed(1)}x`;
  console.log(
    `${r.label.padEnd(48)}${pad(Math.round(r.best).toLocaleString("en"), 12)}${pad(p50.toFixed(1), 10)}${pad(p99.toFixed(1), 10)}   ${r === baseline ? "" : ratio}`,
  );
}
console.log(`\nleft in the old generation per call (freed only by a full collection), median of 5 rounds of 20,000 calls:`);
for (const r of rows) console.log(`  ${r.label.padEnd(46)}${pad(oldBytesPerCall(r.run).toFixed(0), 6)} B`);
const [engine] = rows;
console.log(
  `\nsingle-threaded engine ceiling ${Math.round(engine!.best).toLocaleString("en")} decisions/s: the issue's 5,000/s target would spend ${((5_000 / engine!.best) * 100).toFixed(1)}% of one core in the engine`,
);

// Issue "hardening": the edge checks (NUL, unpaired surrogates, depth) must cost at most 5% of the
// gate's throughput. Here a request body goes to an answer in this process, with and without them:
// the HTTP stack is left out, so the share printed is an upper bound of their share over HTTP.
const bodies = timed.map(({ request }) => JSON.stringify(request));
const fromBody = (parse: (text: string) => unknown) => {
  const limiter = createInMemoryRateLimiter();
  return (i: number) => {
    const request = validate(ZDecisionRequest, parse(bodies[i % SAMPLES]!), "body");
    const snapshot = snapshots[timed[i % SAMPLES]!.workflow]!;
    return decide({ snapshot, request, token: { environment: snapshot.environment }, killSwitches, rateLimiter: limiter, now: Date.now() });
  };
};
// Short rounds in pairs, run back to back in alternating order: load that comes and goes on a shared
// machine hits both halves of a pair alike, and the median of the pairs' ratios ignores the rest.
const PAIRS = 4_000;
const PER_HALF = 100;
const withChecks = fromBody((text) => parseJsonText(text));
const withoutChecks = fromBody((text) => JSON.parse(text) as unknown);
const timeHalf = (run: (i: number) => unknown, from: number) => {
  const started = performance.now();
  for (let i = from; i < from + PER_HALF; i++) run(i);
  return performance.now() - started;
};
const ratios: number[] = [];
let [onMs, offMs] = [0, 0];
for (let pair = 0; pair < PAIRS; pair++) {
  const from = (pair * PER_HALF) % SAMPLES;
  const first = pair % 2 ? timeHalf(withoutChecks, from) : timeHalf(withChecks, from);
  const second = pair % 2 ? timeHalf(withChecks, from) : timeHalf(withoutChecks, from);
  const [tOn, tOff] = pair % 2 ? [second, first] : [first, second];
  onMs += tOn;
  offMs += tOff;
  ratios.push(tOff / tOn);
}
ratios.sort((a, b) => a - b);
const quantile = (q: number) => ratios[Math.floor(q * (ratios.length - 1))]!;
// Order statistics give the median's 95% confidence interval without assuming a distribution.
const spread = (1.96 * Math.sqrt(PAIRS)) / 2 / PAIRS;
console.log(`\nthe edge checks' cost, request body to answer in one process, ${PAIRS} pairs of ${PER_HALF.toLocaleString("en")} calls:`);
console.log(
  `  edge checks on   ${Math.round((PAIRS * PER_HALF) / (onMs / 1000)).toLocaleString("en")}/s   ${((1000 * onMs) / (PAIRS * PER_HALF)).toFixed(2)} µs a call`,
);
console.log(
  `  edge checks off  ${Math.round((PAIRS * PER_HALF) / (offMs / 1000)).toLocaleString("en")}/s   ${((1000 * offMs) / (PAIRS * PER_HALF)).toFixed(2)} µs a call (JSON.parse alone)`,
);
console.log(
  `  with the checks: ${(100 * quantile(0.5)).toFixed(1)}% of the throughput without them, median of the pairs (95% confidence ${(100 * quantile(0.5 - spread)).toFixed(1)}%–${(100 * quantile(0.5 + spread)).toFixed(1)}%; quartiles ${(100 * quantile(0.25)).toFixed(0)}%–${(100 * quantile(0.75)).toFixed(0)}%; target ≥ 95%)`,
);
