import { createDataClassOperation, listDataClassesOperation } from "@/lib/contracts/api-catalog/catalog-operations";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";
import { createDataClass } from "@/lib/server/registry/catalog/create-data-class";
import { listDataClasses } from "@/lib/server/registry/catalog/list-data-classes";

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(listDataClassesOperation, { handler: ({ who }) => listDataClasses({ user: who }) }),
  defineRoute(createDataClassOperation, { handler: ({ tx, actor, who, body }) => createDataClass({ tx, actor, user: who, input: body }) }),
);
