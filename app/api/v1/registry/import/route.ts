import { ZInventory } from "@/lib/contracts/inventory";
import { defineRoute } from "@/lib/server/http/define-route";
import { methods } from "@/lib/server/http/method-table";
import { importInventory } from "@/lib/server/registry/transfer/import-inventory";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: defineRoute({
    auth: "session",
    permission: "registry:import",
    body: ZInventory,
    audit: "registry.imported",
    maxBodyBytes: 20 * 1024 * 1024,
    transactionTimeoutMs: 120_000,
    handler: ({ body, tx, actor, who }) => importInventory({ tx, actor, user: who, inventory: body, format: "json" }),
  }),
});
