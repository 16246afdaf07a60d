-- Per-workflow and fleet-wide roll-ups of the roll-ups, for the risk dashboard. Grading every
-- workflow over 30 days from the per-tool daily rows means summing a few hundred thousand rows'
-- histograms at 10 M events (seconds); these hold one row per workflow and hour or day (and one
-- per reason and bucket for denials), kept exact by statement triggers on the roll-up tables:
-- whatever the roll-up job adds, updates or removes is added to these in the same transaction.

-- The negation of a histogram, to take an updated or removed row's old counts back out.
CREATE FUNCTION tollgate_hist_neg(a bigint[]) RETURNS bigint[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(-x ORDER BY i), '{}') FROM unnest(a) WITH ORDINALITY AS t(x, i)
$$;

CREATE TABLE "workflow_rollups_hourly" (
    "workflow_id" UUID NOT NULL,
    "bucket_start" TIMESTAMPTZ(3) NOT NULL,
    "runs" BIGINT NOT NULL DEFAULT 0,
    "runs_ended" BIGINT NOT NULL DEFAULT 0,
    "runs_succeeded" BIGINT NOT NULL DEFAULT 0,
    "tool_results" BIGINT NOT NULL DEFAULT 0,
    "tool_failures" BIGINT NOT NULL DEFAULT 0,
    "overrides" BIGINT NOT NULL DEFAULT 0,
    "redactions" BIGINT NOT NULL DEFAULT 0,
    -- Tool results' and model calls' latencies (the scorecard's latency), fixed log-scale buckets.
    "latency_hist" BIGINT[],
    "decisions" BIGINT NOT NULL DEFAULT 0,
    "decisions_allowed" BIGINT NOT NULL DEFAULT 0,
    "decisions_denied" BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT "workflow_rollups_hourly_pkey" PRIMARY KEY ("workflow_id", "bucket_start")
);
CREATE INDEX "workflow_rollups_hourly_bucket_start_idx" ON "workflow_rollups_hourly"("bucket_start");
CREATE TABLE "workflow_rollups_daily" (LIKE "workflow_rollups_hourly" INCLUDING ALL);

-- Denials across the fleet per bucket and deciding reason (the dashboard's denial and DLP trends).
CREATE TABLE "denial_rollups_hourly" (
    "bucket_start" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "denials" BIGINT NOT NULL,
    CONSTRAINT "denial_rollups_hourly_pkey" PRIMARY KEY ("bucket_start", "reason")
);
CREATE TABLE "denial_rollups_daily" (LIKE "denial_rollups_hourly" INCLUDING ALL);

-- Run-event roll-up rows changed by one statement → their workflows' rows. TG_ARGV[0] names the
-- workflow table. Inserted rows count in full, updated ones by new − old, removed ones negatively.
CREATE FUNCTION tollgate_roll_events_into_workflows() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  changed text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT workflow_id, bucket_start, type, outcome, events, redactions, latency_hist FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT workflow_id, bucket_start, type, outcome, -events, -redactions, tollgate_hist_neg(latency_hist) FROM old_rows'
    ELSE 'SELECT workflow_id, bucket_start, type, outcome, events, redactions, latency_hist FROM new_rows
          UNION ALL SELECT workflow_id, bucket_start, type, outcome, -events, -redactions, tollgate_hist_neg(latency_hist) FROM old_rows' END;
BEGIN
  EXECUTE format($sql$
    INSERT INTO %I AS t (workflow_id, bucket_start, runs, runs_ended, runs_succeeded, tool_results, tool_failures, overrides, redactions, latency_hist)
    SELECT workflow_id, bucket_start,
      coalesce(sum(n) FILTER (WHERE type = 'run_started'), 0),
      coalesce(sum(n) FILTER (WHERE type = 'run_ended'), 0),
      coalesce(sum(n) FILTER (WHERE type = 'run_ended' AND outcome = 'success'), 0),
      coalesce(sum(n) FILTER (WHERE type = 'tool_result'), 0),
      coalesce(sum(n) FILTER (WHERE type = 'tool_result' AND outcome = 'failure'), 0),
      coalesce(sum(n) FILTER (WHERE type = 'human_override'), 0),
      coalesce(sum(r), 0),
      coalesce(tollgate_hist_sum(coalesce(h, '{}')) FILTER (WHERE type IN ('tool_result', 'model_call')), '{}')
    FROM (%s) AS d(workflow_id, bucket_start, type, outcome, n, r, h)
    WHERE workflow_id IS NOT NULL
    GROUP BY workflow_id, bucket_start
    ON CONFLICT (workflow_id, bucket_start) DO UPDATE SET
      runs = t.runs + EXCLUDED.runs,
      runs_ended = t.runs_ended + EXCLUDED.runs_ended,
      runs_succeeded = t.runs_succeeded + EXCLUDED.runs_succeeded,
      tool_results = t.tool_results + EXCLUDED.tool_results,
      tool_failures = t.tool_failures + EXCLUDED.tool_failures,
      overrides = t.overrides + EXCLUDED.overrides,
      redactions = t.redactions + EXCLUDED.redactions,
      latency_hist = tollgate_hist_add(coalesce(t.latency_hist, '{}'), EXCLUDED.latency_hist)
  $sql$, TG_ARGV[0], changed);
  RETURN NULL;
END $$;

-- Decision roll-up rows changed by one statement → their workflows' rows (TG_ARGV[0]) and the
-- fleet's denials per reason (TG_ARGV[1]).
CREATE FUNCTION tollgate_roll_decisions_into_workflows() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  changed text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT workflow_id, bucket_start, outcome::text, reason, decisions FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT workflow_id, bucket_start, outcome::text, reason, -decisions FROM old_rows'
    ELSE 'SELECT workflow_id, bucket_start, outcome::text, reason, decisions FROM new_rows
          UNION ALL SELECT workflow_id, bucket_start, outcome::text, reason, -decisions FROM old_rows' END;
BEGIN
  EXECUTE format($sql$
    WITH d(workflow_id, bucket_start, outcome, reason, n) AS MATERIALIZED (%s),
    into_workflows AS (
      INSERT INTO %I AS t (workflow_id, bucket_start, latency_hist, decisions, decisions_allowed, decisions_denied)
      SELECT workflow_id, bucket_start, '{}', sum(n), coalesce(sum(n) FILTER (WHERE outcome = 'ALLOW'), 0), coalesce(sum(n) FILTER (WHERE outcome = 'DENY'), 0)
      FROM d GROUP BY workflow_id, bucket_start
      ON CONFLICT (workflow_id, bucket_start) DO UPDATE SET
        decisions = t.decisions + EXCLUDED.decisions,
        decisions_allowed = t.decisions_allowed + EXCLUDED.decisions_allowed,
        decisions_denied = t.decisions_denied + EXCLUDED.decisions_denied
    )
    INSERT INTO %I AS t (bucket_start, reason, denials)
    SELECT bucket_start, reason, sum(n) FROM d WHERE outcome = 'DENY' GROUP BY bucket_start, reason
    ON CONFLICT (bucket_start, reason) DO UPDATE SET denials = t.denials + EXCLUDED.denials
  $sql$, changed, TG_ARGV[0], TG_ARGV[1]);
  RETURN NULL;
END $$;

-- A trigger with transition tables answers one event: three per roll-up table.
CREATE TRIGGER event_rollups_hourly_inserted AFTER INSERT ON "event_rollups_hourly" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tollgate_roll_events_into_workflows('workflow_rollups_hourly');
CREATE TRIGGER event_rollups_hourly_updated AFTER UPDATE ON "event_rollups_hourly" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tollgate_roll_events_into_workflows('workflow_rollups_hourly');
CREATE TRIGGER event_rollups_hourly_deleted AFTER DELETE ON "event_rollups_hourly" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tollgate_roll_events_into_workflows('workflow_rollups_hourly');
CREATE TRIGGER event_rollups_daily_inserted AFTER INSERT ON "event_rollups_daily" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tollgate_roll_events_into_workflows('workflow_rollups_daily');
CREATE TRIGGER event_rollups_daily_updated AFTER UPDATE ON "event_rollups_daily" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tollgate_roll_events_into_workflows('workflow_rollups_daily');
CREATE TRIGGER event_rollups_daily_deleted AFTER DELETE ON "event_rollups_daily" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tollgate_roll_events_into_workflows('workflow_rollups_daily');
CREATE TRIGGER decision_rollups_hourly_inserted AFTER INSERT ON "decision_rollups_hourly" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tollgate_roll_decisions_into_workflows('workflow_rollups_hourly', 'denial_rollups_hourly');
CREATE TRIGGER decision_rollups_hourly_updated AFTER UPDATE ON "decision_rollups_hourly" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tollgate_roll_decisions_into_workflows('workflow_rollups_hourly', 'denial_rollups_hourly');
CREATE TRIGGER decision_rollups_hourly_deleted AFTER DELETE ON "decision_rollups_hourly" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tollgate_roll_decisions_into_workflows('workflow_rollups_hourly', 'denial_rollups_hourly');
CREATE TRIGGER decision_rollups_daily_inserted AFTER INSERT ON "decision_rollups_daily" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tollgate_roll_decisions_into_workflows('workflow_rollups_daily', 'denial_rollups_daily');
CREATE TRIGGER decision_rollups_daily_updated AFTER UPDATE ON "decision_rollups_daily" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tollgate_roll_decisions_into_workflows('workflow_rollups_daily', 'denial_rollups_daily');
CREATE TRIGGER decision_rollups_daily_deleted AFTER DELETE ON "decision_rollups_daily" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tollgate_roll_decisions_into_workflows('workflow_rollups_daily', 'denial_rollups_daily');

-- What the roll-ups already hold: rolled up as if each row had just been inserted.
INSERT INTO "workflow_rollups_hourly" (workflow_id, bucket_start, runs, runs_ended, runs_succeeded, tool_results, tool_failures, overrides, redactions, latency_hist)
SELECT workflow_id, bucket_start,
  coalesce(sum(events) FILTER (WHERE type = 'run_started'), 0), coalesce(sum(events) FILTER (WHERE type = 'run_ended'), 0),
  coalesce(sum(events) FILTER (WHERE type = 'run_ended' AND outcome = 'success'), 0), coalesce(sum(events) FILTER (WHERE type = 'tool_result'), 0),
  coalesce(sum(events) FILTER (WHERE type = 'tool_result' AND outcome = 'failure'), 0), coalesce(sum(events) FILTER (WHERE type = 'human_override'), 0),
  sum(redactions), coalesce(tollgate_hist_sum(coalesce(latency_hist, '{}')) FILTER (WHERE type IN ('tool_result', 'model_call')), '{}')
FROM "event_rollups_hourly" WHERE workflow_id IS NOT NULL GROUP BY workflow_id, bucket_start;
INSERT INTO "workflow_rollups_daily" (workflow_id, bucket_start, runs, runs_ended, runs_succeeded, tool_results, tool_failures, overrides, redactions, latency_hist)
SELECT workflow_id, bucket_start,
  coalesce(sum(events) FILTER (WHERE type = 'run_started'), 0), coalesce(sum(events) FILTER (WHERE type = 'run_ended'), 0),
  coalesce(sum(events) FILTER (WHERE type = 'run_ended' AND outcome = 'success'), 0), coalesce(sum(events) FILTER (WHERE type = 'tool_result'), 0),
  coalesce(sum(events) FILTER (WHERE type = 'tool_result' AND outcome = 'failure'), 0), coalesce(sum(events) FILTER (WHERE type = 'human_override'), 0),
  sum(redactions), coalesce(tollgate_hist_sum(coalesce(latency_hist, '{}')) FILTER (WHERE type IN ('tool_result', 'model_call')), '{}')
FROM "event_rollups_daily" WHERE workflow_id IS NOT NULL GROUP BY workflow_id, bucket_start;
INSERT INTO "workflow_rollups_hourly" AS t (workflow_id, bucket_start, latency_hist, decisions, decisions_allowed, decisions_denied)
SELECT workflow_id, bucket_start, '{}', sum(decisions), coalesce(sum(decisions) FILTER (WHERE outcome = 'ALLOW'), 0), coalesce(sum(decisions) FILTER (WHERE outcome = 'DENY'), 0)
FROM "decision_rollups_hourly" GROUP BY workflow_id, bucket_start
ON CONFLICT (workflow_id, bucket_start) DO UPDATE SET decisions = EXCLUDED.decisions, decisions_allowed = EXCLUDED.decisions_allowed, decisions_denied = EXCLUDED.decisions_denied;
INSERT INTO "workflow_rollups_daily" AS t (workflow_id, bucket_start, latency_hist, decisions, decisions_allowed, decisions_denied)
SELECT workflow_id, bucket_start, '{}', sum(decisions), coalesce(sum(decisions) FILTER (WHERE outcome = 'ALLOW'), 0), coalesce(sum(decisions) FILTER (WHERE outcome = 'DENY'), 0)
FROM "decision_rollups_daily" GROUP BY workflow_id, bucket_start
ON CONFLICT (workflow_id, bucket_start) DO UPDATE SET decisions = EXCLUDED.decisions, decisions_allowed = EXCLUDED.decisions_allowed, decisions_denied = EXCLUDED.decisions_denied;
INSERT INTO "denial_rollups_hourly" (bucket_start, reason, denials)
SELECT bucket_start, reason, sum(decisions) FROM "decision_rollups_hourly" WHERE outcome = 'DENY' GROUP BY bucket_start, reason;
INSERT INTO "denial_rollups_daily" (bucket_start, reason, denials)
SELECT bucket_start, reason, sum(decisions) FROM "decision_rollups_daily" WHERE outcome = 'DENY' GROUP BY bucket_start, reason;
