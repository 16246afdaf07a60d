import { ZCatalogIdParams, ZUpdateTool } from "@/lib/contracts/catalog";
import { defineRoute } from "@/lib/server/http/define-route";
import { methods } from "@/lib/server/http/method-table";
import { getTool } from "@/lib/server/registry/catalog/get-tool";
import { updateTool } from "@/lib/server/registry/catalog/update-tool";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: defineRoute({
    auth: "session",
    permission: "catalog:read",
    params: ZCatalogIdParams,
    handler: ({ who, params }) => getTool({ user: who, id: params.id }),
  }),
  PATCH: defineRoute({
    auth: "session",
    permission: "catalog:manage",
    params: ZCatalogIdParams,
    body: ZUpdateTool,
    audit: "catalog.tool.changed",
    handler: ({ tx, actor, who, params, body }) => updateTool({ tx, actor, user: who, id: params.id, input: body }),
  }),
});
