import type { Metadata } from "next";
import Link from "next/link";
import { AccessDenied } from "@/components/console/access-denied";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { WorkflowFilters } from "@/components/workflows/workflow-filters";
import { WorkflowPagination } from "@/components/workflows/workflow-pagination";
import { WorkflowsTable } from "@/components/workflows/workflows-table";
import { hasPermission } from "@/lib/contracts/permissions";
import { ZWorkflowListQuery, type TWorkflowListQuery } from "@/lib/contracts/workflows";
import { requirePageUser } from "@/lib/server/http/require-page-user";
import { listWorkflowChoices } from "@/lib/server/registry/workflows/list-workflow-choices";
import { listWorkflows } from "@/lib/server/registry/workflows/list-workflows";

export const metadata: Metadata = { title: "Workflows" };

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function WorkflowsPage({ searchParams }: TProps) {
  const access = await requirePageUser({ path: "/workflows", permission: "workflows:read" });
  if (!access.allowed) return <AccessDenied permission={access.permission} />;
  const parsed = ZWorkflowListQuery.safeParse(await searchParams);
  const query: TWorkflowListQuery = parsed.success ? parsed.data : {};
  const list = await listWorkflows({ user: access.user, query });
  // An OWNER sees only their own workflows, so an owner filter would offer nothing.
  const seesAll = access.user.roles.some((r) => r !== "OWNER");
  const owners = seesAll ? (await listWorkflowChoices()).people.filter((p) => p.roles.includes("OWNER")) : null;
  const mayCreate = hasPermission(access.user.roles, "workflows:create");
  const filtered = Boolean(
    query.search ||
    query.status ||
    query.environment ||
    query.ownerId ||
    query.maxSensitivity ||
    query.maxTier ||
    query.halted !== undefined,
  );

  return (
    <>
      <PageHeader
        title="Workflows"
        description="The registry of AI automations Tollgate governs: what each one is for, who answers for it, and what it may touch."
        actions={
          mayCreate ? (
            <Link className="button button-primary" href="/workflows/new">
              Register a workflow
            </Link>
          ) : null
        }
      />
      {parsed.success ? null : <Alert tone="info">Some filters in the address were not understood, so the whole list is shown.</Alert>}
      {list.total === 0 && !filtered ? (
        <EmptyState title="No workflows registered yet">
          <p>
            Owners register automations here: their purpose, environment, accountable people, the data classes that flow through them, the
            models they use and the tools they may call. Automations that call Tollgate without being registered appear as shadow workflows.
          </p>
        </EmptyState>
      ) : (
        <section className="card" aria-label="Registered workflows">
          <WorkflowFilters query={query} owners={owners} />
          {list.items.length ? (
            <WorkflowsTable workflows={list.items} query={query} />
          ) : (
            <p className="empty-inline">No workflows match these filters.</p>
          )}
          <WorkflowPagination list={list} query={query} />
        </section>
      )}
    </>
  );
}
