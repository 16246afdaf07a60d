import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AccessDenied } from "@/components/console/access-denied";
import { WorkflowSectionHeader } from "@/components/permissions/workflow-section-header";
import { QueryProblems } from "@/components/runs/query-problems";
import { RunFilters } from "@/components/runs/run-filters";
import { RunsList } from "@/components/runs/runs-list";
import { ZWorkflowRunsQuery } from "@/lib/contracts/runs";
import { ZWorkflowIdParams } from "@/lib/contracts/workflows";
import { requirePageUser } from "@/lib/server/http/require-page-user";
import { readWorkflowSummary } from "@/lib/server/registry/permissions/read-workflow-summary";
import { listWorkflowRuns } from "@/lib/server/runs/list-workflow-runs";
import { nullIfNotFound } from "@/lib/server/shared/null-if-not-found";

export const metadata: Metadata = { title: "Runs" };

type TProps = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function WorkflowRunsPage({ params, searchParams }: TProps) {
  const { id } = await params;
  const access = await requirePageUser({ path: `/workflows/${id}/runs`, permission: "workflows:read" });
  if (!access.allowed) return <AccessDenied permission={access.permission} />;
  if (!ZWorkflowIdParams.safeParse({ id }).success) notFound();
  const workflow = await nullIfNotFound(readWorkflowSummary({ user: access.user, workflowId: id }));
  if (!workflow) notFound();
  // The address holds the filters only; pages beyond the first are fetched by the list itself.
  const asked = { ...(await searchParams), cursor: undefined, limit: undefined };
  const parsed = ZWorkflowRunsQuery.safeParse(asked);
  const query = parsed.success ? parsed.data : ZWorkflowRunsQuery.parse({});
  const filters = { status: query.status, window: query.window };
  const initialPage = await listWorkflowRuns({ user: access.user, workflowId: id, query });
  return (
    <>
      <WorkflowSectionHeader workflow={workflow} tab="runs" description="What its automations did, run by run, as they reported it." />
      <section className="card" aria-label="Runs">
        <RunFilters workflowId={id} query={query} />
        {parsed.success ? null : <QueryProblems error={parsed.error} />}
        <RunsList workflowId={id} filters={filters} initialPage={initialPage} />
      </section>
    </>
  );
}
