"use client";

import Link from "next/link";
import { RefreshError } from "@/components/ui/refresh-error";
import { Timestamp } from "@/components/ui/timestamp";
import { useWorkflow } from "@/lib/client/workflows/use-workflow";
import { useWorkflowReadiness } from "@/lib/client/workflows/use-workflow-readiness";
import type { TWorkflowDetail, TWorkflowHalt, TWorkflowReadiness } from "@/lib/contracts/workflows";
import { approvalExpiryText, ENVIRONMENT_LABELS } from "./labels";
import { PermissionSummary } from "./permission-summary";
import { RaciTable } from "./raci-table";
import { ReadinessPanel } from "./readiness-panel";
import { StatusActions } from "./status-actions";
import { HaltBadge, SensitivityBadge, StatusBadge, TierBadge } from "./workflow-badges";

type TProps = { initialWorkflow: TWorkflowDetail; initialReadiness: TWorkflowReadiness; halt?: TWorkflowHalt | null };

/** The Overview tab; edit controls appear only for those who may edit (ADMIN, or its OWNER). */
export function WorkflowOverview({ initialWorkflow, initialReadiness, halt = null }: TProps) {
  const query = useWorkflow({ id: initialWorkflow.id, initialData: initialWorkflow });
  const readiness = useWorkflowReadiness({ id: initialWorkflow.id, initialData: initialReadiness });
  const workflow = query.data ?? initialWorkflow;
  const editable = workflow.canEdit && workflow.status !== "RETIRED";
  const base = `/workflows/${encodeURIComponent(workflow.id)}`;

  return (
    <div className="stack">
      <RefreshError error={query.error} title="Could not refresh this workflow" />
      <section className="card" aria-labelledby="summary-title">
        <div className="card-head">
          <h2 id="summary-title">Summary</h2>
          {editable ? (
            <Link className="button button-small" href={`${base}/edit`}>
              Edit details and RACI
            </Link>
          ) : null}
        </div>
        <dl className="facts">
          <dt>Status</dt>
          <dd>
            <span className="badges">
              <StatusBadge status={workflow.status} />
              <HaltBadge halt={halt} />
            </span>
          </dd>
          <dt>Key</dt>
          <dd>
            <code>{workflow.key}</code>
          </dd>
          <dt>Environment</dt>
          <dd>{ENVIRONMENT_LABELS[workflow.environment]}</dd>
          <dt>Owner</dt>
          <dd>
            {workflow.owner.name} <span className="muted">({workflow.owner.email})</span>
          </dd>
          <dt>Highest data</dt>
          <dd>
            <SensitivityBadge sensitivity={workflow.maxSensitivity} />
          </dd>
          <dt>Top approval tier</dt>
          <dd>
            <TierBadge tier={workflow.maxTier} />
          </dd>
          <dt>Approvals</dt>
          <dd>{approvalExpiryText(workflow.approvalTimeoutMinutes)}</dd>
          <dt>Version</dt>
          <dd>
            {workflow.version} · updated <Timestamp iso={workflow.updatedAt} />
          </dd>
          <dt>Purpose</dt>
          <dd className="prose">{workflow.purpose}</dd>
          <dt>Runbook</dt>
          <dd className="prose">{workflow.runbook || <span className="muted">No manual fallback written yet.</span>}</dd>
        </dl>
        {editable ? <StatusActions workflow={workflow} /> : null}
      </section>
      <ReadinessPanel workflow={workflow} readiness={readiness.data ?? initialReadiness} />
      <section className="card" aria-labelledby="raci-title">
        <h2 id="raci-title">RACI</h2>
        <RaciTable raci={workflow.raci} />
      </section>
      <section className="card" aria-labelledby="permissions-title">
        <div className="card-head">
          <h2 id="permissions-title">Permissions</h2>
          <Link className="button button-small" href={`${base}/permissions`}>
            {editable ? "Change permissions" : "View permissions"}
          </Link>
        </div>
        <PermissionSummary workflow={workflow} />
      </section>
    </div>
  );
}
