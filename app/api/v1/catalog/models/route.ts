import { ZCreateModel } from "@/lib/contracts/catalog";
import { defineRoute } from "@/lib/server/http/define-route";
import { methods } from "@/lib/server/http/method-table";
import { createModel } from "@/lib/server/registry/catalog/create-model";
import { listModels } from "@/lib/server/registry/catalog/list-models";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: defineRoute({ auth: "session", permission: "catalog:read", handler: ({ who }) => listModels({ user: who }) }),
  POST: defineRoute({
    auth: "session",
    permission: "catalog:manage",
    body: ZCreateModel,
    audit: "catalog.model.changed",
    status: 201,
    handler: ({ tx, actor, who, body }) => createModel({ tx, actor, user: who, input: body }),
  }),
});
