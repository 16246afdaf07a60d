import { exportInventoryOperation } from "@/lib/contracts/api-catalog/registry-operations";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";
import { exportInventory } from "@/lib/server/registry/transfer/export-inventory";
import { inventoryToCsv } from "@/lib/server/registry/transfer/inventory-csv";

const download = (body: string, type: string, name: string) =>
  new Response(body, {
    headers: { "content-type": type, "content-disposition": `attachment; filename="${name}"`, "cache-control": "no-store" },
  });

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(exportInventoryOperation, {
    handler: async ({ query, who, tx }) => {
      const inventory = await exportInventory({ tx, user: who });
      if (query.format === "json") return download(JSON.stringify(inventory, null, 2), "application/json", "tollgate-inventory.json");
      return download(inventoryToCsv(inventory, query.entity), "text/csv; charset=utf-8", `tollgate-${query.entity}.csv`);
    },
  }),
);
