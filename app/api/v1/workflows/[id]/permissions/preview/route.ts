import { previewPermissionEditOperation } from "@/lib/contracts/api-catalog/workflow-operations";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";
import { previewPermissionEdit } from "@/lib/server/registry/permissions/preview-permission-edit";

// A POST because it carries a whole permission set; it changes nothing.
export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(previewPermissionEditOperation, {
    handler: ({ params, body, who }) => previewPermissionEdit({ user: who, workflowId: params.id, edit: body }),
  }),
);
