-- Each gate also announces whether it can record its decisions; /api/health reads it.
ALTER TABLE "gate_instances" ADD COLUMN "recording" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN "recording_problem" TEXT,
ADD COLUMN "unrecorded" INTEGER NOT NULL DEFAULT 0;

-- A decision Postgres refused to store (a data error), or a decision id already recorded for a
-- different call: kept apart so the rest of its batch is recorded. The payload is the row exactly
-- as the gate tried to write it (bytea holds any byte, NUL included).
CREATE TABLE "decision_record_failures" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "decision_id" TEXT NOT NULL,
    "workflow_id" UUID,
    "reason" TEXT NOT NULL,
    "sqlstate" TEXT,
    "payload" BYTEA NOT NULL,
    "failed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "decision_record_failures_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "decision_record_failures_failed_at_idx" ON "decision_record_failures"("failed_at");
CREATE INDEX "decision_record_failures_decision_id_idx" ON "decision_record_failures"("decision_id");
