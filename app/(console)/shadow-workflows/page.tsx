import type { Metadata } from "next";
import { AccessDenied } from "@/components/console/access-denied";
import { ShadowWorkflowsTable } from "@/components/shadow/shadow-workflows-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { hasPermission } from "@/lib/contracts/permissions";
import { requirePageUser } from "@/lib/server/http/require-page-user";
import { listShadowWorkflows } from "@/lib/server/registry/shadow/list-shadow-workflows";

export const metadata: Metadata = { title: "Shadow workflows" };

export default async function ShadowWorkflowsPage() {
  const access = await requirePageUser({ path: "/shadow-workflows", permission: "workflows:read" });
  if (!access.allowed) return <AccessDenied permission={access.permission} />;
  const list = await listShadowWorkflows({ user: access.user });
  return (
    <>
      <PageHeader
        title="Shadow workflows"
        description="Workflow keys automations used at run time without being registered. They are surfaced, never silently accepted: register them to bring them under governance."
      />
      {list.items.length === 0 ? (
        <EmptyState title="No shadow workflows">
          <p>
            When an automation calls Tollgate with a workflow key nobody registered, the key appears here with when it was seen and what it
            tried to call.
          </p>
        </EmptyState>
      ) : (
        <ShadowWorkflowsTable list={list} canRegister={hasPermission(access.user.roles, "workflows:create")} />
      )}
    </>
  );
}
