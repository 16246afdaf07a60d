import { randomBytes, randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { logIdleConnectionError } from "@/lib/server/db/idle-connection-error";

// Bulk history for the roll-up, scorecard and dashboard benches: N run events and N decisions over
// D days across W workflows, written with COPY. Traffic is skewed as real fleets are: workflow i
// (busiest first) carries a share proportional to 1/i^0.9, so of 1,000 workflows the busiest has
// ~9.5% of all traffic, the top 10 ~30%, and the quietest a few hundred rows per 10 M. Each
// workflow has its own tools, failure and denial rates; runs are start, 1–4 steps of model call,
// tool call and result, now and then an override, rollback or error, and an end. Row payloads
// (`data`) are kept small, so raw tables here are leaner than real ones.

export type TLoadHistoryOptions = {
  databaseUrl: string;
  events: number;
  decisions: number;
  days: number;
  workflows: number;
  /** Workflow keys are `${prefix}-0001`…; a second load into the same database needs another. */
  prefix?: string;
  seed?: number;
  /** The end of the history (default: now). */
  now?: Date;
  /** Rows per COPY (each its own transaction, so the roll-up job can fold while loading). */
  chunkRows?: number;
  log?: (line: string) => void;
};

export type THistoryWorkflow = { id: string; key: string; tokenId: string; events: number; decisions: number };

export type TLoadedHistory = {
  /** Busiest first. */
  workflows: THistoryWorkflow[];
  ownerId: string;
  runs: number;
  events: number;
  decisions: number;
  from: Date;
  to: Date;
  seconds: number;
};

const SKEW = 0.9;
const SYSTEMS = ["zendesk", "salesforce", "jira", "stripe", "github", "okta", "slack", "sendgrid", "snowflake", "hubspot"];
const VERBS = ["read", "search", "update", "create", "refund", "notify"];
const MODELS = ["anthropic/claude-sonnet-4-5/2025-09-29", "openai/gpt-4.1/2025-04-14", "mistral/mistral-large/2411"];
const DENIALS = [
  [3, "tool_not_allowed", 30],
  [4, "arguments_violate_contract", 20],
  [5, "dlp_undeclared_class", 15],
  [6, "model_not_approved_for_sensitivity", 8],
  [7, "rate_limited", 12],
  [8, "policy_forbids", 8],
  [1, "kill_switch_engaged", 4],
  [2, "workflow_not_active", 3],
] as const;
// Each denial reason as often as its weight.
const DENIAL_DRAWS = DENIALS.flatMap(([rule, code, weight]) => Array<readonly [number, string]>(weight).fill([rule, code]));

function seeded(seed: number) {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  // Log-normal around `median` (Box–Muller), capped at a day.
  const logNormal = (median: number, sigma: number) =>
    Math.min(86_400_000, Math.round(median * Math.exp(sigma * Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()))));
  return { next, pick, logNormal };
}
type TRandom = ReturnType<typeof seeded>;

type TProfile = THistoryWorkflow & { tools: string[]; failure: number; denial: number; approval: number; runIds: string[] };

/** Shares proportional to 1/i^SKEW, as whole counts that add up to `total`. */
function skewedCounts(total: number, count: number): number[] {
  const weights = Array.from({ length: count }, (_, i) => 1 / (i + 1) ** SKEW);
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.floor((total * w) / sum));
  counts[0] = (counts[0] ?? 0) + total - counts.reduce((a, b) => a + b, 0);
  return counts;
}

const nullable = (value: string | number | null) => (value === null ? "\\N" : String(value));
const line = (values: (string | number | null)[]) => values.map(nullable).join("\t") + "\n";

async function copyRows(client: pg.PoolClient, sql: string, rows: Iterable<string>): Promise<void> {
  async function* batched() {
    let buffer = "";
    for (const row of rows) {
      buffer += row;
      if (buffer.length < 1 << 20) continue;
      yield buffer;
      buffer = "";
    }
    if (buffer) yield buffer;
  }
  await pipeline(Readable.from(batched()), client.query(copyFrom(sql)));
}

/** Chunks of an iterator, each loaded with its own COPY (its own transaction). */
async function copyInChunks(pool: pg.Pool, sql: string, rows: Iterator<string>, chunkRows: number): Promise<number> {
  let total = 0;
  for (let done = false; !done;) {
    const chunk: string[] = [];
    for (let next = rows.next(); ; next = rows.next()) {
      if (next.done) {
        done = true;
        break;
      }
      chunk.push(next.value);
      if (chunk.length >= chunkRows) break;
    }
    if (!chunk.length) break;
    const client = await pool.connect();
    try {
      // The rows reference only workflows, tokens and runs made here: Postgres's per-row
      // foreign-key checks are skipped (replica mode does not fire them).
      await client.query("SET session_replication_role = replica");
      await copyRows(client, sql, chunk);
    } finally {
      client.release();
    }
    total += chunk.length;
  }
  return total;
}

function* runsAndEvents(profiles: TProfile[], random: TRandom, from: number, span: number, runLines: string[]): Generator<string> {
  for (const p of profiles) {
    let left = p.events;
    while (left > 0) {
      const runId = randomUUID();
      const externalId = `run-${p.runIds.length + 1}`;
      p.runIds.push(externalId);
      const steps: [string, string | null, string | null, number | null][] = [["run_started", null, null, null]];
      for (let s = 1 + Math.floor(random.next() * 4); s > 0; s--) {
        const tool = random.pick(p.tools);
        steps.push(["model_call", null, null, random.logNormal(1_200, 0.6)]);
        steps.push(["tool_call", tool, null, null]);
        steps.push(["tool_result", tool, random.next() < p.failure ? "failure" : "success", random.logNormal(300, 1.1)]);
        if (random.next() < 0.01) steps.push([random.pick(["human_override", "rollback", "error"]), tool, null, null]);
      }
      const failed = steps.some((e) => e[2] === "failure") && random.next() < 0.5;
      steps.push(["run_ended", null, failed ? "failure" : random.next() < 0.01 ? "cancelled" : "success", null]);
      const kept = steps.slice(0, left);
      left -= kept.length;
      const startedAt = from + Math.floor(random.next() * (span - 600_000));
      let at = startedAt;
      const lines = kept.map(([type, tool, outcome, latency]) => {
        at += (latency ?? 50) + Math.floor(random.next() * 200);
        const occurred = new Date(at).toISOString();
        const model = type === "model_call" ? random.pick(MODELS) : null;
        const data = type === "tool_call" ? `{"arguments":{"ticket":"ZD-${Math.floor(random.next() * 1e6)}"}}` : "{}";
        const redactions = type === "tool_call" && random.next() < 0.02 ? 1 : 0;
        return line([
          randomUUID(),
          p.key,
          runId,
          p.id,
          type,
          occurred,
          occurred,
          tool,
          model,
          null,
          outcome,
          latency,
          data,
          redactions,
          null,
        ]);
      });
      const ended = kept.at(-1)?.[0] === "run_ended";
      const status = ended ? (failed ? "FAILED" : "SUCCEEDED") : "RUNNING";
      // The run before its events: they reference it, and a COPY may end between two of them.
      runLines.push(
        line([
          runId,
          p.id,
          p.key,
          externalId,
          status,
          new Date(startedAt).toISOString(),
          ended ? new Date(at).toISOString() : null,
          new Date(at).toISOString(),
          kept.length,
        ]),
      );
      yield* lines;
    }
  }
}

function* decisionRows(profiles: TProfile[], random: TRandom, from: number, span: number): Generator<string> {
  for (const p of profiles) {
    for (let i = 0; i < p.decisions; i++) {
      const roll = random.next();
      const [outcome, rule, code] =
        roll < p.denial
          ? (["DENY", ...random.pick(DENIAL_DRAWS)] as const)
          : roll < p.denial + p.approval
            ? (["REQUIRE_APPROVAL", 9, "approval_required"] as const)
            : (["ALLOW", 10, "allowed"] as const);
      const reasons = JSON.stringify([{ rule, code, message: `${code} (bench history)` }]);
      const decided = new Date(from + Math.floor(random.next() * span)).toISOString();
      const runId = p.runIds.length ? random.pick(p.runIds) : "run-0";
      const tier = outcome === "REQUIRE_APPROVAL" ? "T2" : "T0";
      yield line([
        randomUUID(),
        p.id,
        p.tokenId,
        runId,
        random.pick(p.tools),
        random.pick(MODELS),
        "{support-tickets}",
        outcome,
        tier,
        reasons,
        "bench-1",
        "0".repeat(64),
        null,
        decided,
      ]);
    }
  }
}

/** Creates W workflows (one owner, a token each) and COPYs their runs, run events and decisions. */
export async function loadHistory(options: TLoadHistoryOptions): Promise<TLoadedHistory> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const random = seeded(options.seed ?? 16);
  const prefix = options.prefix ?? "hist";
  const to = options.now ?? new Date();
  const span = options.days * 86_400_000;
  const from = to.getTime() - span;
  const chunkRows = options.chunkRows ?? 250_000;
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 2 });
  pool.on("error", logIdleConnectionError);
  try {
    const ownerId = randomUUID();
    await pool.query(`INSERT INTO users (id, email, name, roles, updated_at) VALUES ($1, $2, 'History Owner', '{OWNER}', now())`, [
      ownerId,
      `${prefix}-owner-${randomBytes(3).toString("hex")}@example.test`,
    ]);
    const eventCounts = skewedCounts(options.events, options.workflows);
    const decisionCounts = skewedCounts(options.decisions, options.workflows);
    const profiles: TProfile[] = eventCounts.map((events, i) => ({
      id: randomUUID(),
      key: `${prefix}-${String(i + 1).padStart(4, "0")}`,
      tokenId: randomUUID(),
      events,
      decisions: decisionCounts[i] ?? 0,
      tools: Array.from({ length: 3 + Math.floor(random.next() * 4) }, () => `${random.pick(SYSTEMS)}.${random.pick(VERBS)}`),
      failure: 0.005 + random.next() * 0.08,
      denial: 0.02 + random.next() * 0.13,
      approval: random.next() * 0.08,
      runIds: [],
    }));
    await pool.query(
      `INSERT INTO workflows (id, key, name, purpose, environment, status, owner_id, updated_at)
       SELECT id, key, 'History ' || key, 'Bench history', 'PROD', 'ACTIVE', $2, now() FROM unnest($1::uuid[], $3::text[]) AS w(id, key)`,
      [profiles.map((p) => p.id), ownerId, profiles.map((p) => p.key)],
    );
    await pool.query(
      `INSERT INTO service_tokens (id, workflow_id, name, prefix, token_hash, scopes, environment, expires_at, created_by_id)
       SELECT t.id, t.workflow_id, 'history', 'tg_' || substr(md5(t.id::text), 1, 12), md5(random()::text || t.id::text), '{DECIDE,INGEST}', 'PROD',
         now() + interval '1 year', $3
       FROM unnest($1::uuid[], $2::uuid[]) AS t(id, workflow_id)`,
      [profiles.map((p) => p.tokenId), profiles.map((p) => p.id), ownerId],
    );
    log(`  ${options.workflows} workflows; the busiest carries ${profiles[0]?.events.toLocaleString("en-US")} events`);

    // Runs are made while the events are generated, so the events (which reference them) go
    // through a buffer: generated into memory per chunk, runs copied before their events.
    const runLines: string[] = [];
    const eventSql = `COPY run_events (id, workflow_key, run_id, workflow_id, type, occurred_at, received_at, tool, model, decision_id, outcome, latency_ms, data, redactions, content_hash) FROM STDIN`;
    const runSql = `COPY runs (id, workflow_id, workflow_key, external_id, status, started_at, ended_at, last_event_at, event_count) FROM STDIN`;
    const events = runsAndEvents(profiles, random, from, span, runLines);
    let eventRows = 0;
    let runRows = 0;
    for (let done = false; !done;) {
      const chunk: string[] = [];
      for (let next = events.next(); ; next = events.next()) {
        if (next.done) {
          done = true;
          break;
        }
        chunk.push(next.value);
        if (chunk.length >= chunkRows) break;
      }
      runRows += await copyInChunks(pool, runSql, runLines.splice(0).values(), chunkRows);
      eventRows += await copyInChunks(pool, eventSql, chunk.values(), chunkRows);
      log(`  ${eventRows.toLocaleString("en-US")} events, ${runRows.toLocaleString("en-US")} runs`);
    }
    const decisionSql = `COPY decisions (id, workflow_id, token_id, run_id, tool, model, data_classes, outcome, tier, reasons, registry_version, arguments_hash, approval_id, decided_at) FROM STDIN`;
    const decisions = await copyInChunks(pool, decisionSql, decisionRows(profiles, random, from, span), chunkRows);
    log(`  ${decisions.toLocaleString("en-US")} decisions`);
    return {
      workflows: profiles.map(({ id, key, tokenId, events: e, decisions: d }) => ({ id, key, tokenId, events: e, decisions: d })),
      ownerId,
      runs: runRows,
      events: eventRows,
      decisions,
      from: new Date(from),
      to,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await pool.end();
  }
}
