-- A workflow's own SLO targets (lib/server/scorecard): without a row, DEFAULT_SLO_TARGETS apply.
-- Set at once on a draft; on an active or paused workflow through a reviewed change request.
CREATE TABLE "workflow_slos" (
    "workflow_id" UUID NOT NULL,
    "success_rate" DOUBLE PRECISION NOT NULL,
    "tool_error_rate" DOUBLE PRECISION NOT NULL,
    "latency_p95_ms" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_by_id" UUID NOT NULL,

    CONSTRAINT "workflow_slos_pkey" PRIMARY KEY ("workflow_id")
);

ALTER TABLE "workflow_slos" ADD CONSTRAINT "workflow_slos_workflow_id_fkey" FOREIGN KEY ("workflow_id") REFERENCES "workflows"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "workflow_slos" ADD CONSTRAINT "workflow_slos_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
