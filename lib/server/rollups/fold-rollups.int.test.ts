import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, getDb } from "@/lib/server/db/client";
import { closeSqlPool, sqlPool } from "@/lib/server/db/pool";
import { givenCatalog } from "@/test/fixtures/registry-changes";
import { givenGatedWorkflow } from "@/test/fixtures/approvals";
import {
  decisionCounts,
  eventRollups,
  eventsBruteForce,
  eventsCounted,
  ingest,
  randomDecisions,
  randomEvents,
  seededRandom,
  storeDecisions,
} from "@/test/fixtures/rollups";
import { catchUpRollups, foldRollups } from "./fold-rollups";
import { FOLD_EVENTS } from "./fold-statements";
import { LATENCY_BUCKETS, latencyBucketOf, mergeHistograms, percentileFromHistogram } from "./latency-histogram";

const db = getDb();
const url = process.env.DATABASE_URL ?? "";
beforeAll(() => givenCatalog());
afterAll(() => closeSqlPool());

const DAY_MS = 86_400_000;

const foldedSoFar = async () =>
  Number((await sqlPool().query<{ n: string }>(`SELECT sum(rows_folded) AS n FROM rollup_watermarks`)).rows[0]?.n ?? 0);

async function expectRollupsExact(keys: string[], workflowId: string) {
  for (const grain of ["hour", "day"] as const) {
    expect(await eventRollups(keys, grain)).toEqual(await eventsBruteForce(keys, grain));
    expect(await decisionCounts(workflowId, grain, "rollups")).toEqual(await decisionCounts(workflowId, grain, "raw"));
  }
}

describe("foldRollups", () => {
  it("counts exactly what the raw rows hold, hourly and daily, with percentiles within one bucket (randomized)", async () => {
    const seed = Date.now() % 100_000;
    const random = seededRandom(seed);
    const gated = await givenGatedWorkflow();
    const shadow = `shadow-${randomUUID().slice(0, 8)}`;
    // 45 days reach back past the previous month's partition into the DEFAULT one.
    expect(await ingest(gated, randomEvents(random, 3_000, { days: 45, shadowKey: shadow }))).toMatchObject({ rejected: 0, conflicts: 0 });
    expect(await storeDecisions(randomDecisions(random, gated, 2_000, { days: 45 }))).toBe(2_000);
    await catchUpRollups(db);

    await expectRollupsExact([gated.workflow.key, shadow], gated.workflow.id);
    const rollups = await eventRollups([gated.workflow.key], "day");
    const hist = mergeHistograms(...[...rollups.values()].map((cell) => cell.hist));
    const { rows } = await sqlPool().query<{ ms: number }>(
      `SELECT latency_ms AS ms FROM run_events WHERE workflow_key = $1 AND latency_ms IS NOT NULL ORDER BY 1`,
      [gated.workflow.key],
    );
    for (const q of [0.5, 0.95, 0.99]) {
      const exact = rows[Math.ceil(q * rows.length) - 1]?.ms ?? NaN;
      const estimate = percentileFromHistogram(hist, q) ?? NaN;
      expect({ seed, q, bucket: latencyBucketOf(estimate) }).toEqual({ seed, q, bucket: latencyBucketOf(exact) });
      expect(estimate).toBeGreaterThanOrEqual(exact);
    }
  });

  it("folds a late event into its own old bucket, once", async () => {
    const gated = await givenGatedWorkflow();
    const old = new Date(Date.now() - 20 * DAY_MS);
    old.setUTCMinutes(10, 0, 0);
    await ingest(gated, [
      {
        id: randomUUID(),
        runId: "r1",
        type: "tool_result",
        tool: "kb.search",
        outcome: "success",
        latencyMs: 40,
        occurredAt: old.toISOString(),
      },
    ]);
    await catchUpRollups(db);
    const late = new Date(old.getTime() + 20 * 60_000).toISOString();
    await ingest(gated, [
      { id: randomUUID(), runId: "r2", type: "tool_result", tool: "kb.search", outcome: "success", latencyMs: 900, occurredAt: late },
    ]);
    await catchUpRollups(db);

    const hour = new Date(Math.floor(old.getTime() / 3_600_000) * 3_600_000).toISOString();
    expect(
      (await eventRollups([gated.workflow.key], "hour")).get(`${hour}|${gated.workflow.key}|kb.search|tool_result|success`),
    ).toMatchObject({
      events: 2,
      samples: 2,
      sumMs: 940,
    });
    await expectRollupsExact([gated.workflow.key], gated.workflow.id);
  });

  it("never counts a duplicate or a conflicting resend", async () => {
    const gated = await givenGatedWorkflow();
    const events = randomEvents(seededRandom(7), 200, { days: 3 });
    expect(await ingest(gated, events)).toMatchObject({ stored: 200 });
    await catchUpRollups(db);
    expect(await eventsCounted(gated.workflow.key)).toBe(200);

    expect(await ingest(gated, events)).toMatchObject({ stored: 0, duplicates: 200 });
    // Another occurredAt puts the same id in another partition: the lookup across months still finds it.
    const moved = events.slice(0, 50).map((e) => ({ ...e, occurredAt: new Date().toISOString() }));
    expect(await ingest(gated, moved)).toMatchObject({ stored: 0, conflicts: 50 });
    const decisions = randomDecisions(seededRandom(8), gated, 100, { days: 3 });
    expect(await storeDecisions(decisions)).toBe(100);
    expect(await storeDecisions(decisions)).toBe(0);
    expect(await storeDecisions(decisions.map((d) => ({ ...d, decided_at: new Date().toISOString() })))).toBe(0);
    await catchUpRollups(db);
    expect(await eventsCounted(gated.workflow.key)).toBe(200);
    await expectRollupsExact([gated.workflow.key], gated.workflow.id);
  });

  it("gives two workers folding at once the totals of one, each raw row folded once, while rows keep arriving", async () => {
    const gated = await givenGatedWorkflow();
    const [one, two] = [createDb(url), createDb(url)];
    const before = await foldedSoFar();
    let arriving = true;
    const worker = async (instance: typeof one) => {
      let folded = 0;
      do folded += await foldRollups(instance, { batchRows: 300 });
      while (arriving);
      return folded;
    };
    const workers = [worker(one), worker(two)];
    const random = seededRandom(11);
    for (let batch = 0; batch < 10; batch++) {
      await ingest(gated, randomEvents(random, 300, { days: 10 }));
      await storeDecisions(randomDecisions(random, gated, 150, { days: 10 }));
    }
    arriving = false;
    const folded = (await Promise.all(workers)).reduce((a, b) => a + b, 0) + (await catchUpRollups(two));
    await Promise.all([one.$disconnect(), two.$disconnect()]);
    expect(folded).toBe(10 * (300 + 150));
    expect((await foldedSoFar()) - before).toBe(10 * (300 + 150));
    await expectRollupsExact([gated.workflow.key], gated.workflow.id);
  });

  it("continues from the watermark in a new instance, after a pass that died half-way", async () => {
    const gated = await givenGatedWorkflow();
    const random = seededRandom(21);
    await ingest(gated, randomEvents(random, 400, { days: 5 }));
    const first = createDb(url);
    await catchUpRollups(first);
    await first.$disconnect();

    await ingest(gated, randomEvents(random, 400, { days: 5 }));
    // A pass that wrote its roll-ups and then died before committing: nothing of it stays.
    const crashed = new pg.Client({ connectionString: url });
    await crashed.connect();
    await crashed.query("BEGIN");
    await crashed.query("SELECT * FROM rollup_watermarks FOR UPDATE");
    const { rows } = await crashed.query<{ folded_below: string }>(
      `SELECT folded_below::text FROM rollup_watermarks WHERE source = 'run_events'`,
    );
    await crashed.query(FOLD_EVENTS, [rows[0]?.folded_below, "18446744073709551615"]);
    await crashed.end(); // the connection drops: Postgres rolls the pass back

    const restarted = createDb(url);
    await catchUpRollups(restarted);
    await restarted.$disconnect();
    expect(await eventsCounted(gated.workflow.key)).toBe(800);
    await expectRollupsExact([gated.workflow.key], gated.workflow.id);
  });

  it("counts a transaction that commits after a pass exactly once, in a later pass", async () => {
    const gated = await givenGatedWorkflow();
    await ingest(gated, [{ id: randomUUID(), runId: "r0", type: "run_started", occurredAt: new Date().toISOString() }]);
    const slow = new pg.Client({ connectionString: url });
    await slow.connect();
    await slow.query("BEGIN");
    const run = await slow.query<{ id: string }>(`SELECT id FROM runs WHERE workflow_key = $1`, [gated.workflow.key]);
    await slow.query(
      `INSERT INTO run_events (id, workflow_key, run_id, workflow_id, type, occurred_at, data) VALUES ($1, $2, $3, $4, 'tool_call', now(), '{}')`,
      [randomUUID(), gated.workflow.key, run.rows[0]?.id, gated.workflow.id],
    );
    // Stored and committed after the slow transaction began: its id is above the slow one's.
    await ingest(gated, [{ id: randomUUID(), runId: "r0", type: "tool_call", tool: "kb.search", occurredAt: new Date().toISOString() }]);

    await catchUpRollups(db);
    expect(await eventsCounted(gated.workflow.key)).toBe(1); // held back behind the open transaction
    await slow.query("COMMIT");
    await slow.end();
    await catchUpRollups(db);
    await catchUpRollups(db);
    expect(await eventsCounted(gated.workflow.key)).toBe(3);
    await expectRollupsExact([gated.workflow.key], gated.workflow.id);
  });

  it("buckets latencies in SQL exactly as LATENCY_BUCKETS does", async () => {
    const probes = [-5, ...LATENCY_BUCKETS.flatMap((edge) => [edge, edge + 1]), 123_456, 86_400_001, 10 ** 12];
    const { rows } = await sqlPool().query<{ ms: string; bucket: number }>(
      `SELECT ms::text, tollgate_latency_bucket(ms) AS bucket FROM unnest($1::bigint[]) ms`,
      [probes],
    );
    expect(rows.map((r) => [Number(r.ms), r.bucket])).toEqual(probes.map((ms) => [ms, latencyBucketOf(ms)]));
  });
});
