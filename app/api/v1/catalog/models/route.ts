import { createModelOperation, listModelsOperation } from "@/lib/contracts/api-catalog/catalog-operations";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";
import { createModel } from "@/lib/server/registry/catalog/create-model";
import { listModels } from "@/lib/server/registry/catalog/list-models";

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(listModelsOperation, { handler: ({ who }) => listModels({ user: who }) }),
  defineRoute(createModelOperation, { handler: ({ tx, actor, who, body }) => createModel({ tx, actor, user: who, input: body }) }),
);
