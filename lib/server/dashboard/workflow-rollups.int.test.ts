import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { givenGatedWorkflow } from "@/test/fixtures/approvals";
import { givenCatalog } from "@/test/fixtures/registry-changes";
import { ingest, randomDecisions, randomEvents, seededRandom, storeDecisions } from "@/test/fixtures/rollups";
import { getDb } from "../db/client";
import { closeSqlPool, sqlPool } from "../db/pool";
import { catchUpRollups } from "../rollups/fold-rollups";

// The per-workflow and fleet denial roll-ups are kept by statement triggers on the roll-up tables:
// whatever the job adds, updates (late events) or removes must land in them exactly.

const db = getDb();
beforeAll(() => givenCatalog());
afterAll(() => closeSqlPool());

/** What the per-workflow table should hold, summed straight from the per-tool roll-ups. */
const EXPECTED = (grain: string) => `
  WITH e AS (
    SELECT workflow_id, bucket_start,
      coalesce(sum(events) FILTER (WHERE type = 'run_started'), 0) AS runs, coalesce(sum(events) FILTER (WHERE type = 'run_ended'), 0) AS runs_ended,
      coalesce(sum(events) FILTER (WHERE type = 'run_ended' AND outcome = 'success'), 0) AS runs_succeeded,
      coalesce(sum(events) FILTER (WHERE type = 'tool_result'), 0) AS tool_results,
      coalesce(sum(events) FILTER (WHERE type = 'tool_result' AND outcome = 'failure'), 0) AS tool_failures,
      coalesce(sum(events) FILTER (WHERE type = 'human_override'), 0) AS overrides, coalesce(sum(redactions), 0) AS redactions,
      coalesce(tollgate_hist_sum(coalesce(latency_hist, '{}')) FILTER (WHERE type IN ('tool_result', 'model_call')), '{}') AS latency_hist
    FROM event_rollups_${grain} WHERE workflow_id IS NOT NULL GROUP BY 1, 2
  ), d AS (
    SELECT workflow_id, bucket_start, sum(decisions) AS decisions, coalesce(sum(decisions) FILTER (WHERE outcome = 'ALLOW'), 0) AS decisions_allowed,
      coalesce(sum(decisions) FILTER (WHERE outcome = 'DENY'), 0) AS decisions_denied
    FROM decision_rollups_${grain} GROUP BY 1, 2
  )
  SELECT workflow_id, bucket_start, coalesce(runs, 0) AS runs, coalesce(runs_ended, 0) AS runs_ended, coalesce(runs_succeeded, 0) AS runs_succeeded,
    coalesce(tool_results, 0) AS tool_results, coalesce(tool_failures, 0) AS tool_failures, coalesce(overrides, 0) AS overrides,
    coalesce(redactions, 0) AS redactions, coalesce(latency_hist, '{}') AS latency_hist, coalesce(decisions, 0) AS decisions,
    coalesce(decisions_allowed, 0) AS decisions_allowed, coalesce(decisions_denied, 0) AS decisions_denied
  FROM e FULL JOIN d USING (workflow_id, bucket_start)`;

const COLUMNS = `workflow_id, bucket_start, runs, runs_ended, runs_succeeded, tool_results, tool_failures, overrides, redactions,
  coalesce(latency_hist, '{}') AS latency_hist, decisions, decisions_allowed, decisions_denied`;

type TRow = Record<string, unknown> & { workflow_id: string; bucket_start: Date; latency_hist: string[] };

/** Rows keyed by workflow and bucket, histograms without trailing zeros, rows of nothing but zeros left out. */
function keyed(rows: TRow[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const { workflow_id, bucket_start, latency_hist, ...counts } of rows) {
    const hist = latency_hist.map(Number);
    while (hist.length && hist.at(-1) === 0) hist.pop();
    const values = Object.values(counts).map(Number);
    if (!hist.length && values.every((v) => v === 0)) continue;
    out.set(
      `${workflow_id}|${bucket_start.toISOString()}`,
      JSON.stringify({ ...Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Number(v)])), hist }),
    );
  }
  return out;
}

async function expectExact() {
  for (const grain of ["hourly", "daily"]) {
    const [held, expected] = await Promise.all([
      sqlPool().query<TRow>(`SELECT ${COLUMNS} FROM workflow_rollups_${grain}`),
      sqlPool().query<TRow>(EXPECTED(grain)),
    ]);
    expect(keyed(held.rows)).toEqual(keyed(expected.rows));
    expect(held.rows.length).toBeGreaterThan(0);
    const denials = `SELECT bucket_start, reason, sum(decisions)::bigint AS n FROM decision_rollups_${grain} WHERE outcome = 'DENY' GROUP BY 1, 2`;
    const [fleet, fromRows] = await Promise.all([
      sqlPool().query(`SELECT bucket_start, reason, denials AS n FROM denial_rollups_${grain} WHERE denials <> 0`),
      sqlPool().query(denials),
    ]);
    const asSet = (rows: { bucket_start: Date; reason: string; n: string }[]) =>
      new Set(rows.map((r) => `${r.bucket_start.toISOString()}|${r.reason}|${r.n}`));
    expect(asSet(fleet.rows)).toEqual(asSet(fromRows.rows));
  }
}

describe("the per-workflow roll-ups", () => {
  it("hold exactly the sums of the per-tool roll-ups: new rows, late events, removed rows, a shadow key registered", async () => {
    const seed = Date.now() % 100_000;
    const random = seededRandom(seed);
    const [first, second] = await Promise.all([givenGatedWorkflow(), givenGatedWorkflow()]);
    const shadow = `shadow-${randomUUID().slice(0, 8)}`;
    await ingest(first, randomEvents(random, 1_500, { days: 10, shadowKey: shadow }));
    await ingest(second, randomEvents(random, 800, { days: 10 }));
    await storeDecisions([...randomDecisions(random, first, 700, { days: 10 }), ...randomDecisions(random, second, 300, { days: 10 })]);
    await catchUpRollups(db);
    await expectExact();

    // Late events and decisions: they fold into buckets that already have rows (the UPDATE path).
    await ingest(first, randomEvents(random, 600, { days: 10 }));
    await storeDecisions(randomDecisions(random, second, 400, { days: 10 }));
    await catchUpRollups(db);
    await expectExact();

    // The shadow key's rows gain a workflow (as when a key is registered), and a day's rows go.
    await sqlPool().query(`UPDATE event_rollups_daily SET workflow_id = $1 WHERE workflow_key = $2`, [second.workflow.id, shadow]);
    await sqlPool().query(`UPDATE event_rollups_hourly SET workflow_id = $1 WHERE workflow_key = $2`, [second.workflow.id, shadow]);
    await sqlPool().query(
      `DELETE FROM event_rollups_daily WHERE workflow_id = $1 AND bucket_start = (SELECT min(bucket_start) FROM event_rollups_daily WHERE workflow_id = $1)`,
      [first.workflow.id],
    );
    await sqlPool().query(`DELETE FROM decision_rollups_hourly WHERE workflow_id = $1 AND outcome = 'DENY'`, [second.workflow.id]);
    await expectExact();
  });
});
