import { getOpenApiDocumentOperation } from "@/lib/contracts/api-catalog/admin-operations";
import { buildOpenApiDocument } from "@/lib/contracts/openapi";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";

// Built once per server: the document depends only on the code.
const DOCUMENT = buildOpenApiDocument();

export const { GET, POST, PUT, PATCH, DELETE } = routes(defineRoute(getOpenApiDocumentOperation, { handler: async () => DOCUMENT }));
