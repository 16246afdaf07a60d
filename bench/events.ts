import os from "node:os";
import pg from "pg";
import type { TEventBatchResponse, TRunEvent } from "@/lib/contracts/events";
import { generateServiceToken } from "@/lib/server/auth/service-token-secret";
import { getDb, type TDb } from "@/lib/server/db/client";
import { logIdleConnectionError } from "@/lib/server/db/idle-connection-error";
import { seedDemoData } from "@/prisma/seed";
import { createMigratedDatabase, startTestServer, uniqueDatabaseName } from "@/test/support/postgres";
import { HttpConnection, rawRequest } from "./support/http-connection";
import { SERVER_FLAGS, startAppServer, type TServer } from "./support/processes";
import { int, ms, spread, verdict } from "./support/report";
import { eventBatch } from "./support/run-events";
import { median, Samples } from "./support/samples";

// Issue "runtime gate", performance: sustained ingestion through POST /api/v1/events in batches
// of 500 (validation, redaction, runs linked, committed before the answer) ≥ 20,000 events/s, with
// zero loss: rows stored = events acknowledged. Beside a plain `pg` multi-row INSERT of the same
// rows (same columns, no validation or redaction) from this process, at the same concurrency, in
// interleaved rounds. The app runs in its own process (the run-time API of scripts/serve.ts).
// Run: npx tsx --conditions=react-server bench/events.ts   (BENCH_SERVER_FLAGS="--cpu-prof --cpu-prof-dir=<dir>" profiles the server)
const BATCH = 500;
const SENDERS = 4;
const ROUNDS = 3;
const ROUND_MS = 10_000;
const APP_PORT = 3233;
const WORKFLOWS = ["support-refunds", "ticket-triage", "access-requests", "incident-notifier"];

async function mintIngestTokens(db: TDb): Promise<string[]> {
  const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@tollgate.local" } });
  const tokens: string[] = [];
  for (const key of WORKFLOWS) {
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
  return tokens;
}

type TRound = { perSecond: number; batchMs: Samples; acknowledged: number; failed: number };

/** `SENDERS` loops, each posting one batch at a time on its own keep-alive connection. */
async function gateRound(server: TServer, tokens: string[]): Promise<TRound> {
  const round: TRound = { perSecond: 0, batchMs: new Samples(), acknowledged: 0, failed: 0 };
  let inWindow = 0;
  const deadline = performance.now() + ROUND_MS;
  await Promise.all(
    tokens.slice(0, SENDERS).map(async (token) => {
      const connection = new HttpConnection(server.target);
      while (performance.now() < deadline) {
        const body = JSON.stringify({ events: eventBatch(BATCH) });
        const started = performance.now();
        const response = await connection
          .send(
            rawRequest({
              method: "POST",
              path: "/api/v1/events",
              target: server.target,
              headers: { authorization: `Bearer ${token}` },
              body,
            }),
          )
          .catch(() => null);
        const now = performance.now();
        if (response?.status !== 200) {
          round.failed += 1;
          continue;
        }
        const { stored } = JSON.parse(response.body.toString()) as TEventBatchResponse;
        round.acknowledged += stored;
        round.batchMs.add(now - started);
        if (now <= deadline) inWindow += stored;
      }
      connection.close();
    }),
  );
  round.perSecond = inWindow / (ROUND_MS / 1000);
  return round;
}

// The baseline stores the same rows (runs, then their events) with two plain multi-row INSERTs in
// one transaction: what the database alone costs, with none of the gate's work.
async function insertPlainly(client: pg.PoolClient, events: TRunEvent[]): Promise<void> {
  const runIds = new Map<string, string>();
  const runs: unknown[] = [];
  for (const e of events) {
    if (runIds.has(e.runId)) continue;
    runIds.set(e.runId, crypto.randomUUID());
    runs.push(runIds.get(e.runId), "pg-baseline", e.runId, "RUNNING", e.occurredAt, e.occurredAt);
  }
  const values = (rows: number, columns: number) =>
    Array.from({ length: rows }, (_, r) => `(${Array.from({ length: columns }, (_, c) => `$${r * columns + c + 1}`).join(", ")})`).join(
      ", ",
    );
  const rows = events.flatMap((e) => [
    e.id,
    "pg-baseline",
    runIds.get(e.runId),
    null,
    e.type,
    e.occurredAt,
    e.tool ?? null,
    e.model ?? null,
    e.decisionId ?? null,
    e.outcome ?? null,
    e.latencyMs ?? null,
    JSON.stringify(e.data ?? {}),
    0,
  ]);
  await client.query("BEGIN");
  await client.query(
    `INSERT INTO runs (id, workflow_key, external_id, status, started_at, last_event_at) VALUES ${values(runs.length / 6, 6)}`,
    runs,
  );
  await client.query(
    `INSERT INTO run_events (id, workflow_key, run_id, workflow_id, type, occurred_at, tool, model, decision_id, outcome, latency_ms, data, redactions) VALUES ${values(events.length, 13)}`,
    rows,
  );
  await client.query("COMMIT");
}

async function baselineRound(pool: pg.Pool): Promise<TRound> {
  const round: TRound = { perSecond: 0, batchMs: new Samples(), acknowledged: 0, failed: 0 };
  let inWindow = 0;
  const deadline = performance.now() + ROUND_MS;
  await Promise.all(
    Array.from({ length: SENDERS }, async () => {
      const client = await pool.connect();
      while (performance.now() < deadline) {
        const events = eventBatch(BATCH);
        const started = performance.now();
        await insertPlainly(client, events);
        const now = performance.now();
        round.acknowledged += events.length;
        round.batchMs.add(now - started);
        if (now <= deadline) inWindow += events.length;
      }
      client.release();
    }),
  );
  round.perSecond = inWindow / (ROUND_MS / 1000);
  return round;
}

async function main(): Promise<void> {
  // Always a throwaway embedded Postgres, never the server a DATABASE_URL points at.
  delete process.env.DATABASE_URL;
  const server = await startTestServer();
  let app: TServer | undefined;
  let pool: pg.Pool | undefined;
  try {
    const databaseUrl = await createMigratedDatabase(server.adminUrl, uniqueDatabaseName("tollgate_bench"));
    process.env.DATABASE_URL = databaseUrl;
    const db = getDb();
    await seedDemoData({ db });
    const tokens = await mintIngestTokens(db);
    app = await startAppServer({ databaseUrl, port: APP_PORT, console: false });
    pool = new pg.Pool({ connectionString: databaseUrl, max: SENDERS });
    // pool.end() resolves before its sockets close, so Postgres stopping next can still reach an
    // idle client (57P01); without a listener the pool rethrows that and the run exits 1.
    pool.on("error", logIdleConnectionError);
    const sample = eventBatch(BATCH);
    const bytes = JSON.stringify({ events: sample }).length;
    console.log(
      `node ${process.version}, ${os.cpus().length} cores; batches of ${BATCH} events (${int(bytes / BATCH)} bytes of JSON each on average, ${int(bytes / 1024)} KiB per batch; 1 in 8 quotes an e-mail, phone or card number), ${SENDERS} concurrent senders`,
    );
    console.log(
      `app: the run-time API (scripts/serve.ts without the console${SERVER_FLAGS.length ? `, node ${SERVER_FLAGS.join(" ")}` : ""}) in its own process; senders and the pg baseline: this process\n`,
    );

    const warmUp = await gateRound(app, tokens); // JIT, token cache, snapshot
    const gate: TRound[] = [];
    const plain: TRound[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      gate.push(await gateRound(app, tokens));
      plain.push(await baselineRound(pool));
    }
    const rates = (rounds: TRound[]) => rounds.map((r) => r.perSecond);
    const batchP = (rounds: TRound[], p: number) => median(rounds.map((r) => r.batchMs.percentile(p)));
    console.log(`events/s, median (each round in order) of ${ROUNDS} interleaved rounds of ${ROUND_MS / 1000} s; time per batch p50 / p99`);
    console.log(
      `  ${"POST /api/v1/events (validate, redact, link runs, commit)".padEnd(58)} ${spread(rates(gate)).padStart(34)}   batch ${ms(batchP(gate, 50))} / ${ms(batchP(gate, 99))}   ${((100 * median(rates(gate))) / median(rates(plain))).toFixed(0)}% of the baseline`,
    );
    console.log(
      `  ${"baseline: plain pg multi-row INSERT of the same rows".padEnd(58)} ${spread(rates(plain)).padStart(34)}   batch ${ms(batchP(plain, 50))} / ${ms(batchP(plain, 99))}`,
    );
    console.log(`  target ≥ 20,000 events/s: ${verdict(median(rates(gate)) >= 20_000)}\n`);

    await app.stop();
    const acknowledged = [warmUp, ...gate].reduce((n, r) => n + r.acknowledged, 0);
    const failed = [warmUp, ...gate].reduce((n, r) => n + r.failed, 0);
    const [counts] = await db.$queryRaw<{ stored: bigint; redacted: bigint; leaked: bigint }[]>`
      SELECT count(*) AS stored, count(*) FILTER (WHERE redactions > 0) AS redacted,
        count(*) FILTER (WHERE data::text LIKE '%4111 1111 1111 1111%' OR data::text ~ 'jane\\.doe\\d+@example\\.com') AS leaked
      FROM run_events WHERE workflow_id IS NOT NULL`;
    const [stored, redacted, leaked] = [Number(counts?.stored), Number(counts?.redacted), Number(counts?.leaked)];
    console.log(
      `zero loss: ${int(acknowledged)} events acknowledged as stored (warm-up and measured rounds), ${int(stored)} rows in run_events after the server stopped (${failed} batches unanswered): ${verdict(stored === acknowledged)}`,
    );
    console.log(
      `  redaction: ${int(redacted)} stored events had something redacted; raw e-mails or card numbers left in stored events: ${int(leaked)}`,
    );
  } finally {
    await pool?.end();
    await app?.stop();
    // Closed before Postgres stops, so its connections are not cut from under it.
    if (process.env.DATABASE_URL) await getDb().$disconnect();
    await server.stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
