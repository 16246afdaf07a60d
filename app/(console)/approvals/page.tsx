import type { Metadata } from "next";
import { ApprovalQueue } from "@/components/approvals/approval-queue";
import { ApprovalTabs } from "@/components/approvals/approval-tabs";
import { AccessDenied } from "@/components/console/access-denied";
import { PageHeader } from "@/components/ui/page-header";
import { ZApprovalQueueQuery } from "@/lib/contracts/approvals-console";
import { hasPermission } from "@/lib/contracts/permissions";
import { listApprovalQueue } from "@/lib/server/approvals/list-approval-queue";
import { requirePageUser } from "@/lib/server/http/require-page-user";

export const metadata: Metadata = { title: "Approvals" };

export default async function ApprovalsPage() {
  const access = await requirePageUser({ path: "/approvals", permission: "approvals:read" });
  if (!access.allowed) return <AccessDenied permission={access.permission} />;
  const initialPage = await listApprovalQueue({ user: access.user, query: ZApprovalQueueQuery.parse({}) });
  return (
    <>
      <PageHeader
        title="Approvals"
        description="Actions automations may take only once a person allows them. Money movement and destructive actions need two distinct approvers; nobody decides a request of a workflow they own, run or answer for."
      />
      <ApprovalTabs current="queue" />
      <ApprovalQueue initialPage={initialPage} canDecide={hasPermission(access.user.roles, "approvals:decide")} />
    </>
  );
}
