import "server-only";
import { hash } from "node:crypto";
import type pg from "pg";
import { ZRunEvent, type TEventBatchResponse, type TRunEventInput } from "@/lib/contracts/events";
import { canonicalJson } from "../shared/canonical-json";
import type { TServicePrincipal } from "../authz/principal";
import type { TTx } from "../db/client";
import { redactSensitiveData } from "../dlp/redact-sensitive-data";
import { findInputProblems } from "../input/find-input-problems";
import { recordShadowSighting } from "../registry/shadow/record-shadow-sighting";
import { classifyWorkflowKeys } from "./classify-workflow-keys";

type TResult = TEventBatchResponse["results"][number];
type TAccepted = { index: number; event: TRunEventInput; workflowKey: string; workflowId: string | null; contentHash: string };
/** Stored now, or the content hash of the event stored earlier under the id (null: stored before hashes were kept). */
type TStoreOutcome = { stored: true } | { stored: false; earlierHash: string | null };

// Runs first (one row per workflow key × run id), then the events joined to them; the events
// insert skips ids already stored in the same workflow, bumps its runs' counters and reads the
// content hash of each skipped id's stored event, all in the same statement. The runs are locked
// in key order: concurrent batches sharing runs in their own orders deadlocked.
const UPSERT_RUNS = `
  INSERT INTO runs (id, workflow_id, workflow_key, external_id, status, started_at, last_event_at, event_count)
  SELECT gen_random_uuid(), r.workflow_id, r.workflow_key, r.external_id, 'RUNNING', r.first_at, r.last_at, 0
  FROM json_to_recordset($1::json) AS r(workflow_id uuid, workflow_key text, external_id text, first_at timestamptz, last_at timestamptz)
  ORDER BY r.workflow_key, r.external_id
  ON CONFLICT (workflow_key, external_id) DO UPDATE SET started_at = LEAST(runs.started_at, EXCLUDED.started_at)
  RETURNING id, workflow_key, external_id`;

const INSERT_EVENTS = `
  WITH input AS (
    SELECT * FROM json_to_recordset($1::json) AS e(id uuid, workflow_key text, run_id uuid, workflow_id uuid, type text, occurred_at timestamptz,
      tool text, model text, decision_id uuid, outcome text, latency_ms int, data jsonb, redactions int, content_hash text)
  ), before AS MATERIALIZED (
    -- An event stored earlier under the same id, in any month: the key (workflow_key, id, occurred_at)
    -- leads with the id, so each partition answers from its index. (Not seen: a batch storing the
    -- same id with another occurredAt that has not committed yet; both are then stored.)
    SELECT DISTINCT ON (i.workflow_key, i.id) i.workflow_key, i.id, b.content_hash
    FROM input i JOIN run_events b ON b.workflow_key = i.workflow_key AND b.id = i.id
  ), stored AS (
    INSERT INTO run_events (id, workflow_key, run_id, workflow_id, type, occurred_at, tool, model, decision_id, outcome, latency_ms, data, redactions, content_hash)
    SELECT e.id, e.workflow_key, e.run_id, e.workflow_id, e.type, e.occurred_at, e.tool, e.model, e.decision_id, e.outcome, e.latency_ms, e.data, e.redactions, e.content_hash
    FROM input e
    WHERE NOT EXISTS (SELECT 1 FROM before x WHERE x.workflow_key = e.workflow_key AND x.id = e.id)
    -- Partitioned by occurred_at, the key includes it: this catches the same event again at once.
    ON CONFLICT (workflow_key, id, occurred_at) DO NOTHING
    RETURNING id, workflow_key, run_id, type, occurred_at, outcome
  ), counted AS (
    UPDATE runs r SET
      event_count = r.event_count + s.n,
      last_event_at = GREATEST(r.last_event_at, s.last_at),
      ended_at = COALESCE(s.ended_at, r.ended_at),
      status = COALESCE(s.status, r.status)
    FROM (
      SELECT run_id, count(*)::int AS n, max(occurred_at) AS last_at,
        max(occurred_at) FILTER (WHERE type = 'run_ended') AS ended_at,
        CASE WHEN bool_or(type = 'run_ended') THEN
          CASE WHEN bool_or(type = 'run_ended' AND outcome IN ('failure', 'denied', 'cancelled')) THEN 'FAILED' ELSE 'SUCCEEDED' END
        END AS status
      FROM stored GROUP BY run_id
    ) s WHERE r.id = s.run_id
  )
  -- The statement does not see its own inserts: "before" is an event stored earlier, under the same id.
  SELECT i.workflow_key, i.id, s.id IS NOT NULL AS stored, before.content_hash AS earlier_hash
  FROM input i
  LEFT JOIN stored s ON s.workflow_key = i.workflow_key AND s.id = i.id
  LEFT JOIN before ON before.workflow_key = i.workflow_key AND before.id = i.id`;

/**
 * Stores one batch: every item validated on its own (a bad item is rejected, the rest are kept),
 * redacted before it reaches the database, linked to its run, and committed before the answer —
 * acknowledged means committed. Ids are the caller's, unique within the event's workflow: an id
 * already stored with the same content is a duplicate (a retried batch stores nothing twice), with
 * other content a conflict (the stored event is kept). Events naming an unregistered workflow key
 * are kept under that key and reported as shadow sightings.
 */
export async function ingestEvents(options: {
  db: TTx;
  pool: pg.Pool;
  principal: TServicePrincipal;
  events: readonly unknown[];
  receivedAt?: Date;
}): Promise<TEventBatchResponse> {
  const { pool, principal } = options;
  const results: TResult[] = [];
  const valid: { index: number; event: TRunEventInput }[] = [];
  options.events.forEach((raw, index) => {
    const parsed = ZRunEvent.safeParse(raw);
    // Text Postgres cannot store (NUL, unpaired surrogates) rejects its own item, never the batch.
    const unstorable = parsed.success ? findInputProblems({ value: parsed.data, path: `events.${index}` }) : [];
    if (parsed.success && !unstorable.length) return void valid.push({ index, event: parsed.data });
    const id = typeof (raw as { id?: unknown } | null)?.id === "string" ? (raw as { id: string }).id : null;
    const problems = parsed.success
      ? unstorable
      : parsed.error.issues.map((issue) => ({ path: [`events`, index, ...issue.path].join("."), message: issue.message }));
    results.push({ index, id, status: "rejected", problems });
  });

  const keys = await classifyWorkflowKeys(
    pool,
    principal,
    valid.map((v) => v.event.workflowKey),
  );
  const accepted: TAccepted[] = [];
  const repeats: TAccepted[] = [];
  const seen = new Set<string>();
  for (const { index, event } of valid) {
    const workflowKey = event.workflowKey ?? principal.workflowKey;
    const verdict = keys.get(workflowKey);
    if (verdict === "other") {
      const message = `This token reports for workflow ${principal.workflowKey}; workflow ${workflowKey} reports with its own token`;
      results.push({ index, id: event.id, status: "rejected", problems: [{ path: `events.${index}.workflowKey`, message }] });
      continue;
    }
    const item = {
      index,
      event,
      workflowKey,
      workflowId: verdict === "own" ? principal.workflowId : null,
      contentHash: contentHashOf(event, workflowKey),
    };
    const scoped = scopedId(workflowKey, event.id);
    if (seen.has(scoped)) repeats.push(item);
    else accepted.push(item);
    seen.add(scoped);
  }

  const outcomes = accepted.length ? await store(pool, accepted) : new Map<string, TStoreOutcome>();
  // What a later item with the same id is compared with: the event kept under that id.
  const kept = new Map<string, string | null>();
  for (const item of accepted) {
    const outcome = outcomes.get(scopedId(item.workflowKey, item.event.id)) ?? { stored: false, earlierHash: null };
    kept.set(scopedId(item.workflowKey, item.event.id), outcome.stored ? item.contentHash : outcome.earlierHash);
    results.push(outcome.stored ? { index: item.index, id: item.event.id, status: "stored" } : resendResult(item, outcome.earlierHash));
  }
  for (const item of repeats) results.push(resendResult(item, kept.get(scopedId(item.workflowKey, item.event.id)) ?? null));
  results.sort((a, b) => a.index - b.index);
  const count = (status: TResult["status"]) => results.filter((r) => r.status === status).length;
  for (const [key, verdict] of keys) {
    if (verdict !== "shadow") continue;
    const tool = accepted.find((a) => a.workflowKey === key && a.event.tool)?.event.tool ?? null;
    await recordShadowSighting({ tx: options.db, key, tool });
  }
  return { stored: count("stored"), duplicates: count("duplicate"), conflicts: count("conflict"), rejected: count("rejected"), results };
}

// Postgres answers uuids in lower case, whatever case the caller sent.
const scopedId = (workflowKey: string, id: string) => `${workflowKey}\u0000${id.toLowerCase()}`;

// As received (after parsing, before redaction), with the workflow key it was filed under.
function contentHashOf(event: TRunEventInput, workflowKey: string): string {
  return hash("sha256", canonicalJson({ ...event, workflowKey }), "hex");
}

function resendResult({ index, event, workflowKey, contentHash }: TAccepted, keptHash: string | null): TResult {
  if (keptHash === null || keptHash === contentHash) return { index, id: event.id, status: "duplicate" };
  const message = `Event ${event.id} of workflow ${workflowKey} was already received with other content, which is kept: give a new event a new id`;
  return { index, id: event.id, status: "conflict", problems: [{ path: `events.${index}.id`, message }] };
}

async function store(pool: pg.Pool, accepted: TAccepted[]): Promise<Map<string, TStoreOutcome>> {
  const runs = new Map<
    string,
    { workflow_id: string | null; workflow_key: string; external_id: string; first_at: string; last_at: string }
  >();
  for (const { event, workflowKey, workflowId } of accepted) {
    const key = `${workflowKey}\u0000${event.runId}`;
    const run = runs.get(key);
    if (!run)
      runs.set(key, {
        workflow_id: workflowId,
        workflow_key: workflowKey,
        external_id: event.runId,
        first_at: event.occurredAt,
        last_at: event.occurredAt,
      });
    else if (Date.parse(event.occurredAt) < Date.parse(run.first_at)) run.first_at = event.occurredAt;
  }

  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const upserted = await client.query<{ id: string; workflow_key: string; external_id: string }>(UPSERT_RUNS, [
      JSON.stringify([...runs.values()]),
    ]);
    const runIds = new Map(upserted.rows.map((row) => [`${row.workflow_key}\u0000${row.external_id}`, row.id]));
    const rows = accepted.map(({ event, workflowKey, workflowId, contentHash }) => {
      const redacted = redactSensitiveData({ value: event.data });
      return {
        id: event.id,
        workflow_key: workflowKey,
        content_hash: contentHash,
        run_id: runIds.get(`${workflowKey}\u0000${event.runId}`),
        workflow_id: workflowId,
        type: event.type,
        occurred_at: event.occurredAt,
        tool: event.tool ?? null,
        model: event.model ?? null,
        decision_id: event.decisionId ?? null,
        outcome: event.outcome ?? null,
        latency_ms: event.latencyMs ?? null,
        data: redacted.value,
        redactions: redacted.count,
      };
    });
    const inserted = await client.query<{ workflow_key: string; id: string; stored: boolean; earlier_hash: string | null }>(INSERT_EVENTS, [
      JSON.stringify(rows),
    ]);
    await client.query("COMMIT");
    return new Map(
      inserted.rows.map((row) => [
        scopedId(row.workflow_key, row.id),
        row.stored ? { stored: true } : { stored: false, earlierHash: row.earlier_hash },
      ]),
    );
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
