import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AccessDenied } from "@/components/console/access-denied";
import { HaltedBanner } from "@/components/killswitch/halted-banner";
import { PageHeader } from "@/components/ui/page-header";
import { HaltBadge, StatusBadge } from "@/components/workflows/workflow-badges";
import { WorkflowOverview } from "@/components/workflows/workflow-overview";
import { WorkflowTabs } from "@/components/workflows/workflow-tabs";
import { ZWorkflowIdParams } from "@/lib/contracts/workflows";
import { AppError } from "@/lib/server/errors";
import { requirePageUser } from "@/lib/server/http/require-page-user";
import { listWorkflowHalts } from "@/lib/server/killswitch/list-workflow-halts";
import { assessReadiness } from "@/lib/server/registry/workflows/assess-readiness";
import { getWorkflow } from "@/lib/server/registry/workflows/get-workflow";
import { readWorkflowHalt } from "@/lib/server/registry/workflows/list-workflows-halts";

export const metadata: Metadata = { title: "Workflow" };

type TProps = { params: Promise<{ id: string }> };

export default async function WorkflowPage({ params }: TProps) {
  const { id } = await params;
  const access = await requirePageUser({ path: `/workflows/${id}`, permission: "workflows:read" });
  if (!access.allowed) return <AccessDenied permission={access.permission} />;
  if (!ZWorkflowIdParams.safeParse({ id }).success) notFound();
  const workflow = await getWorkflow({ user: access.user, id }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const readiness = await assessReadiness({ workflowId: workflow.id });
  const halts = await listWorkflowHalts({ user: access.user, workflowKey: workflow.key });
  const halt = await readWorkflowHalt({ workflow });
  return (
    <>
      <PageHeader
        title={workflow.name}
        description={
          <>
            <code>{workflow.key}</code> <StatusBadge status={workflow.status} /> <HaltBadge halt={halt} />
          </>
        }
      />
      <HaltedBanner halts={halts} workflow={workflow} />
      <WorkflowTabs workflowId={workflow.id} current="overview" />
      <WorkflowOverview initialWorkflow={workflow} initialReadiness={readiness} halt={halt} />
    </>
  );
}
