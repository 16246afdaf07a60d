import "server-only";
import { LATENCY_BUCKET_COUNT } from "./latency-histogram";

// The roll-up job's SQL. $1 and $2 bound the transaction ids folded: ingest_xid in [$1, $2).
// Each statement writes the hourly and the daily table together (one snapshot, one transaction),
// adding to rows already there, so a late row lands in its own old bucket.

/** Decisions per UTC hour/day × workflow × tool × outcome × deciding reason (the first reason's code). */
export const FOLD_DECISIONS = `
  WITH hourly AS (
    SELECT date_trunc('hour', decided_at, 'UTC') AS bucket_start, workflow_id, tool, outcome,
      coalesce(reasons -> 0 ->> 'code', '') AS reason, count(*) AS decisions
    FROM decisions WHERE ingest_xid >= $1::xid8 AND ingest_xid < $2::xid8
    GROUP BY 1, 2, 3, 4, 5
  ), into_hourly AS (
    INSERT INTO decision_rollups_hourly AS t (bucket_start, workflow_id, tool, outcome, reason, decisions)
    SELECT bucket_start, workflow_id, tool, outcome, reason, decisions FROM hourly
    ON CONFLICT (workflow_id, bucket_start, tool, outcome, reason) DO UPDATE SET decisions = t.decisions + EXCLUDED.decisions
  ), into_daily AS (
    INSERT INTO decision_rollups_daily AS t (bucket_start, workflow_id, tool, outcome, reason, decisions)
    SELECT date_trunc('day', bucket_start, 'UTC'), workflow_id, tool, outcome, reason, sum(decisions) FROM hourly
    GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (workflow_id, bucket_start, tool, outcome, reason) DO UPDATE SET decisions = t.decisions + EXCLUDED.decisions
  )
  SELECT coalesce(sum(decisions), 0)::bigint AS folded FROM hourly`;

// One upsert per roll-up table; {table} and {source} are filled in below. A row's workflow id is
// its key's registered workflow (null while the key is a shadow one).
const UPSERT_EVENTS = `
    INSERT INTO {table} AS t (bucket_start, workflow_key, workflow_id, tool, type, outcome, events, redactions,
      latency_samples, latency_sum_ms, latency_hist)
    SELECT bucket_start, workflow_key, workflow_id, tool, type, outcome, events, redactions, latency_samples, latency_sum_ms, hist
    FROM {source}
    ON CONFLICT (workflow_key, bucket_start, tool, type, outcome) DO UPDATE SET
      workflow_id = coalesce(EXCLUDED.workflow_id, t.workflow_id),
      events = t.events + EXCLUDED.events,
      redactions = t.redactions + EXCLUDED.redactions,
      latency_samples = t.latency_samples + EXCLUDED.latency_samples,
      latency_sum_ms = t.latency_sum_ms + EXCLUDED.latency_sum_ms,
      -- Most rows (run starts, model calls without a latency) add no samples: skip the array work.
      latency_hist = CASE WHEN EXCLUDED.latency_samples = 0 THEN t.latency_hist
        ELSE tollgate_hist_add(t.latency_hist, EXCLUDED.latency_hist) END`;

// A histogram per group in the same pass as the counts: one filtered count per bucket (plain
// aggregates; a function call per group cost ~30 µs), trailing empty buckets trimmed off.
const HISTOGRAM = `CASE WHEN max(bucket) IS NULL THEN '{}'::bigint[] ELSE trim_array(ARRAY[${Array.from(
  { length: LATENCY_BUCKET_COUNT },
  (_, i) => `count(*) FILTER (WHERE bucket = ${i})`,
).join(", ")}], ${LATENCY_BUCKET_COUNT - 1} - max(bucket)) END`;

const grouped = (grain: "hour" | "day") => `
    SELECT date_trunc('${grain}', occurred_at, 'UTC') AS bucket_start, workflow_key, tool, type, outcome,
      (array_agg(workflow_id) FILTER (WHERE workflow_id IS NOT NULL))[1] AS workflow_id, count(*) AS events,
      sum(redactions) AS redactions, count(latency_ms) AS latency_samples, coalesce(sum(latency_ms), 0) AS latency_sum_ms,
      ${HISTOGRAM} AS hist
    FROM src GROUP BY 1, 2, 3, 4, 5`;

/** Run events per UTC hour/day × workflow key × tool × type × outcome, with latency histograms. */
export const FOLD_EVENTS = `
  WITH src AS MATERIALIZED (
    SELECT occurred_at, workflow_key, workflow_id, coalesce(tool, '') AS tool, type, coalesce(outcome, '') AS outcome, redactions,
      latency_ms, tollgate_latency_bucket(latency_ms) AS bucket
    FROM run_events WHERE ingest_xid >= $1::xid8 AND ingest_xid < $2::xid8
  ), hourly AS (${grouped("hour")}
  ), daily AS (${grouped("day")}
  ), into_hourly AS (${UPSERT_EVENTS.replace("{table}", "event_rollups_hourly").replace("{source}", "hourly")}
  ), into_daily AS (${UPSERT_EVENTS.replace("{table}", "event_rollups_daily").replace("{source}", "daily")}
  )
  SELECT coalesce(sum(events), 0)::bigint AS folded FROM hourly`;

/**
 * The id of the transaction after which a pass stops: the one `offset` rows past `from` (rows are
 * folded by whole transactions, so a pass may take a few more), or null when fewer rows wait.
 */
export const batchEndOf = (table: "decisions" | "run_events") => `
  SELECT ingest_xid::text AS xid FROM ${table}
  WHERE ingest_xid >= $1::xid8 AND ingest_xid < $2::xid8 ORDER BY ingest_xid OFFSET $3 LIMIT 1`;
