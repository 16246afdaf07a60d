import { randomUUID } from "node:crypto";
import { redactSensitiveData } from "@/lib/server/dlp/redact-sensitive-data";
import { scanForSensitiveData } from "@/lib/server/dlp/scan-for-sensitive-data";
import { loadBaselineDlp } from "./support/dlp-baseline";
import { eventBatch } from "./support/run-events";

// Issue "runtime gate", item 2: the DLP scan runs on every decision (target ≥ 5,000 decisions/s on
// 2 cores, so a few µs per typical argument object) and redaction on every ingested event (a
// 1,000-event batch in a few ms). Each figure is printed beside JSON.stringify of the same data in
// the same run, the least any decision or ingestion path already pays for its arguments.
// Each figure is also printed beside the same call of the DLP module as it was before issue 19's
// detectors (checked out of git into node_modules/.cache, BENCH_DLP_BASELINE=<commit> to choose).
// Run: npx tsx --conditions=react-server bench/dlp.ts
const ROUNDS = 10;
const ROUND_MS = 200;

const REFUND = {
  chargeId: "ch_3Nk2aB4c5D6e7F8g9H0i1J2k",
  amount: 12000,
  currency: "usd",
  reason: "requested_by_customer",
  metadata: { orderId: "ORD-2024-000123", ticket: "ZD-48213", requestedAt: "2024-03-15T10:20:30.123Z" },
  note: "Customer reported a duplicate charge on 2024-03-15 for order ORD-2024-000123; refunding the second attempt per policy 4.2.",
};

const REFUND_WITH_PII = {
  ...REFUND,
  note: "Customer ada@example.com (+44 20 7946 0958) read out card 4242 4242 4242 4242; refund the duplicate.",
};

let seed = 42;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;

// One event in twenty carries something to redact, as support and payment tools do.
const BATCH = Array.from({ length: 1_000 }, (_, i) => ({
  id: randomUUID(),
  runId: randomUUID(),
  type: i % 2 === 0 ? "tool_call" : "tool_result",
  tool: "stripe.refund",
  at: new Date(1_718_000_000_000 + i * 1_000).toISOString(),
  latencyMs: Math.round(random() * 400),
  payload: i % 20 === 0 ? REFUND_WITH_PII : { ...REFUND, amount: Math.round(random() * 50_000) },
  result: { status: "succeeded", refundId: `re_${randomUUID().replaceAll("-", "").slice(0, 24)}` },
}));

// Alternating short rounds, best of each side: on a shared machine, load that comes and goes hits
// both sides alike instead of whichever happened to run during a burst.
function rates(own: () => unknown, baseline: () => unknown): [number, number] {
  const best = [0, 0];
  const runs = [own, baseline];
  for (const run of runs) for (let i = 0; i < 200; i++) run();
  for (let round = 0; round < ROUNDS; round++) {
    runs.forEach((run, side) => {
      let iterations = 0;
      const started = performance.now();
      let elapsed = 0;
      while (elapsed < ROUND_MS) {
        for (let i = 0; i < 20; i++) run();
        iterations += 20;
        elapsed = performance.now() - started;
      }
      best[side] = Math.max(best[side]!, iterations / (elapsed / 1000));
    });
  }
  return [best[0]!, best[1]!];
}

function report(label: string, unit: string, [own, baseline]: [number, number]) {
  const perOp = (r: number) => (r >= 10_000 ? `${(1e6 / r).toFixed(2)} µs` : `${(1000 / r).toFixed(2)} ms`);
  console.log(`  ${label.padEnd(44)} ${Math.round(own).toLocaleString("en").padStart(10)} ${unit}/s  ${perOp(own).padStart(9)} each`);
  console.log(
    `  ${"baseline: JSON.stringify of the same data".padEnd(44)} ${Math.round(baseline).toLocaleString("en").padStart(10)} ${unit}/s  ${perOp(baseline).padStart(9)} each  → DLP costs ${(baseline / own).toFixed(1)}x JSON.stringify`,
  );
}

function compare(baseline: string, label: string, unit: string, own: () => unknown, before: () => unknown, plain: () => unknown) {
  const [now, then] = rates(own, before);
  const [, stringify] = rates(own, plain);
  report(label, unit, [now, stringify]);
  const perOp = (r: number) => (r >= 10_000 ? `${(1e6 / r).toFixed(2)} µs` : `${(1000 / r).toFixed(2)} ms`);
  console.log(
    `  ${`baseline: the same call at ${baseline.slice(0, 7)}`.padEnd(44)} ${Math.round(then).toLocaleString("en").padStart(10)} ${unit}/s  ${perOp(then).padStart(9)} each  → now ${(then / now).toFixed(2)}x its time`,
  );
}

async function main() {
  const baseline = await loadBaselineDlp();
  const batchBytes = JSON.stringify(BATCH).length;
  console.log(`node ${process.version}; best of ${ROUNDS} alternating ${ROUND_MS} ms rounds per side, after warm-up`);
  console.log(`baseline: lib/server/dlp at ${baseline.commit.slice(0, 7)} (before issue 19), in this process\n`);

  console.log("scan of a typical argument object (stripe.refund with a note, no findings)");
  compare(
    baseline.commit,
    "scanForSensitiveData",
    "scans",
    () => scanForSensitiveData({ value: REFUND }),
    () => baseline.scan({ value: REFUND }),
    () => JSON.stringify(REFUND),
  );

  console.log("\nscan of the same call whose note carries an e-mail, a phone and a card (3 findings)");
  compare(
    baseline.commit,
    "scanForSensitiveData",
    "scans",
    () => scanForSensitiveData({ value: REFUND_WITH_PII }),
    () => baseline.scan({ value: REFUND_WITH_PII }),
    () => JSON.stringify(REFUND_WITH_PII),
  );

  console.log(`\nredaction of a 1,000-event batch (${(batchBytes / 1024).toFixed(0)} KiB of JSON, 50 events with findings)`);
  compare(
    baseline.commit,
    "redactSensitiveData",
    "batches",
    () => redactSensitiveData({ value: BATCH }),
    () => baseline.redact({ value: BATCH }),
    () => JSON.stringify(BATCH),
  );

  // The events bench's own batches (bench/support/run-events.ts): what ingestion redacts per event.
  const EVENTS = eventBatch(500).map((event) => event.data);
  console.log(
    `\nredaction of the events bench's 500-event batch (${(JSON.stringify(EVENTS).length / 1024).toFixed(0)} KiB; 1 in 8 quotes an e-mail, phone or card)`,
  );
  compare(
    baseline.commit,
    "redactSensitiveData",
    "batches",
    () => redactSensitiveData({ value: EVENTS }),
    () => baseline.redact({ value: EVENTS }),
    () => JSON.stringify(EVENTS),
  );
}

void main();
