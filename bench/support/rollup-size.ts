import pg from "pg";
import { createDb } from "@/lib/server/db/client";
import { logIdleConnectionError } from "@/lib/server/db/idle-connection-error";
import { dropRawPartitionsBefore } from "@/lib/server/rollups/drop-raw-partitions-before";
import { catchUpRollups } from "@/lib/server/rollups/fold-rollups";
import { createMigratedDatabase, uniqueDatabaseName } from "@/test/support/postgres";
import { loadHistory } from "./load-history";
import { int, verdict } from "./report";

const MB = 1024 * 1024;
const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await fn();
  return [result, performance.now() - started];
}

// Partitioned parents have no storage of their own: a raw table's size is its partitions'.
const SIZES = `
  SELECT t.name, (CASE WHEN c.relkind = 'p' THEN (SELECT sum(pg_total_relation_size(p.relid)) FROM pg_partition_tree(c.oid) p)
    ELSE pg_total_relation_size(c.oid) END)::float8 AS bytes
  FROM unnest($1::text[]) AS t(name) JOIN pg_class c ON c.oid = t.name::regclass`;

/**
 * (c) Loads `events` run events and as many decisions over 30 days across 1,000 workflows with COPY,
 * folds them, and prints the roll-ups' size beside the raw tables' (scaled to 10 M events), then
 * the time to drop the older month beside deleting the same rows from an unpartitioned copy.
 */
export async function measureRollupSize(options: { adminUrl: string; events: number }): Promise<void> {
  const url = await createMigratedDatabase(options.adminUrl, uniqueDatabaseName("tollgate_rollup_size"));
  const pool = new pg.Pool({ connectionString: url, max: 3 });
  pool.on("error", logIdleConnectionError);
  const db = createDb(url);
  try {
    console.log(
      `\n(c) roll-up size and retention: ${int(options.events)} run events and ${int(options.events)} decisions over 30 days, 1,000 workflows (COPY)`,
    );
    const [history, loadMs] = await timed(() =>
      loadHistory({ databaseUrl: url, events: options.events, decisions: options.events, days: 30, workflows: 1_000, log: console.log }),
    );
    console.log(
      `  loaded in ${s(loadMs)} (${int((2 * options.events) / (loadMs / 1000))} rows/s); busiest workflow ${int(history.workflows[0]?.events ?? 0)} events`,
    );
    const [folded, foldMs] = await timed(() => catchUpRollups(db));
    console.log(
      `  folded ${int(folded)} raw rows in ${s(foldMs)} (${int(folded / (foldMs / 1000))} rows/s, one pass per COPY transaction)`,
    );

    const [counts] = (
      await pool.query<Record<string, string>>(`SELECT
        (SELECT count(*) FROM run_events) AS raw_events, (SELECT sum(events) FROM event_rollups_hourly) AS hourly_events,
        (SELECT sum(events) FROM event_rollups_daily) AS daily_events, (SELECT count(*) FROM decisions) AS raw_decisions,
        (SELECT sum(decisions) FROM decision_rollups_hourly) AS hourly_decisions, (SELECT sum(decisions) FROM decision_rollups_daily) AS daily_decisions,
        (SELECT count(*) FROM event_rollups_hourly) AS event_hourly_rows, (SELECT count(*) FROM event_rollups_daily) AS event_daily_rows,
        (SELECT count(*) FROM decision_rollups_hourly) AS decision_hourly_rows, (SELECT count(*) FROM decision_rollups_daily) AS decision_daily_rows`)
    ).rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)])));
    const c = counts ?? {};
    const exact =
      c.raw_events === c.hourly_events &&
      c.raw_events === c.daily_events &&
      c.raw_decisions === c.hourly_decisions &&
      c.raw_decisions === c.daily_decisions;
    console.log(
      `  roll-ups count every raw row (events ${int(c.raw_events ?? 0)} = hourly ${int(c.hourly_events ?? 0)} = daily ${int(c.daily_events ?? 0)}; decisions likewise): ${verdict(exact)}`,
    );

    const tables = [
      "run_events",
      "decisions",
      "event_rollups_hourly",
      "event_rollups_daily",
      "decision_rollups_hourly",
      "decision_rollups_daily",
    ];
    const size = new Map((await pool.query<{ name: string; bytes: number }>(SIZES, [tables])).rows.map((r) => [r.name, r.bytes]));
    const per10M = 10_000_000 / options.events;
    const rowsOf: Record<string, number | undefined> = {
      run_events: c.raw_events,
      decisions: c.raw_decisions,
      event_rollups_hourly: c.event_hourly_rows,
      event_rollups_daily: c.event_daily_rows,
      decision_rollups_hourly: c.decision_hourly_rows,
      decision_rollups_daily: c.decision_daily_rows,
    };
    console.log(
      `  on disk (tables + indexes), and per 10 M events${per10M === 1 ? "" : ` (×${per10M.toFixed(1)}, scaled linearly: roll-up rows grow slower than that)`}:`,
    );
    for (const table of tables) {
      console.log(
        `    ${table.padEnd(24)} ${int(rowsOf[table] ?? 0).padStart(12)} rows ${mb(size.get(table) ?? 0).padStart(12)}   per 10 M: ${mb((size.get(table) ?? 0) * per10M)}`,
      );
    }
    const rollups = tables.slice(2).reduce((sum, t) => sum + (size.get(t) ?? 0), 0);
    const raw = (size.get("run_events") ?? 0) + (size.get("decisions") ?? 0);
    console.log(`    roll-ups together ${mb(rollups)} = ${((100 * rollups) / raw).toFixed(1)}% of the raw tables' ${mb(raw)}`);

    await retention(pool, db, history.from);
  } finally {
    await db.$disconnect();
    await pool.end();
  }
}

/** Dropping the older month (both raw tables) beside DELETE + VACUUM of the same rows from an unpartitioned copy with the same indexes. */
async function retention(pool: pg.Pool, db: ReturnType<typeof createDb>, from: Date): Promise<void> {
  const cut = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1));
  const month = `${from.getUTCFullYear()}_${String(from.getUTCMonth() + 1).padStart(2, "0")}`;
  const { rows } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM run_events_p${month}`);
  const monthRows = Number(rows[0]?.n ?? 0);
  await pool.query(`CREATE TABLE bench_unpartitioned_copy (LIKE run_events INCLUDING DEFAULTS INCLUDING INDEXES)`);
  await pool.query(`INSERT INTO bench_unpartitioned_copy SELECT * FROM run_events_p${month}`);
  await pool.query(`VACUUM ANALYZE bench_unpartitioned_copy`);
  const [, deleteMs] = await timed(() => pool.query(`DELETE FROM bench_unpartitioned_copy WHERE occurred_at < $1`, [cut]));
  const [, vacuumMs] = await timed(() => pool.query(`VACUUM bench_unpartitioned_copy`));
  await pool.query(`DROP TABLE bench_unpartitioned_copy`);

  // A writer storing run events (this month) one at a time meanwhile: how long did writes wait?
  const [run] = (
    await pool.query<{ run_id: string; key: string }>(
      `SELECT run_id, workflow_key AS key FROM run_events WHERE occurred_at >= $1 LIMIT 1`,
      [cut],
    )
  ).rows;
  let dropping = true;
  let longestWriteMs = 0;
  const writer = (async () => {
    while (dropping) {
      const started = performance.now();
      await pool.query(
        `INSERT INTO run_events (id, workflow_key, run_id, type, occurred_at, data) VALUES (gen_random_uuid(), $1, $2, 'tool_call', now(), '{}')`,
        [run?.key, run?.run_id],
      );
      longestWriteMs = Math.max(longestWriteMs, performance.now() - started);
    }
  })();
  const [dropped, dropMs] = await timed(() => dropRawPartitionsBefore(db, cut));
  dropping = false;
  await writer;
  console.log(`  retention of ${month.replace("_", "-")} (${int(monthRows)} run events + its decisions):`);
  console.log(
    `    dropRawPartitionsBefore: ${s(dropMs).padStart(8)} for ${dropped.dropped.join(", ")}${dropped.kept.length ? ` (kept ${dropped.kept.join(", ")})` : ""}; a writer storing events meanwhile waited at most ${longestWriteMs.toFixed(0)} ms`,
  );
  console.log(
    `    baseline, run events alone: DELETE of the same rows from an unpartitioned copy with the same indexes ${s(deleteMs)}, then VACUUM to reuse the space ${s(vacuumMs)}`,
  );
  console.log(`    drop vs DELETE + VACUUM: ${((deleteMs + vacuumMs) / dropMs).toFixed(0)}× faster (the drop covers both tables)`);
}
