import type { Metadata } from "next";
import { AccessDenied } from "@/components/console/access-denied";
import { ImportForm } from "@/components/transfer/import-form";
import { PageHeader } from "@/components/ui/page-header";
import { apiPath } from "@/lib/client/api-path";
import { exportInventoryOperation } from "@/lib/contracts/api-catalog/registry-operations";
import { INVENTORY_CSV_ENTITIES } from "@/lib/contracts/inventory";
import { hasPermission } from "@/lib/contracts/permissions";
import { requirePageUser } from "@/lib/server/http/require-page-user";

export const metadata: Metadata = { title: "Import and export" };

export default async function TransferPage() {
  const access = await requirePageUser({ path: "/registry/transfer", permission: "workflows:read" });
  if (!access.allowed) return <AccessDenied permission={access.permission} />;
  const mayImport = hasPermission(access.user.roles, "registry:import");
  return (
    <>
      <PageHeader
        title="Import and export"
        description="The whole inventory — workflows with their RACI, data classes, approved models, tools and allowlists — as one JSON document or one CSV per entity."
      />
      <section className="card">
        <h2>Export</h2>
        <p>
          <a className="button" href={apiPath(exportInventoryOperation, {}, { format: "json" })} download>
            Download inventory (JSON)
          </a>
        </p>
        <p className="muted">One CSV per entity:</p>
        <ul className="inline-list">
          {INVENTORY_CSV_ENTITIES.map((entity) => (
            <li key={entity}>
              <a href={apiPath(exportInventoryOperation, {}, { format: "csv", entity })} download>
                {entity}.csv
              </a>
            </li>
          ))}
        </ul>
      </section>
      {mayImport ? (
        <section className="card">
          <h2>Import</h2>
          <p className="muted">
            Everything is checked first; one problem and nothing changes. New workflows arrive as drafts, and an active workflow&apos;s
            permissions change only through change review.
          </p>
          <ImportForm />
        </section>
      ) : null}
    </>
  );
}
