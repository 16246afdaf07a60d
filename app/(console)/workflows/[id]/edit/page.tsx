import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AccessDenied } from "@/components/console/access-denied";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { WorkflowEditor } from "@/components/workflows/workflow-editor";
import { WorkflowTabs } from "@/components/workflows/workflow-tabs";
import { ZWorkflowIdParams } from "@/lib/contracts/workflows";
import { AppError } from "@/lib/server/errors";
import { requirePageUser } from "@/lib/server/http/require-page-user";
import { getWorkflow } from "@/lib/server/registry/workflows/get-workflow";
import { listWorkflowChoices } from "@/lib/server/registry/workflows/list-workflow-choices";

export const metadata: Metadata = { title: "Edit workflow" };

type TProps = { params: Promise<{ id: string }> };

export default async function EditWorkflowPage({ params }: TProps) {
  const { id } = await params;
  const access = await requirePageUser({ path: `/workflows/${id}/edit`, permission: "workflows:edit" });
  if (!access.allowed) return <AccessDenied permission={access.permission} />;
  if (!ZWorkflowIdParams.safeParse({ id }).success) notFound();
  const workflow = await getWorkflow({ user: access.user, id }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const header = (
    <>
      <PageHeader
        title={`Edit ${workflow.name}`}
        description={<code>{workflow.key}</code>}
        actions={
          <Link className="button" href={`/workflows/${workflow.id}`}>
            Back to overview
          </Link>
        }
      />
      <WorkflowTabs workflowId={workflow.id} current="overview" />
    </>
  );
  if (!workflow.canEdit)
    return (
      <>
        {header}
        <Alert tone="error" title="You can't edit this workflow">
          Only its owner or an administrator may change it.
        </Alert>
      </>
    );
  if (workflow.status === "RETIRED")
    return (
      <>
        {header}
        <Alert tone="info">This workflow is retired: it stays in the registry as a record and no longer changes.</Alert>
      </>
    );
  const { people } = await listWorkflowChoices();
  const isAdmin = access.user.roles.includes("ADMIN");
  // The current owner stays selectable even when they no longer hold the OWNER role.
  const owners = isAdmin ? people.filter((p) => p.roles.includes("OWNER") || p.id === workflow.owner.id) : null;
  return (
    <>
      {header}
      <WorkflowEditor initialWorkflow={workflow} people={people} owners={owners} />
    </>
  );
}
