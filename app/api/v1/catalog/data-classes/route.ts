import { ZCreateDataClass } from "@/lib/contracts/catalog";
import { defineRoute } from "@/lib/server/http/define-route";
import { methods } from "@/lib/server/http/method-table";
import { createDataClass } from "@/lib/server/registry/catalog/create-data-class";
import { listDataClasses } from "@/lib/server/registry/catalog/list-data-classes";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: defineRoute({ auth: "session", permission: "catalog:read", handler: ({ who }) => listDataClasses({ user: who }) }),
  POST: defineRoute({
    auth: "session",
    permission: "catalog:manage",
    body: ZCreateDataClass,
    audit: "catalog.data_class.changed",
    status: 201,
    handler: ({ tx, actor, who, body }) => createDataClass({ tx, actor, user: who, input: body }),
  }),
});
