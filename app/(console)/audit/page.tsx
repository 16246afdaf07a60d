import type { Metadata } from "next";
import { AuditLog } from "@/components/audit/audit-log";
import { AccessDenied } from "@/components/console/access-denied";
import { PageHeader } from "@/components/ui/page-header";
import { ZAuditEventsQuery } from "@/lib/contracts/audit";
import { listAuditEvents } from "@/lib/server/audit/list-audit-events";
import { requirePageUser } from "@/lib/server/http/require-page-user";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage() {
  const access = await requirePageUser({ path: "/audit", permission: "audit:read" });
  if (!access.allowed) return <AccessDenied permission={access.permission} />;
  const firstPage = await listAuditEvents({ query: ZAuditEventsQuery.parse({}) });
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change and every refusal, append-only and hash-chained: editing, removing or reordering any entry breaks the chain."
      />
      <AuditLog initialPage={firstPage} />
    </>
  );
}
