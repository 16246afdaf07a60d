"use client";

import { useReducer, useState } from "react";
import { useProposeWorkflowChange } from "@/lib/client/changes/use-propose-workflow-change";
import { useApplyPermissions } from "@/lib/client/permissions/use-apply-permissions";
import { usePreviewPermissions } from "@/lib/client/permissions/use-preview-permissions";
import type { TChangeRequestView, TWorkflowPermissions } from "@/lib/contracts/changes";
import type { TGrantDraft } from "./grant-draft";
import {
  appliedMessage,
  checkPermissionsDraft,
  draftProblems,
  initialPermissionsDraft,
  permissionsDraftReducer,
} from "./permissions-draft";

/** A permission-set draft against the version first shown: edits, preview, and save (a draft) or propose (a reviewed workflow). */
export function usePermissionsDraft(base: TWorkflowPermissions) {
  const [frozen] = useState(base);
  const { workflow } = frozen;
  const reviewed = workflow.status !== "DRAFT";
  const [draft, dispatch] = useReducer(permissionsDraftReducer, frozen, initialPermissionsDraft);
  const preview = usePreviewPermissions();
  const apply = useApplyPermissions();
  const propose = useProposeWorkflowChange();
  const submit = reviewed ? propose : apply;
  const error = submit.error ?? preview.error;
  const problems = draftProblems(error, draft.localProblems);

  function edited(action: Parameters<typeof dispatch>[0]) {
    dispatch(action);
    preview.reset();
    submit.reset();
  }

  function checkedEdit() {
    const { edit, problems: found } = checkPermissionsDraft(draft, workflow.version);
    dispatch({ type: "checked", problems: found });
    return edit;
  }

  function runPreview() {
    submit.reset();
    const edit = checkedEdit();
    if (edit) preview.mutate({ workflowId: workflow.id, edit });
  }

  function runSubmit(done: { onProposed: (request: TChangeRequestView) => void; onApplied: (message: string) => void }) {
    const edit = checkedEdit();
    if (!edit) return;
    const variables = { workflowId: workflow.id, edit };
    if (reviewed) propose.mutate(variables, { onSuccess: done.onProposed });
    else apply.mutate(variables, { onSuccess: (saved) => done.onApplied(appliedMessage(workflow.key, saved)) });
  }

  return {
    workflow,
    reviewed,
    draft,
    problems,
    error,
    stale: error?.code === "conflict",
    changes: preview.data?.changes,
    previewPending: preview.isPending,
    submitPending: submit.isPending,
    setDataClassKeys: (value: string[]) => edited({ type: "dataClassKeys", value }),
    setModelRefs: (value: string[]) => edited({ type: "modelRefs", value }),
    setGrants: (value: TGrantDraft[]) => edited({ type: "grants", value }),
    runPreview,
    runSubmit,
  };
}
