import { getToolOperation, updateToolOperation } from "@/lib/contracts/api-catalog/catalog-operations";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";
import { getTool } from "@/lib/server/registry/catalog/get-tool";
import { updateTool } from "@/lib/server/registry/catalog/update-tool";

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(getToolOperation, { handler: ({ who, params }) => getTool({ user: who, id: params.id }) }),
  defineRoute(updateToolOperation, {
    handler: ({ tx, actor, who, params, body }) => updateTool({ tx, actor, user: who, id: params.id, input: body }),
  }),
);
