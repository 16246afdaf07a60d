import { ZCatalogIdParams, ZUpdateModel } from "@/lib/contracts/catalog";
import { defineRoute } from "@/lib/server/http/define-route";
import { methods } from "@/lib/server/http/method-table";
import { getModel } from "@/lib/server/registry/catalog/get-model";
import { updateModel } from "@/lib/server/registry/catalog/update-model";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: defineRoute({
    auth: "session",
    permission: "catalog:read",
    params: ZCatalogIdParams,
    handler: ({ who, params }) => getModel({ user: who, id: params.id }),
  }),
  PATCH: defineRoute({
    auth: "session",
    permission: "catalog:manage",
    params: ZCatalogIdParams,
    body: ZUpdateModel,
    audit: "catalog.model.changed",
    handler: ({ tx, actor, who, params, body }) => updateModel({ tx, actor, user: who, id: params.id, input: body }),
  }),
});
