import { createToolOperation, listToolsOperation } from "@/lib/contracts/api-catalog/catalog-operations";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";
import { createTool } from "@/lib/server/registry/catalog/create-tool";
import { listTools } from "@/lib/server/registry/catalog/list-tools";

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(listToolsOperation, { handler: ({ who }) => listTools({ user: who }) }),
  defineRoute(createToolOperation, { handler: ({ tx, actor, who, body }) => createTool({ tx, actor, user: who, input: body }) }),
);
