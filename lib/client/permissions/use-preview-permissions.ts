import { useMutation } from "@tanstack/react-query";
import { previewPermissionEditOperation } from "@/lib/contracts/api-catalog/workflow-operations";
import { ZPermissionPreview, type TPermissionEdit, type TPermissionPreview } from "@/lib/contracts/changes";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";

export type TPermissionEditVariables = { workflowId: string; edit: TPermissionEdit };

/** A mutation only in form: the preview changes nothing, but it is asked for, not cached. */
export function usePreviewPermissions() {
  return useMutation<TPermissionPreview, ApiError, TPermissionEditVariables>({
    mutationFn: ({ workflowId, edit }) =>
      apiFetch(apiPath(previewPermissionEditOperation, { id: workflowId }), {
        method: previewPermissionEditOperation.method,
        body: edit,
        schema: ZPermissionPreview,
      }),
  });
}
