import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AccessDenied } from "@/components/console/access-denied";
import { WorkflowChanges } from "@/components/changes/workflow-changes";
import { WorkflowSectionHeader } from "@/components/permissions/workflow-section-header";
import { CHANGES_PAGE_DEFAULT, ZWorkflowIdParams } from "@/lib/contracts/changes";
import { hasPermission } from "@/lib/contracts/permissions";
import { requirePageUser } from "@/lib/server/http/require-page-user";
import { listWorkflowChangeRequests } from "@/lib/server/registry/changes/list-workflow-change-requests";
import { nullIfNotFound } from "@/lib/server/shared/null-if-not-found";
import { readWorkflowSummary } from "@/lib/server/registry/permissions/read-workflow-summary";

export const metadata: Metadata = { title: "Change requests" };

export default async function WorkflowChangesPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const access = await requirePageUser({ path: `/workflows/${id}/changes`, permission: "workflows:read" });
  if (!access.allowed) return <AccessDenied permission={access.permission} />;
  if (!ZWorkflowIdParams.safeParse({ id }).success) notFound();
  const workflow = await nullIfNotFound(readWorkflowSummary({ user: access.user, workflowId: id }));
  if (!workflow) notFound();
  const initial = await listWorkflowChangeRequests({ user: access.user, workflowId: id, query: { limit: CHANGES_PAGE_DEFAULT } });
  const viewer = { id: access.user.id, canReview: hasPermission(access.user.roles, "changes:review") };
  return (
    <>
      <WorkflowSectionHeader
        workflow={workflow}
        tab="changes"
        description="Proposed changes to this workflow's permissions, and what Security decided."
      />
      <WorkflowChanges workflowId={id} initial={initial} viewer={viewer} />
    </>
  );
}
