import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ApprovalDetail } from "@/components/approvals/approval-detail";
import { AccessDenied } from "@/components/console/access-denied";
import { ZApprovalIdParams } from "@/lib/contracts/approvals-console";
import { getApprovalDetail } from "@/lib/server/approvals/get-approval-detail";
import { requirePageUser } from "@/lib/server/http/require-page-user";
import { nullIfNotFound } from "@/lib/server/shared/null-if-not-found";

export const metadata: Metadata = { title: "Approval request" };

export default async function ApprovalRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const access = await requirePageUser({ path: `/approvals/${id}`, permission: "approvals:read" });
  if (!access.allowed) return <AccessDenied permission={access.permission} />;
  if (!ZApprovalIdParams.safeParse({ id }).success) notFound();
  const initial = await nullIfNotFound(getApprovalDetail({ user: access.user, id }));
  if (!initial) notFound();
  return <ApprovalDetail initial={initial} />;
}
