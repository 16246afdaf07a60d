import { useMutation } from "@tanstack/react-query";
import { ZPermissionPreview, type TPermissionEdit, type TPermissionPreview } from "@/lib/contracts/changes";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";

export type TPermissionEditVariables = { workflowId: string; edit: TPermissionEdit };

/** A mutation only in form: the preview changes nothing, but it is asked for, not cached. */
export function usePreviewPermissions() {
  return useMutation<TPermissionPreview, ApiError, TPermissionEditVariables>({
    mutationFn: ({ workflowId, edit }) =>
      apiFetch(`/api/v1/workflows/${encodeURIComponent(workflowId)}/permissions/preview`, { method: "POST", body: edit, schema: ZPermissionPreview }),
  });
}
