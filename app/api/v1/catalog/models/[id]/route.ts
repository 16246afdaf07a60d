import { getModelOperation, updateModelOperation } from "@/lib/contracts/api-catalog/catalog-operations";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";
import { getModel } from "@/lib/server/registry/catalog/get-model";
import { updateModel } from "@/lib/server/registry/catalog/update-model";

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(getModelOperation, { handler: ({ who, params }) => getModel({ user: who, id: params.id }) }),
  defineRoute(updateModelOperation, {
    handler: ({ tx, actor, who, params, body }) => updateModel({ tx, actor, user: who, id: params.id, input: body }),
  }),
);
