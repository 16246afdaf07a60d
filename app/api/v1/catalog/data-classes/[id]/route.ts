import { deleteDataClassOperation, getDataClassOperation, updateDataClassOperation } from "@/lib/contracts/api-catalog/catalog-operations";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";
import { getDataClass } from "@/lib/server/registry/catalog/get-data-class";
import { deleteDataClass } from "@/lib/server/registry/catalog/delete-data-class";
import { updateDataClass } from "@/lib/server/registry/catalog/update-data-class";

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(getDataClassOperation, { handler: ({ who, params }) => getDataClass({ user: who, id: params.id }) }),
  defineRoute(updateDataClassOperation, {
    handler: ({ tx, actor, who, params, body }) => updateDataClass({ tx, actor, user: who, id: params.id, input: body }),
  }),
  defineRoute(deleteDataClassOperation, {
    handler: ({ tx, actor, who, params }) => deleteDataClass({ tx, actor, user: who, id: params.id }),
  }),
);
