import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AccessDenied } from "@/components/console/access-denied";
import { WorkflowSectionHeader } from "@/components/permissions/workflow-section-header";
import { DecisionFilters } from "@/components/runs/decision-filters";
import { DecisionsList } from "@/components/runs/decisions-list";
import { QueryProblems } from "@/components/runs/query-problems";
import { ZWorkflowDecisionsQuery } from "@/lib/contracts/runs";
import { ZWorkflowIdParams } from "@/lib/contracts/workflows";
import { requirePageUser } from "@/lib/server/http/require-page-user";
import { readWorkflowSummary } from "@/lib/server/registry/permissions/read-workflow-summary";
import { listWorkflowDecisions } from "@/lib/server/runs/list-workflow-decisions";
import { nullIfNotFound } from "@/lib/server/shared/null-if-not-found";

export const metadata: Metadata = { title: "Decisions" };

type TProps = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function WorkflowDecisionsPage({ params, searchParams }: TProps) {
  const { id } = await params;
  const access = await requirePageUser({ path: `/workflows/${id}/decisions`, permission: "workflows:read" });
  if (!access.allowed) return <AccessDenied permission={access.permission} />;
  if (!ZWorkflowIdParams.safeParse({ id }).success) notFound();
  const workflow = await nullIfNotFound(readWorkflowSummary({ user: access.user, workflowId: id }));
  if (!workflow) notFound();
  // The address holds the filters only; pages beyond the first are fetched by the list itself.
  const asked = { ...(await searchParams), cursor: undefined, limit: undefined };
  const parsed = ZWorkflowDecisionsQuery.safeParse(asked);
  const query = parsed.success ? parsed.data : ZWorkflowDecisionsQuery.parse({});
  const filters = { outcome: query.outcome, reason: query.reason, tool: query.tool, runId: query.runId, window: query.window };
  const initialPage = await listWorkflowDecisions({ user: access.user, workflowId: id, query });
  return (
    <>
      <WorkflowSectionHeader
        workflow={workflow}
        tab="decisions"
        description="Every call its automations asked the gate about, with the rule that decided it."
      />
      <section className="card" aria-label="Decisions">
        <DecisionFilters workflowId={id} query={query} />
        {parsed.success ? null : <QueryProblems error={parsed.error} />}
        <DecisionsList workflowId={id} filters={filters} initialPage={initialPage} />
      </section>
    </>
  );
}
