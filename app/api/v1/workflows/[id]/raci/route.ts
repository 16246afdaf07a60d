import { replaceRaciOperation } from "@/lib/contracts/api-catalog/workflow-operations";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";
import { replaceRaci } from "@/lib/server/registry/workflows/replace-raci";

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(replaceRaciOperation, {
    handler: ({ tx, actor, who, params, body }) =>
      replaceRaci({ tx, actor, user: who, id: params.id, assignments: body.assignments, expectedVersion: body.expectedVersion }),
  }),
);
