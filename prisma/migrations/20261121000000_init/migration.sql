-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'SECURITY', 'APPROVER', 'OWNER', 'AUDITOR');

-- CreateEnum
CREATE TYPE "Environment" AS ENUM ('DEV', 'STAGING', 'PROD');

-- CreateEnum
CREATE TYPE "WorkflowStatus" AS ENUM ('DRAFT', 'ACTIVE', 'PAUSED', 'RETIRED');

-- CreateEnum
CREATE TYPE "RaciFunction" AS ENUM ('WORKFLOW_OWNER', 'DATA_OWNER', 'PLATFORM_OWNER', 'SECURITY');

-- CreateEnum
CREATE TYPE "RaciRole" AS ENUM ('RESPONSIBLE', 'ACCOUNTABLE', 'CONSULTED', 'INFORMED');

-- CreateEnum
CREATE TYPE "Sensitivity" AS ENUM ('PUBLIC', 'INTERNAL', 'CONFIDENTIAL', 'RESTRICTED');

-- CreateEnum
CREATE TYPE "DataTag" AS ENUM ('PII', 'PCI', 'PHI', 'CREDENTIALS');

-- CreateEnum
CREATE TYPE "ModelStatus" AS ENUM ('APPROVED', 'SUSPENDED');

-- CreateEnum
CREATE TYPE "Consequence" AS ENUM ('READ', 'WRITE', 'EXTERNAL_COMMUNICATION', 'PERMISSION_CHANGE', 'MONEY_MOVEMENT', 'DESTRUCTIVE');

-- CreateEnum
CREATE TYPE "ApprovalTier" AS ENUM ('T0', 'T1', 'T2', 'T3');

-- CreateEnum
CREATE TYPE "TokenScope" AS ENUM ('DECIDE', 'INGEST', 'APPROVE_REQUEST');

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT,
    "oidc_subject" TEXT,
    "roles" "Role"[],
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "failed_sign_ins" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3),
    "locked_until" TIMESTAMPTZ(3),
    "last_sign_in_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workflows" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "environment" "Environment" NOT NULL,
    "status" "WorkflowStatus" NOT NULL DEFAULT 'DRAFT',
    "owner_id" UUID NOT NULL,
    "runbook" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "workflows_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "raci_assignments" (
    "workflow_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "function" "RaciFunction" NOT NULL,
    "role" "RaciRole" NOT NULL,

    CONSTRAINT "raci_assignments_pkey" PRIMARY KEY ("workflow_id","user_id","function")
);

-- CreateTable
CREATE TABLE "data_classes" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sensitivity" "Sensitivity" NOT NULL,
    "tags" "DataTag"[],
    "retention_days" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "data_classes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workflow_data_classes" (
    "workflow_id" UUID NOT NULL,
    "data_class_id" UUID NOT NULL,

    CONSTRAINT "workflow_data_classes_pkey" PRIMARY KEY ("workflow_id","data_class_id")
);

-- CreateTable
CREATE TABLE "approved_models" (
    "id" UUID NOT NULL,
    "provider" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "regions" TEXT[],
    "data_retention_days" INTEGER NOT NULL,
    "training_opt_out" BOOLEAN NOT NULL,
    "logging_policy" TEXT NOT NULL,
    "max_sensitivity" "Sensitivity" NOT NULL,
    "status" "ModelStatus" NOT NULL DEFAULT 'APPROVED',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "approved_models_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workflow_models" (
    "workflow_id" UUID NOT NULL,
    "model_id" UUID NOT NULL,

    CONSTRAINT "workflow_models_pkey" PRIMARY KEY ("workflow_id","model_id")
);

-- CreateTable
CREATE TABLE "tools" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "system" TEXT NOT NULL,
    "consequence" "Consequence" NOT NULL,
    "argument_schema" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "tools_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workflow_tools" (
    "workflow_id" UUID NOT NULL,
    "tool_id" UUID NOT NULL,
    "rate_per_minute" INTEGER,
    "argument_constraints" JSONB,
    "tier" "ApprovalTier" NOT NULL,

    CONSTRAINT "workflow_tools_pkey" PRIMARY KEY ("workflow_id","tool_id")
);

-- CreateTable
CREATE TABLE "service_tokens" (
    "id" UUID NOT NULL,
    "workflow_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "scopes" "TokenScope"[],
    "environment" "Environment" NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "last_used_at" TIMESTAMPTZ(3),
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "service_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "seq" BIGINT NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "actor_type" TEXT NOT NULL,
    "actor_id" TEXT,
    "actor_label" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "target_type" TEXT,
    "target_id" TEXT,
    "data" JSONB NOT NULL,
    "request_id" TEXT,
    "prev_hash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "users_oidc_subject_key" ON "users"("oidc_subject");

-- CreateIndex
CREATE UNIQUE INDEX "workflows_key_key" ON "workflows"("key");

-- CreateIndex
CREATE INDEX "workflows_status_environment_idx" ON "workflows"("status", "environment");

-- CreateIndex
CREATE INDEX "workflows_owner_id_idx" ON "workflows"("owner_id");

-- CreateIndex
CREATE UNIQUE INDEX "data_classes_key_key" ON "data_classes"("key");

-- CreateIndex
CREATE UNIQUE INDEX "approved_models_provider_model_version_key" ON "approved_models"("provider", "model", "version");

-- CreateIndex
CREATE UNIQUE INDEX "tools_key_key" ON "tools"("key");

-- CreateIndex
CREATE UNIQUE INDEX "service_tokens_prefix_key" ON "service_tokens"("prefix");

-- CreateIndex
CREATE UNIQUE INDEX "service_tokens_token_hash_key" ON "service_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "service_tokens_workflow_id_idx" ON "service_tokens"("workflow_id");

-- CreateIndex
CREATE UNIQUE INDEX "audit_events_hash_key" ON "audit_events"("hash");

-- CreateIndex
CREATE INDEX "audit_events_action_occurred_at_idx" ON "audit_events"("action", "occurred_at");

-- CreateIndex
CREATE INDEX "audit_events_target_type_target_id_idx" ON "audit_events"("target_type", "target_id");

-- CreateIndex
CREATE INDEX "audit_events_actor_id_occurred_at_idx" ON "audit_events"("actor_id", "occurred_at");

-- AddForeignKey
ALTER TABLE "workflows" ADD CONSTRAINT "workflows_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "raci_assignments" ADD CONSTRAINT "raci_assignments_workflow_id_fkey" FOREIGN KEY ("workflow_id") REFERENCES "workflows"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "raci_assignments" ADD CONSTRAINT "raci_assignments_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workflow_data_classes" ADD CONSTRAINT "workflow_data_classes_workflow_id_fkey" FOREIGN KEY ("workflow_id") REFERENCES "workflows"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workflow_data_classes" ADD CONSTRAINT "workflow_data_classes_data_class_id_fkey" FOREIGN KEY ("data_class_id") REFERENCES "data_classes"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workflow_models" ADD CONSTRAINT "workflow_models_workflow_id_fkey" FOREIGN KEY ("workflow_id") REFERENCES "workflows"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workflow_models" ADD CONSTRAINT "workflow_models_model_id_fkey" FOREIGN KEY ("model_id") REFERENCES "approved_models"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workflow_tools" ADD CONSTRAINT "workflow_tools_workflow_id_fkey" FOREIGN KEY ("workflow_id") REFERENCES "workflows"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workflow_tools" ADD CONSTRAINT "workflow_tools_tool_id_fkey" FOREIGN KEY ("tool_id") REFERENCES "tools"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_tokens" ADD CONSTRAINT "service_tokens_workflow_id_fkey" FOREIGN KEY ("workflow_id") REFERENCES "workflows"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_tokens" ADD CONSTRAINT "service_tokens_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

