import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AccessDenied } from "@/components/console/access-denied";
import { WindowSwitch } from "@/components/charts/window-switch";
import { ScorecardView } from "@/components/scorecard/scorecard-view";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge, TierBadge } from "@/components/workflows/workflow-badges";
import { ENVIRONMENT_LABELS } from "@/components/workflows/labels";
import { WorkflowTabs } from "@/components/workflows/workflow-tabs";
import { ZScorecardParams, ZScorecardWindow } from "@/lib/contracts/scorecard";
import { requirePageUser } from "@/lib/server/http/require-page-user";
import { getWorkflow } from "@/lib/server/registry/workflows/get-workflow";
import { getWorkflowScorecard } from "@/lib/server/scorecard/get-workflow-scorecard";
import { nullIfNotFound } from "@/lib/server/shared/null-if-not-found";

export const metadata: Metadata = { title: "Scorecard" };

type TProps = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function WorkflowScorecardPage({ params, searchParams }: TProps) {
  const { id } = await params;
  const access = await requirePageUser({ path: `/workflows/${id}/scorecard`, permission: "workflows:read" });
  if (!access.allowed) return <AccessDenied permission={access.permission} />;
  if (!ZScorecardParams.safeParse({ id }).success) notFound();
  const parsed = ZScorecardWindow.safeParse((await searchParams).window ?? "7d");
  const window = parsed.success ? parsed.data : "7d";
  // Both readers scope by the caller: a workflow they may not see is the same 404 as one that does not exist.
  const workflow = await nullIfNotFound(getWorkflow({ user: access.user, id }));
  const scorecard = workflow ? await nullIfNotFound(getWorkflowScorecard({ user: access.user, workflowId: id, window })) : null;
  if (!workflow || !scorecard) notFound();
  const { highestTier, halted, environment } = scorecard.workflow;
  return (
    <>
      <PageHeader
        title={workflow.name}
        description={
          <>
            <code>{workflow.key}</code> <StatusBadge status={workflow.status} /> {halted ? <Badge tone="bad">Halted</Badge> : null}{" "}
            {ENVIRONMENT_LABELS[environment]} · highest tier <TierBadge tier={highestTier} />
          </>
        }
      />
      <WorkflowTabs workflowId={workflow.id} current="scorecard" />
      <WindowSwitch basePath={`/workflows/${workflow.id}/scorecard`} current={window} />
      {parsed.success ? null : <Alert tone="info">The period in the address was not understood, so the last 7 days are shown.</Alert>}
      <ScorecardView key={window} initial={scorecard} edit={workflow.canEdit ? { version: workflow.version } : null} />
    </>
  );
}
