import type { Metadata } from "next";
import { AccessDenied } from "@/components/console/access-denied";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/server/http/require-page-user";

export const metadata: Metadata = { title: "Approvals" };

export default async function ApprovalsPage() {
  const access = await requirePageUser({ path: "/approvals", permission: "approvals:read" });
  if (!access.allowed) return <AccessDenied permission={access.permission} />;
  return (
    <>
      <PageHeader title="Approvals" description="Actions waiting for a person to allow or deny them." />
      <EmptyState title="No approval requests waiting">
        <p>
          When an automation attempts an action whose consequence needs a person (an external email, a permission change, a refund, a
          delete), the request lands here with its full context: workflow, tool, redacted arguments, data classes, model and the policy
          reasons. Money movement and destructive actions need two distinct approvers.
        </p>
      </EmptyState>
    </>
  );
}
