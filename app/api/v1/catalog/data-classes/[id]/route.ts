import { ZCatalogIdParams, ZUpdateDataClass } from "@/lib/contracts/catalog";
import { defineRoute } from "@/lib/server/http/define-route";
import { methods } from "@/lib/server/http/method-table";
import { getDataClass } from "@/lib/server/registry/catalog/get-data-class";
import { deleteDataClass } from "@/lib/server/registry/catalog/delete-data-class";
import { updateDataClass } from "@/lib/server/registry/catalog/update-data-class";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: defineRoute({
    auth: "session",
    permission: "catalog:read",
    params: ZCatalogIdParams,
    handler: ({ who, params }) => getDataClass({ user: who, id: params.id }),
  }),
  PATCH: defineRoute({
    auth: "session",
    permission: "catalog:manage",
    params: ZCatalogIdParams,
    body: ZUpdateDataClass,
    audit: "catalog.data_class.changed",
    handler: ({ tx, actor, who, params, body }) => updateDataClass({ tx, actor, user: who, id: params.id, input: body }),
  }),
  DELETE: defineRoute({
    auth: "session",
    permission: "catalog:manage",
    params: ZCatalogIdParams,
    audit: "catalog.data_class.changed",
    status: 204,
    handler: ({ tx, actor, who, params }) => deleteDataClass({ tx, actor, user: who, id: params.id }),
  }),
});
