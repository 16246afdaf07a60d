import type { Metadata } from "next";
import { ApprovalHistory } from "@/components/approvals/approval-history";
import { ApprovalTabs } from "@/components/approvals/approval-tabs";
import { AccessDenied } from "@/components/console/access-denied";
import { PageHeader } from "@/components/ui/page-header";
import { ZApprovalHistoryQuery } from "@/lib/contracts/approvals-console";
import { listApprovalHistory } from "@/lib/server/approvals/list-approval-history";
import { requirePageUser } from "@/lib/server/http/require-page-user";

export const metadata: Metadata = { title: "Approval history" };

export default async function ApprovalHistoryPage() {
  const access = await requirePageUser({ path: "/approvals/history", permission: "approvals:read" });
  if (!access.allowed) return <AccessDenied permission={access.permission} />;
  const initialPage = await listApprovalHistory({ query: ZApprovalHistoryQuery.parse({}) });
  return (
    <>
      <PageHeader title="Approvals" description="Every decided request: who decided, why, and its trail in the audit log." />
      <ApprovalTabs current="history" />
      <ApprovalHistory initialPage={initialPage} />
    </>
  );
}
