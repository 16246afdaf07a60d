import { ZPermissionEdit, ZWorkflowIdParams } from "@/lib/contracts/changes";
import { defineRoute } from "@/lib/server/http/define-route";
import { methods } from "@/lib/server/http/method-table";
import { previewPermissionEdit } from "@/lib/server/registry/permissions/preview-permission-edit";

// A POST because it carries a whole permission set; it changes nothing.
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: defineRoute({
    auth: "session",
    permission: "workflows:edit",
    params: ZWorkflowIdParams,
    body: ZPermissionEdit,
    handler: ({ params, body, who }) => previewPermissionEdit({ user: who, workflowId: params.id, edit: body }),
  }),
});
