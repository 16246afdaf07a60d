-- Raw decisions and run events become monthly range partitions (retention is a partition drop,
-- time-window scans touch only their months), each row records the transaction that wrote it
-- (ingest_xid, the roll-up job's exact watermark), and hourly and daily roll-ups summarise them.

-- ─── Partition maintenance ────────────────────────────────────────────────────────────────────
-- Creates one UTC month's partition of a raw table unless it exists. Rows the DEFAULT partition
-- holds for that month move into it first (CREATE … PARTITION OF would refuse while they are
-- there); they keep their ingest_xid, so the roll-ups neither lose nor recount them.
CREATE FUNCTION tollgate_ensure_month_partition(parent text, month date) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
  first_day date := date_trunc('month', month)::date;
  part text := format('%s_p%s', parent, to_char(first_day, 'YYYY_MM'));
  lower_bound timestamptz := first_day::timestamp AT TIME ZONE 'UTC';
  upper_bound timestamptz := (first_day + interval '1 month')::timestamp AT TIME ZONE 'UTC';
  key_column text;
BEGIN
  -- Two instances creating the same month would collide: one at a time, until commit.
  PERFORM pg_advisory_xact_lock(7236111021);
  IF to_regclass(quote_ident(part)) IS NOT NULL THEN
    RETURN false;
  END IF;
  SELECT a.attname INTO STRICT key_column
  FROM pg_partitioned_table p JOIN pg_attribute a ON a.attrelid = p.partrelid AND a.attnum = p.partattrs[0]
  WHERE p.partrelid = parent::regclass;
  EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', part, parent);
  EXECUTE format('WITH moved AS (DELETE FROM %I WHERE %I >= $1 AND %I < $2 RETURNING *) INSERT INTO %I SELECT * FROM moved',
    parent || '_default', key_column, key_column, part) USING lower_bound, upper_bound;
  EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', parent, part, lower_bound, upper_bound);
  RETURN true;
END $$;

-- The months from `months_back` before the current UTC month to `months_ahead` after it, for
-- both raw tables; returns how many partitions it created. Run by the partition job and below.
CREATE FUNCTION tollgate_ensure_raw_partitions(months_back int, months_ahead int) RETURNS int
LANGUAGE plpgsql AS $$
DECLARE
  created int := 0;
  this_month date := date_trunc('month', now() AT TIME ZONE 'UTC')::date;
  parent text;
  i int;
BEGIN
  FOREACH parent IN ARRAY ARRAY['decisions', 'run_events'] LOOP
    FOR i IN -months_back..months_ahead LOOP
      IF tollgate_ensure_month_partition(parent, (this_month + make_interval(months => i))::date) THEN
        created := created + 1;
      END IF;
    END LOOP;
  END LOOP;
  RETURN created;
END $$;

-- ─── decisions, partitioned by decided_at ─────────────────────────────────────────────────────
-- LIKE keeps every column (and its default) whatever migrations added before this one.
ALTER TABLE "decisions" RENAME TO "decisions_unpartitioned";
CREATE TABLE "decisions" (LIKE "decisions_unpartitioned" INCLUDING DEFAULTS INCLUDING CONSTRAINTS) PARTITION BY RANGE ("decided_at");
-- The transaction that stored the row: the roll-up job folds rows below the oldest running one.
ALTER TABLE "decisions" ADD COLUMN "ingest_xid" xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE TABLE "decisions_default" PARTITION OF "decisions" DEFAULT;

-- ─── run_events, partitioned by occurred_at ───────────────────────────────────────────────────
ALTER TABLE "run_events" RENAME TO "run_events_unpartitioned";
CREATE TABLE "run_events" (LIKE "run_events_unpartitioned" INCLUDING DEFAULTS INCLUDING CONSTRAINTS) PARTITION BY RANGE ("occurred_at");
ALTER TABLE "run_events" ADD COLUMN "ingest_xid" xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE TABLE "run_events_default" PARTITION OF "run_events" DEFAULT;

-- A month for every month the stored rows use (within three years back and one ahead; rows
-- outside stay in the default partition), and the months around now.
DO $$
DECLARE
  month date;
BEGIN
  FOR month IN
    SELECT DISTINCT date_trunc('month', "decided_at" AT TIME ZONE 'UTC')::date FROM "decisions_unpartitioned"
    UNION SELECT DISTINCT date_trunc('month', "occurred_at" AT TIME ZONE 'UTC')::date FROM "run_events_unpartitioned"
  LOOP
    IF month BETWEEN (now() - interval '3 years')::date AND (now() + interval '1 year')::date THEN
      PERFORM tollgate_ensure_month_partition('decisions', month);
      PERFORM tollgate_ensure_month_partition('run_events', month);
    END IF;
  END LOOP;
  PERFORM tollgate_ensure_raw_partitions(1, 3);
END $$;

-- Existing rows get this migration's transaction id: the first roll-up pass folds them.
INSERT INTO "decisions" SELECT * FROM "decisions_unpartitioned";
INSERT INTO "run_events" SELECT * FROM "run_events_unpartitioned";
DROP TABLE "decisions_unpartitioned";
DROP TABLE "run_events_unpartitioned";

-- Keys include the partition key (Postgres requires it). A decision id and a run event's
-- (workflow_key, id) stay unique through the inserts, which look for the id in every partition
-- first (lib/server/decisions/runtime/decision-row.ts, lib/server/events/ingest-events.ts): the
-- primary keys' leading columns serve that lookup.
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_pkey" PRIMARY KEY ("id", "decided_at");
CREATE INDEX "decisions_workflow_id_decided_at_idx" ON "decisions"("workflow_id", "decided_at");
CREATE INDEX "decisions_workflow_id_run_id_idx" ON "decisions"("workflow_id", "run_id");
CREATE INDEX "decisions_decided_at_idx" ON "decisions" USING BRIN ("decided_at");
CREATE INDEX "decisions_ingest_xid_idx" ON "decisions"("ingest_xid");
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_workflow_id_fkey" FOREIGN KEY ("workflow_id") REFERENCES "workflows"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_token_id_fkey" FOREIGN KEY ("token_id") REFERENCES "service_tokens"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "run_events" ADD CONSTRAINT "run_events_pkey" PRIMARY KEY ("workflow_key", "id", "occurred_at");
CREATE INDEX "run_events_run_id_occurred_at_idx" ON "run_events"("run_id", "occurred_at");
CREATE INDEX "run_events_workflow_id_occurred_at_idx" ON "run_events"("workflow_id", "occurred_at");
CREATE INDEX "run_events_occurred_at_idx" ON "run_events" USING BRIN ("occurred_at");
CREATE INDEX "run_events_ingest_xid_idx" ON "run_events"("ingest_xid");
ALTER TABLE "run_events" ADD CONSTRAINT "run_events_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ─── Latency histograms ───────────────────────────────────────────────────────────────────────
-- The bucket of a latency: LATENCY_BUCKETS in lib/server/rollups/latency-histogram.ts (0 ms, then
-- √2 steps from 1 ms to 24 h, then overflow). width_bucket counts the thresholds ≤ ms; each
-- threshold is an upper edge + 1, so it answers the first bucket whose edge is ≥ ms.
CREATE FUNCTION tollgate_latency_bucket(ms bigint) RETURNS int
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT width_bucket(ms, '{1,2,3,4,5,7,9,12,17,24,33,46,65,92,129,182,257,363,513,725,1025,1449,2049,2897,4097,5794,8193,11586,16385,23171,32769,46342,65537,92683,131073,185365,262145,370729,524289,741456,1048577,1482911,2097153,2965822,4194305,5931643,8388609,11863284,16777217,23726567,33554433,47453134,67108865,86400001}'::bigint[])
$$;

-- A histogram from (bucket, count) pairs: element i counts bucket i; trailing empty buckets are left off.
CREATE FUNCTION tollgate_hist_from(buckets int[], counts bigint[]) RETURNS bigint[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(coalesce(c.n, 0) ORDER BY i), '{}')
  FROM generate_series(0, (SELECT max(b) FROM unnest(buckets) b)) i
  LEFT JOIN unnest(buckets, counts) AS c(b, n) ON c.b = i
$$;

-- Element-wise sum of two histograms of any lengths.
CREATE FUNCTION tollgate_hist_add(a bigint[], b bigint[]) RETURNS bigint[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(coalesce(x, 0) + coalesce(y, 0) ORDER BY i), '{}') FROM unnest(a, b) WITH ORDINALITY AS t(x, y, i)
$$;

-- Sums the histograms of many roll-up rows (a workflow's 30 days); for thousands of rows, summing
-- unnest(latency_hist) WITH ORDINALITY grouped by position is faster.
CREATE AGGREGATE tollgate_hist_sum(bigint[]) (SFUNC = tollgate_hist_add, STYPE = bigint[], INITCOND = '{}');

-- ─── Roll-ups ─────────────────────────────────────────────────────────────────────────────────
-- bucket_start is the UTC hour or day. reason is the deciding reason code (the first reason's).
CREATE TABLE "decision_rollups_hourly" (
    "bucket_start" TIMESTAMPTZ(3) NOT NULL,
    "workflow_id" UUID NOT NULL,
    "tool" TEXT NOT NULL,
    "outcome" "DecisionOutcome" NOT NULL,
    "reason" TEXT NOT NULL,
    "decisions" BIGINT NOT NULL,
    CONSTRAINT "decision_rollups_hourly_pkey" PRIMARY KEY ("workflow_id", "bucket_start", "tool", "outcome", "reason")
);
CREATE TABLE "decision_rollups_daily" (LIKE "decision_rollups_hourly" INCLUDING ALL);

-- workflow_id is null for a shadow key's events; '' stands for no tool and no outcome, so the
-- key columns can be NOT NULL.
CREATE TABLE "event_rollups_hourly" (
    "bucket_start" TIMESTAMPTZ(3) NOT NULL,
    "workflow_key" TEXT NOT NULL,
    "workflow_id" UUID,
    "tool" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "events" BIGINT NOT NULL,
    "redactions" BIGINT NOT NULL,
    "latency_samples" BIGINT NOT NULL,
    "latency_sum_ms" BIGINT NOT NULL,
    "latency_hist" BIGINT[],
    CONSTRAINT "event_rollups_hourly_pkey" PRIMARY KEY ("workflow_key", "bucket_start", "tool", "type", "outcome")
);
CREATE INDEX "event_rollups_hourly_workflow_id_bucket_start_idx" ON "event_rollups_hourly"("workflow_id", "bucket_start");
CREATE INDEX "event_rollups_hourly_bucket_start_idx" ON "event_rollups_hourly"("bucket_start");
CREATE TABLE "event_rollups_daily" (LIKE "event_rollups_hourly" INCLUDING ALL);
CREATE INDEX "decision_rollups_hourly_bucket_start_idx" ON "decision_rollups_hourly"("bucket_start");
CREATE INDEX "decision_rollups_daily_bucket_start_idx" ON "decision_rollups_daily"("bucket_start");

-- Where each raw table's roll-up stands: every row with ingest_xid below folded_below is counted.
CREATE TABLE "rollup_watermarks" (
    "source" TEXT NOT NULL,
    "folded_below" xid8 NOT NULL,
    "folded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "rows_folded" BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT "rollup_watermarks_pkey" PRIMARY KEY ("source")
);
INSERT INTO "rollup_watermarks" ("source", "folded_below") VALUES ('decisions', '0'), ('run_events', '0');
