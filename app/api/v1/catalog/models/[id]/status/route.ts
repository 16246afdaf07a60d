import { setModelStatusOperation } from "@/lib/contracts/api-catalog/catalog-operations";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";
import { setModelStatus } from "@/lib/server/registry/catalog/set-model-status";

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(setModelStatusOperation, {
    handler: ({ tx, actor, who, params, body }) =>
      setModelStatus({ tx, actor, user: who, id: params.id, status: body.status, reason: body.reason }),
  }),
);
