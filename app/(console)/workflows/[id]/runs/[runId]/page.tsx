import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AccessDenied } from "@/components/console/access-denied";
import { WorkflowSectionHeader } from "@/components/permissions/workflow-section-header";
import { RunTimeline } from "@/components/runs/run-timeline";
import { ZRunTimelineQuery, ZWorkflowRunParams } from "@/lib/contracts/runs";
import { requirePageUser } from "@/lib/server/http/require-page-user";
import { readWorkflowSummary } from "@/lib/server/registry/permissions/read-workflow-summary";
import { getRunTimeline } from "@/lib/server/runs/get-run-timeline";
import { nullIfNotFound } from "@/lib/server/shared/null-if-not-found";

export const metadata: Metadata = { title: "Run" };

type TProps = { params: Promise<{ id: string; runId: string }> };

export default async function RunTimelinePage({ params }: TProps) {
  const { id, runId } = await params;
  const access = await requirePageUser({ path: `/workflows/${id}/runs/${encodeURIComponent(runId)}`, permission: "workflows:read" });
  if (!access.allowed) return <AccessDenied permission={access.permission} />;
  if (!ZWorkflowRunParams.safeParse({ id, runId }).success) notFound();
  const workflow = await nullIfNotFound(readWorkflowSummary({ user: access.user, workflowId: id }));
  if (!workflow) notFound();
  const initialPage = await nullIfNotFound(
    getRunTimeline({ user: access.user, workflowId: id, runId, query: ZRunTimelineQuery.parse({}) }),
  );
  if (!initialPage) notFound();
  return (
    <>
      <WorkflowSectionHeader
        workflow={workflow}
        tab="runs"
        description={`Run ${runId}: who started it, what it called, what the gate and people decided.`}
      />
      <p>
        <Link href={`/workflows/${encodeURIComponent(id)}/runs`}>← All runs</Link> ·{" "}
        <Link href={`/workflows/${encodeURIComponent(id)}/decisions?runId=${encodeURIComponent(runId)}`}>This run&apos;s decisions</Link>
      </p>
      <RunTimeline workflowId={id} initialPage={initialPage} />
    </>
  );
}
