-- CreateEnum
CREATE TYPE "KillSwitchScope" AS ENUM ('GLOBAL', 'WORKFLOW', 'TOOL', 'MODEL', 'PROVIDER');

-- CreateEnum
CREATE TYPE "DecisionOutcome" AS ENUM ('ALLOW', 'DENY', 'REQUIRE_APPROVAL');

-- CreateEnum
CREATE TYPE "ApprovalStatus" AS ENUM ('PENDING', 'APPROVED', 'DENIED', 'EXPIRED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ApprovalVoteKind" AS ENUM ('APPROVE', 'DENY');

-- CreateEnum
CREATE TYPE "WebhookDeliveryStatus" AS ENUM ('PENDING', 'DELIVERED', 'FAILED');

-- AlterTable
ALTER TABLE "workflows" ADD COLUMN     "approval_timeout_minutes" INTEGER NOT NULL DEFAULT 60;

-- CreateTable
CREATE TABLE "kill_switches" (
    "id" UUID NOT NULL,
    "scope" "KillSwitchScope" NOT NULL,
    "target" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "engaged_by_id" UUID NOT NULL,
    "engaged_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "release_requested_by_id" UUID,
    "release_requested_at" TIMESTAMPTZ(3),
    "release_reason" TEXT,
    "released_by_id" UUID,
    "released_at" TIMESTAMPTZ(3),

    CONSTRAINT "kill_switches_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "decisions" (
    "id" UUID NOT NULL,
    "workflow_id" UUID NOT NULL,
    "token_id" UUID NOT NULL,
    "run_id" TEXT NOT NULL,
    "tool" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "data_classes" TEXT[],
    "outcome" "DecisionOutcome" NOT NULL,
    "tier" "ApprovalTier",
    "reasons" JSONB NOT NULL,
    "registry_version" TEXT NOT NULL,
    "arguments_hash" TEXT NOT NULL,
    "approval_id" UUID,
    "decided_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "decisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "runs" (
    "id" UUID NOT NULL,
    "workflow_id" UUID,
    "workflow_key" TEXT NOT NULL,
    "external_id" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'RUNNING',
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "ended_at" TIMESTAMPTZ(3),
    "last_event_at" TIMESTAMPTZ(3) NOT NULL,
    "event_count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "run_events" (
    "id" UUID NOT NULL,
    "run_id" UUID NOT NULL,
    "workflow_id" UUID,
    "type" TEXT NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "tool" TEXT,
    "model" TEXT,
    "decision_id" UUID,
    "outcome" TEXT,
    "latency_ms" INTEGER,
    "data" JSONB NOT NULL,
    "redactions" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "run_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "approval_requests" (
    "id" UUID NOT NULL,
    "workflow_id" UUID NOT NULL,
    "token_id" UUID,
    "decision_id" UUID,
    "run_id" TEXT NOT NULL,
    "tool" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "data_classes" TEXT[],
    "tier" "ApprovalTier" NOT NULL,
    "consequence" "Consequence" NOT NULL,
    "approvals_required" INTEGER NOT NULL,
    "arguments_hash" TEXT NOT NULL,
    "arguments" JSONB NOT NULL,
    "reasons" JSONB NOT NULL,
    "registry_version" TEXT NOT NULL,
    "status" "ApprovalStatus" NOT NULL DEFAULT 'PENDING',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "escalate_at" TIMESTAMPTZ(3) NOT NULL,
    "escalated_at" TIMESTAMPTZ(3),
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "decided_at" TIMESTAMPTZ(3),
    "outcome_reason" TEXT,
    "break_glass" BOOLEAN NOT NULL DEFAULT false,
    "consumed_at" TIMESTAMPTZ(3),

    CONSTRAINT "approval_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "approval_votes" (
    "approval_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "vote" "ApprovalVoteKind" NOT NULL,
    "reason" TEXT NOT NULL,
    "break_glass" BOOLEAN NOT NULL DEFAULT false,
    "incident_ref" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "approval_votes_pkey" PRIMARY KEY ("approval_id","user_id")
);

-- CreateTable
CREATE TABLE "webhook_endpoints" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "secret_encrypted" TEXT NOT NULL,
    "events" TEXT[],
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_endpoints_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_deliveries" (
    "id" UUID NOT NULL,
    "endpoint_id" UUID NOT NULL,
    "event" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "WebhookDeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_status_code" INTEGER,
    "last_error" TEXT,
    "delivered_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limit_windows" (
    "key" TEXT NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "used" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "rate_limit_windows_pkey" PRIMARY KEY ("key","window_start")
);

-- CreateIndex
CREATE INDEX "kill_switches_released_at_idx" ON "kill_switches"("released_at");

-- CreateIndex
CREATE INDEX "kill_switches_scope_target_idx" ON "kill_switches"("scope", "target");

-- CreateIndex
CREATE INDEX "decisions_workflow_id_decided_at_idx" ON "decisions"("workflow_id", "decided_at");

-- CreateIndex
CREATE INDEX "decisions_workflow_id_run_id_idx" ON "decisions"("workflow_id", "run_id");

-- CreateIndex
CREATE INDEX "runs_workflow_id_started_at_idx" ON "runs"("workflow_id", "started_at");

-- CreateIndex
CREATE UNIQUE INDEX "runs_workflow_key_external_id_key" ON "runs"("workflow_key", "external_id");

-- CreateIndex
CREATE INDEX "run_events_run_id_occurred_at_idx" ON "run_events"("run_id", "occurred_at");

-- CreateIndex
CREATE INDEX "run_events_workflow_id_occurred_at_idx" ON "run_events"("workflow_id", "occurred_at");

-- CreateIndex
CREATE UNIQUE INDEX "approval_requests_decision_id_key" ON "approval_requests"("decision_id");

-- CreateIndex
CREATE INDEX "approval_requests_status_expires_at_idx" ON "approval_requests"("status", "expires_at");

-- CreateIndex
CREATE INDEX "approval_requests_workflow_id_created_at_idx" ON "approval_requests"("workflow_id", "created_at");

-- CreateIndex
CREATE INDEX "approval_requests_created_at_idx" ON "approval_requests"("created_at");

-- CreateIndex
CREATE INDEX "webhook_deliveries_status_next_attempt_at_idx" ON "webhook_deliveries"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "webhook_deliveries_endpoint_id_created_at_idx" ON "webhook_deliveries"("endpoint_id", "created_at");

-- AddForeignKey
ALTER TABLE "kill_switches" ADD CONSTRAINT "kill_switches_engaged_by_id_fkey" FOREIGN KEY ("engaged_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kill_switches" ADD CONSTRAINT "kill_switches_release_requested_by_id_fkey" FOREIGN KEY ("release_requested_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kill_switches" ADD CONSTRAINT "kill_switches_released_by_id_fkey" FOREIGN KEY ("released_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_workflow_id_fkey" FOREIGN KEY ("workflow_id") REFERENCES "workflows"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_token_id_fkey" FOREIGN KEY ("token_id") REFERENCES "service_tokens"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "runs" ADD CONSTRAINT "runs_workflow_id_fkey" FOREIGN KEY ("workflow_id") REFERENCES "workflows"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "run_events" ADD CONSTRAINT "run_events_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "approval_requests" ADD CONSTRAINT "approval_requests_workflow_id_fkey" FOREIGN KEY ("workflow_id") REFERENCES "workflows"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "approval_requests" ADD CONSTRAINT "approval_requests_token_id_fkey" FOREIGN KEY ("token_id") REFERENCES "service_tokens"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "approval_votes" ADD CONSTRAINT "approval_votes_approval_id_fkey" FOREIGN KEY ("approval_id") REFERENCES "approval_requests"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "approval_votes" ADD CONSTRAINT "approval_votes_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_endpoint_id_fkey" FOREIGN KEY ("endpoint_id") REFERENCES "webhook_endpoints"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Registry revision: bumped by every registry change, reported with each decision.
CREATE SEQUENCE "registry_revision";

-- Every registry or kill-switch change tells each app instance (LISTEN tollgate_registry) which
-- workflow to recompile, or all of them ("w": null) for catalog-wide rows.
CREATE FUNCTION tollgate_notify_registry() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  row_data jsonb := to_jsonb(COALESCE(NEW, OLD));
  workflow_id text := CASE
    WHEN TG_TABLE_NAME = 'workflows' THEN row_data->>'id'
    WHEN row_data ? 'workflow_id' THEN row_data->>'workflow_id'
    ELSE NULL END;
BEGIN
  PERFORM nextval('registry_revision');
  PERFORM pg_notify('tollgate_registry', json_build_object('t', TG_TABLE_NAME, 'w', workflow_id)::text);
  RETURN NULL;
END;
$$;

CREATE TRIGGER workflows_notify AFTER INSERT OR UPDATE OR DELETE ON "workflows" FOR EACH ROW EXECUTE FUNCTION tollgate_notify_registry();
CREATE TRIGGER workflow_tools_notify AFTER INSERT OR UPDATE OR DELETE ON "workflow_tools" FOR EACH ROW EXECUTE FUNCTION tollgate_notify_registry();
CREATE TRIGGER workflow_models_notify AFTER INSERT OR UPDATE OR DELETE ON "workflow_models" FOR EACH ROW EXECUTE FUNCTION tollgate_notify_registry();
CREATE TRIGGER workflow_data_classes_notify AFTER INSERT OR UPDATE OR DELETE ON "workflow_data_classes" FOR EACH ROW EXECUTE FUNCTION tollgate_notify_registry();
CREATE TRIGGER data_classes_notify AFTER INSERT OR UPDATE OR DELETE ON "data_classes" FOR EACH ROW EXECUTE FUNCTION tollgate_notify_registry();
CREATE TRIGGER approved_models_notify AFTER INSERT OR UPDATE OR DELETE ON "approved_models" FOR EACH ROW EXECUTE FUNCTION tollgate_notify_registry();
CREATE TRIGGER tools_notify AFTER INSERT OR UPDATE OR DELETE ON "tools" FOR EACH ROW EXECUTE FUNCTION tollgate_notify_registry();
CREATE TRIGGER policies_notify AFTER INSERT OR UPDATE OR DELETE ON "policies" FOR EACH ROW EXECUTE FUNCTION tollgate_notify_registry();
CREATE TRIGGER service_tokens_notify AFTER INSERT OR UPDATE OF "revoked_at", "expires_at", "scopes", "environment" OR DELETE ON "service_tokens" FOR EACH ROW EXECUTE FUNCTION tollgate_notify_registry();

CREATE FUNCTION tollgate_notify_kill_switch() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM nextval('registry_revision');
  -- The whole switch travels with the notification, so every instance applies it without a query.
  PERFORM pg_notify('tollgate_killswitch', json_build_object(
    'id', NEW.id, 'released', NEW.released_at IS NOT NULL, 'scope', NEW.scope, 'target', NEW.target,
    'reason', left(NEW.reason, 2000), 'engagedAt', to_char(NEW.engaged_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text);
  RETURN NULL;
END;
$$;
CREATE TRIGGER kill_switches_notify AFTER INSERT OR UPDATE ON "kill_switches" FOR EACH ROW EXECUTE FUNCTION tollgate_notify_kill_switch();

-- Waiting automations and live queues wake on this instead of polling.
CREATE FUNCTION tollgate_notify_approval() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('tollgate_approval', json_build_object('id', NEW.id, 'status', NEW.status, 'w', NEW.workflow_id)::text);
  RETURN NULL;
END;
$$;
CREATE TRIGGER approval_requests_notify AFTER INSERT OR UPDATE ON "approval_requests" FOR EACH ROW EXECUTE FUNCTION tollgate_notify_approval();

CREATE FUNCTION tollgate_notify_webhook() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('tollgate_webhook', NEW.id::text);
  RETURN NULL;
END;
$$;
CREATE TRIGGER webhook_deliveries_notify AFTER INSERT ON "webhook_deliveries" FOR EACH ROW EXECUTE FUNCTION tollgate_notify_webhook();
