import { ZCreateTool } from "@/lib/contracts/catalog";
import { defineRoute } from "@/lib/server/http/define-route";
import { methods } from "@/lib/server/http/method-table";
import { createTool } from "@/lib/server/registry/catalog/create-tool";
import { listTools } from "@/lib/server/registry/catalog/list-tools";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: defineRoute({ auth: "session", permission: "catalog:read", handler: ({ who }) => listTools({ user: who }) }),
  POST: defineRoute({
    auth: "session",
    permission: "catalog:manage",
    body: ZCreateTool,
    audit: "catalog.tool.changed",
    status: 201,
    handler: ({ tx, actor, who, body }) => createTool({ tx, actor, user: who, input: body }),
  }),
});
