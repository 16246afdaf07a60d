import { ZCatalogIdParams, ZSetModelStatus } from "@/lib/contracts/catalog";
import { defineRoute } from "@/lib/server/http/define-route";
import { methods } from "@/lib/server/http/method-table";
import { setModelStatus } from "@/lib/server/registry/catalog/set-model-status";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: defineRoute({
    auth: "session",
    permission: "catalog:manage",
    params: ZCatalogIdParams,
    body: ZSetModelStatus,
    audit: "catalog.model.changed",
    handler: ({ tx, actor, who, params, body }) => setModelStatus({ tx, actor, user: who, id: params.id, status: body.status, reason: body.reason }),
  }),
});
