import Link from "next/link";
import { Card } from "@/components/ui/card";
import { ENVIRONMENT_LABELS } from "@/components/workflows/labels";
import { RaciTable } from "@/components/workflows/raci-table";
import { StatusBadge } from "@/components/workflows/workflow-badges";
import type { TApprovalDetail } from "@/lib/contracts/approvals-console";

/** The workflow that asked, and who answers for it: its owner and RACI chart. */
export function ApprovalWorkflowCard({ workflow }: { workflow: TApprovalDetail["workflow"] }) {
  return (
    <Card titleId="workflow-title" title="Workflow">
      <dl className="facts">
        <dt>Workflow</dt>
        <dd>
          <Link href={`/workflows/${workflow.id}`}>{workflow.name}</Link> <code>{workflow.key}</code>
        </dd>
        <dt>Status</dt>
        <dd>
          <StatusBadge status={workflow.status} /> in {ENVIRONMENT_LABELS[workflow.environment]}
        </dd>
        <dt>Purpose</dt>
        <dd>{workflow.purpose}</dd>
        <dt>Owner</dt>
        <dd>
          {workflow.owner.name} ({workflow.owner.email})
        </dd>
      </dl>
      <h3>RACI</h3>
      <RaciTable raci={workflow.raci} />
      {workflow.runbook ? (
        <>
          <h3>Runbook</h3>
          <p className="prose">{workflow.runbook}</p>
        </>
      ) : null}
    </Card>
  );
}
