import { buildOpenApiDocument } from "@/lib/contracts/openapi";
import { defineRoute } from "@/lib/server/http/define-route";
import { methods } from "@/lib/server/http/method-table";

// Built once per server: the document depends only on the code.
const DOCUMENT = buildOpenApiDocument();

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: defineRoute({ auth: "public", handler: async () => DOCUMENT }),
});
