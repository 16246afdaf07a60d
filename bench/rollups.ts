import os from "node:os";
import pg from "pg";
import { generateServiceToken } from "@/lib/server/auth/service-token-secret";
import { getDb, type TDb } from "@/lib/server/db/client";
import { logIdleConnectionError } from "@/lib/server/db/idle-connection-error";
import { catchUpRollups } from "@/lib/server/rollups/fold-rollups";
import { readRollupFreshness } from "@/lib/server/rollups/read-rollup-freshness";
import { seedDemoData } from "@/prisma/seed";
import { createMigratedDatabase, startTestServer, uniqueDatabaseName } from "@/test/support/postgres";
import { startFreshnessProbe } from "./support/freshness-probe";
import { ingestRound, type TIngestRound } from "./support/ingest-round";
import { startAppServer, type TServer } from "./support/processes";
import { int, ms, spread, verdict } from "./support/report";
import { measureRollupSize } from "./support/rollup-size";
import { median, Samples } from "./support/samples";

// Issue 16, roll-ups. (a) Ingestion through POST /api/v1/events (the events bench's load: batches
// of 500, 4 senders) with the roll-up job folding beside it, and with the job held off (this
// process holds its watermark rows, so each pass finds them locked and does nothing), in
// interleaved rounds of the same run; zero loss, and the roll-ups count every stored event.
// (b) Freshness under that load: from an event's 200 to its row in event_rollups_hourly.
// (c) Roll-up size per 10 M events and the time to drop a month (bench/support/rollup-size.ts).
// Run: flock /tmp/tollgate-bench.lock npx tsx --conditions=react-server bench/rollups.ts
//   ROLLUP_BENCH_EVENTS=1000000 (default 10,000,000) sizes (c); ROLLUP_BENCH_PARTS=ingest or size runs one part.
const BATCH = 500;
const SENDERS = 4;
const ROUNDS = 5;
const ROUND_MS = 10_000;
const APP_PORT = 3243;
const WORKFLOWS = ["support-refunds", "ticket-triage", "access-requests", "incident-notifier"];
const PROBED = "support-refunds";
const EVENTS = Number(process.env.ROLLUP_BENCH_EVENTS ?? 10_000_000);
const PARTS = (process.env.ROLLUP_BENCH_PARTS ?? "ingest,size").split(",");

/** An INGEST token per workflow for the senders, and one more for the freshness probe. */
async function mintIngestTokens(db: TDb): Promise<{ senders: string[]; probe: string }> {
  const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@tollgate.local" } });
  const tokens: string[] = [];
  for (const key of [...WORKFLOWS, PROBED]) {
    const workflow = await db.workflow.findUniqueOrThrow({ where: { key } });
    const { token, prefix, tokenHash } = generateServiceToken();
    await db.serviceToken.create({
      data: {
        workflowId: workflow.id,
        name: "bench",
        prefix,
        tokenHash,
        scopes: ["INGEST"],
        environment: workflow.environment,
        expiresAt: new Date(Date.now() + 86_400_000),
        createdById: admin.id,
      },
    });
    tokens.push(token);
  }
  return { senders: tokens.slice(0, WORKFLOWS.length), probe: tokens.at(-1) ?? "" };
}

/** Holds both watermark rows in an open transaction: the app's roll-up passes skip them. */
async function holdRollupsOff(pool: pg.Pool): Promise<() => Promise<void>> {
  const client = await pool.connect();
  await client.query("BEGIN");
  await client.query("SELECT 1 FROM rollup_watermarks FOR UPDATE");
  return async () => {
    await client.query("ROLLBACK");
    client.release();
  };
}

async function caughtUp(db: TDb): Promise<void> {
  while ((await readRollupFreshness(db)).pendingRows > 0) await new Promise((resolve) => setTimeout(resolve, 50));
}

async function measureIngestion(adminUrl: string): Promise<void> {
  const databaseUrl = await createMigratedDatabase(adminUrl, uniqueDatabaseName("tollgate_rollup_ingest"));
  process.env.DATABASE_URL = databaseUrl;
  const db = getDb();
  await seedDemoData({ db });
  const tokens = await mintIngestTokens(db);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 3 });
  pool.on("error", logIdleConnectionError);
  let app: TServer | undefined;
  try {
    app = await startAppServer({ databaseUrl, port: APP_PORT, console: false });
    console.log(
      `node ${process.version}, ${os.cpus().length} cores; the run-time API in its own process with its background jobs (the roll-up worker every 1 s)`,
    );
    console.log(
      `(a) POST /api/v1/events, batches of ${BATCH}, ${SENDERS} senders, ${ROUNDS} × ${ROUND_MS / 1000} s each way, interleaved\n`,
    );
    const target = app.target;
    const round = () => ingestRound({ target, tokens: tokens.senders, batch: BATCH, roundMs: ROUND_MS });
    const all: TIngestRound[] = [await round()]; // warm-up: JIT, token cache, snapshot
    const on: TIngestRound[] = [];
    const off: TIngestRound[] = [];
    const freshness = new Samples();
    const probes = { acknowledged: 0, missing: 0 };
    // ABBA order (off, on, on, off, …) so a drift of the shared machine falls on both sides; the
    // probe runs in every round (its load is part of both), measured only while the job folds.
    for (let r = 0; r < 2 * ROUNDS; r++) {
      const folding = r % 4 === 1 || r % 4 === 2;
      const release = folding ? null : await holdRollupsOff(pool);
      const probe = startFreshnessProbe({
        target,
        token: tokens.probe,
        workflowKey: PROBED,
        pool,
        ages: folding ? freshness : new Samples(),
      });
      (folding ? on : off).push(await round());
      const result = await probe.stop(folding);
      probes.acknowledged += result.acknowledged;
      probes.missing += folding ? result.missing : 0;
      await release?.();
      await caughtUp(db); // a held-off round's backlog is folded before the next round is timed
    }
    all.push(...on, ...off);
    const rates = (rounds: TIngestRound[]) => rounds.map((x) => x.perSecond);
    const batchP = (rounds: TIngestRound[], p: number) => median(rounds.map((x) => x.batchMs.percentile(p)));
    const ratio = median(rates(on)) / median(rates(off));
    const pairs = on.map((x, i) => x.perSecond / (off[i]?.perSecond ?? NaN));
    console.log(`events/s, median (each round in order); time per batch p50 / p99`);
    console.log(`  roll-up job folding     ${spread(rates(on)).padStart(34)}   batch ${ms(batchP(on, 50))} / ${ms(batchP(on, 99))}`);
    console.log(`  baseline: job held off  ${spread(rates(off)).padStart(34)}   batch ${ms(batchP(off, 50))} / ${ms(batchP(off, 99))}`);
    console.log(
      `  with roll-ups: ${(100 * ratio).toFixed(1)}% of the baseline (round pairs: ${pairs.map((x) => `${(100 * x).toFixed(0)}%`).join(", ")}); target ≥ 85%: ${verdict(ratio >= 0.85)}\n`,
    );
    console.log(
      `(b) freshness, an event's 200 → counted in event_rollups_hourly, under that load (${int(freshness.count)} probes, 1 per 100 ms)`,
    );
    console.log(
      `  p50 ${ms(freshness.percentile(50))}, p99 ${ms(freshness.percentile(99))}, max ${ms(freshness.percentile(100))}; not counted within 30 s: ${probes.missing}; target p99 ≤ 10 s: ${verdict(freshness.percentile(99) <= 10_000 && probes.missing === 0)}\n`,
    );

    await app.stop();
    const acknowledged = all.reduce((n, x) => n + x.acknowledged, 0) + probes.acknowledged;
    const keys = WORKFLOWS;
    const stored = Number(
      (await pool.query<{ n: string }>(`SELECT count(*) AS n FROM run_events WHERE workflow_key = ANY($1)`, [keys])).rows[0]?.n,
    );
    await catchUpRollups(db);
    const counted = Number(
      (await pool.query<{ n: string }>(`SELECT sum(events) AS n FROM event_rollups_daily WHERE workflow_key = ANY($1)`, [keys])).rows[0]?.n,
    );
    console.log(
      `zero loss: ${int(acknowledged)} events acknowledged (probes included), ${int(stored)} rows stored: ${verdict(stored === acknowledged)}`,
    );
    console.log(`  the roll-ups count ${int(counted)} of them: ${verdict(counted === stored)}`);
  } finally {
    await app?.stop();
    await pool.end();
    await db.$disconnect();
  }
}

async function main(): Promise<void> {
  // Always a throwaway embedded Postgres, never the server a DATABASE_URL points at.
  delete process.env.DATABASE_URL;
  const server = await startTestServer();
  try {
    if (PARTS.includes("ingest")) await measureIngestion(server.adminUrl);
    if (PARTS.includes("size")) await measureRollupSize({ adminUrl: server.adminUrl, events: EVENTS });
  } finally {
    await server.stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
