import { importInventoryOperation } from "@/lib/contracts/api-catalog/registry-operations";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";
import { importInventory } from "@/lib/server/registry/transfer/import-inventory";

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(importInventoryOperation, {
    maxBodyBytes: 20 * 1024 * 1024,
    transactionTimeoutMs: 120_000,
    handler: ({ body, tx, actor, who }) => importInventory({ tx, actor, user: who, inventory: body, format: "json" }),
  }),
);
