"use client";

import { useReducer } from "react";
import { useUpdateWorkflow } from "@/lib/client/workflows/use-update-workflow";
import type { TWorkflowDetail } from "@/lib/contracts/workflows";
import { detailsChange, detailsDraftReducer, initialDetailsDraft, type TDetailValues } from "./workflow-details-draft";

/** A workflow's details as edited against the version first shown; saving sends only what changed. */
export function useWorkflowDetailsDraft(workflow: TWorkflowDetail) {
  const update = useUpdateWorkflow(workflow.id);
  const [{ base, values, notice }, dispatch] = useReducer(detailsDraftReducer, workflow, initialDetailsDraft);
  const error = update.error;

  function startOver() {
    update.reset();
    dispatch({ type: "startFrom", workflow });
  }

  function save() {
    dispatch({ type: "notice", notice: null });
    const input = detailsChange(values, base, workflow);
    if (!input) return dispatch({ type: "notice", notice: "Nothing to save: no field was changed." });
    update.mutate(input, { onSuccess: (saved) => dispatch({ type: "saved", saved }) });
  }

  return {
    base,
    values,
    notice,
    error,
    stale: error?.code === "conflict" && !Object.keys(error.fieldErrors).length,
    pending: update.isPending,
    set: (field: keyof TDetailValues) => (e: { target: { value: string } }) => dispatch({ type: "edit", field, value: e.target.value }),
    startOver,
    save,
  };
}
