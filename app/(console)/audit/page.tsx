import type { Metadata } from "next";
import { AuditLog } from "@/components/audit/audit-log";
import { AccessDenied } from "@/components/console/access-denied";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { ZAuditEventsQuery } from "@/lib/contracts/audit";
import { listAuditEvents } from "@/lib/server/audit/list-audit-events";
import { requirePageUser } from "@/lib/server/http/require-page-user";

export const metadata: Metadata = { title: "Audit log" };

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Deep links (e.g. an approval's trail, /audit?target=approval%3A<id>) open the log already filtered.
const ZLinkFilters = ZAuditEventsQuery.pick({ action: true, actor: true, target: true });

export default async function AuditPage({ searchParams }: TProps) {
  const access = await requirePageUser({ path: "/audit", permission: "audit:read" });
  if (!access.allowed) return <AccessDenied permission={access.permission} />;
  const parsed = ZLinkFilters.safeParse(await searchParams);
  const filters = parsed.success ? parsed.data : {};
  const filtered = Boolean(filters.action || filters.actor || filters.target);
  // A filtered log is fetched by the client; only the unfiltered first page is rendered here.
  const firstPage = filtered ? undefined : await listAuditEvents({ query: ZAuditEventsQuery.parse({}) });
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change and every refusal, append-only and hash-chained: editing, removing or reordering any entry breaks the chain."
      />
      {parsed.success ? null : <Alert tone="info">Some filters in the address were not understood, so the whole log is shown.</Alert>}
      <AuditLog initialPage={firstPage} initialFilters={filters} />
    </>
  );
}
