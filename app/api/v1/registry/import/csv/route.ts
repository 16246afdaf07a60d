import { importInventoryCsvOperation } from "@/lib/contracts/api-catalog/registry-operations";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";
import { importInventoryCsv } from "@/lib/server/registry/transfer/import-inventory-csv";

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(importInventoryCsvOperation, {
    maxBodyBytes: 12 * 1024 * 1024,
    transactionTimeoutMs: 120_000,
    handler: ({ body, tx, actor, who }) => importInventoryCsv({ tx, actor, user: who, entity: body.entity, csv: body.csv }),
  }),
);
