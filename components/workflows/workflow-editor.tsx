"use client";

import { useWorkflow } from "@/lib/client/workflows/use-workflow";
import type { TPerson, TWorkflowChoices, TWorkflowDetail } from "@/lib/contracts/workflows";
import { EditWorkflowForm } from "./edit-workflow-form";
import { RaciEditor } from "./raci-editor";

type TProps = { initialWorkflow: TWorkflowDetail; people: TWorkflowChoices["people"]; owners: TPerson[] | null };

/** The Edit page: both forms read the live workflow, so a conflict can offer its current version. */
export function WorkflowEditor({ initialWorkflow, people, owners }: TProps) {
  const { data } = useWorkflow({ id: initialWorkflow.id, initialData: initialWorkflow });
  const workflow = data ?? initialWorkflow;
  return (
    <div className="stack">
      <section className="card" aria-labelledby="details-title">
        <h2 id="details-title">Details</h2>
        <EditWorkflowForm workflow={workflow} owners={owners} />
      </section>
      <section className="card" id="raci" aria-labelledby="raci-title">
        <h2 id="raci-title">RACI</h2>
        <RaciEditor workflow={workflow} people={people} />
      </section>
    </div>
  );
}
