import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AccessDenied } from "@/components/console/access-denied";
import { PermissionsEditor } from "@/components/permissions/permissions-editor";
import { WorkflowSectionHeader } from "@/components/permissions/workflow-section-header";
import { ZWorkflowIdParams } from "@/lib/contracts/changes";
import { requirePageUser } from "@/lib/server/http/require-page-user";
import { listPermissionChoices } from "@/lib/server/registry/permissions/list-permission-choices";
import { nullIfNotFound } from "@/lib/server/shared/null-if-not-found";
import { readWorkflowPermissions } from "@/lib/server/registry/permissions/read-workflow-permissions";

export const metadata: Metadata = { title: "Permissions" };

export default async function WorkflowPermissionsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const access = await requirePageUser({ path: `/workflows/${id}/permissions`, permission: "workflows:read" });
  if (!access.allowed) return <AccessDenied permission={access.permission} />;
  if (!ZWorkflowIdParams.safeParse({ id }).success) notFound();
  const initial = await nullIfNotFound(readWorkflowPermissions({ user: access.user, workflowId: id }));
  if (!initial) notFound();
  const choices = await listPermissionChoices();
  return (
    <>
      <WorkflowSectionHeader
        workflow={initial.workflow}
        tab="permissions"
        description="The data classes, models and tools this workflow may use. Once it is active, every change is reviewed by Security."
      />
      <PermissionsEditor initial={initial} choices={choices} />
    </>
  );
}
