import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/workflows/workflow-badges";
import { WorkflowTabs, type TWorkflowTab } from "@/components/workflows/workflow-tabs";
import type { TWorkflowSummary } from "@/lib/contracts/changes";

/** The heading and tab bar of a workflow's permissions, tokens and changes pages, as on its overview. */
export function WorkflowSectionHeader({
  workflow,
  tab,
  description,
}: {
  workflow: TWorkflowSummary;
  tab: TWorkflowTab;
  description: string;
}) {
  return (
    <>
      <PageHeader
        title={workflow.name}
        description={
          <>
            <code>{workflow.key}</code> <StatusBadge status={workflow.status} /> {description}
          </>
        }
      />
      <WorkflowTabs workflowId={workflow.id} current={tab} />
    </>
  );
}
