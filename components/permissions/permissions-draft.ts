import type { ApiError } from "@/lib/client/api-error";
import type { TPermissionEdit, TWorkflowPermissions } from "@/lib/contracts/changes";
import { parseGrantDrafts, problemMapOf, toGrantDraft, type TGrantDraft, type TProblemMap } from "./grant-draft";

/** The permission set as the form holds it, plus the problems the form found itself before sending. */
export type TPermissionsDraft = { dataClassKeys: string[]; modelRefs: string[]; grants: TGrantDraft[]; localProblems: TProblemMap };

export type TPermissionsAction =
  | { type: "dataClassKeys"; value: string[] }
  | { type: "modelRefs"; value: string[] }
  | { type: "grants"; value: TGrantDraft[] }
  | { type: "checked"; problems: TProblemMap };

export function initialPermissionsDraft(base: TWorkflowPermissions): TPermissionsDraft {
  return {
    dataClassKeys: base.permissions.dataClassKeys,
    modelRefs: base.permissions.modelRefs,
    grants: base.permissions.tools.map(toGrantDraft),
    localProblems: {},
  };
}

export function permissionsDraftReducer(state: TPermissionsDraft, action: TPermissionsAction): TPermissionsDraft {
  switch (action.type) {
    case "dataClassKeys":
      return { ...state, dataClassKeys: action.value };
    case "modelRefs":
      return { ...state, modelRefs: action.value };
    case "grants":
      return { ...state, grants: action.value };
    case "checked":
      return { ...state, localProblems: action.problems };
  }
}

/** The edit to send against `expectedVersion`, or null with the problems that stop it. */
export function checkPermissionsDraft(
  state: TPermissionsDraft,
  expectedVersion: number,
): { edit: TPermissionEdit | null; problems: TProblemMap } {
  const parsed = parseGrantDrafts(state.grants);
  if (!parsed.tools) return { edit: null, problems: parsed.problems };
  return {
    edit: { permissions: { dataClassKeys: state.dataClassKeys, modelRefs: state.modelRefs, tools: parsed.tools }, expectedVersion },
    problems: parsed.problems,
  };
}

/** The server's field problems, overridden by the form's own where both name a field. */
export function draftProblems(error: ApiError | null, localProblems: TProblemMap): TProblemMap {
  return { ...problemMapOf(error), ...localProblems };
}

export function appliedMessage(workflowKey: string, saved: { changes: readonly unknown[]; version: number }): string {
  return `Saved ${saved.changes.length} change${saved.changes.length === 1 ? "" : "s"}: ${workflowKey} is now at version ${saved.version}.`;
}
