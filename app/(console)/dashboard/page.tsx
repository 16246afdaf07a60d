import type { Metadata } from "next";
import { AccessDenied } from "@/components/console/access-denied";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/server/http/require-page-user";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const access = await requirePageUser({ path: "/dashboard", permission: "dashboard:read" });
  if (!access.allowed) return <AccessDenied permission={access.permission} />;
  return (
    <>
      <PageHeader title="Dashboard" description="Risk across every governed automation, at a glance." />
      <EmptyState title="Nothing to chart yet">
        <p>
          Once workflows are registered and their automations report runs, this page shows the inventory by status, environment and approval
          tier, shadow workflows, restricted data flowing to models, pending approvals against their deadlines, engaged kill switches and
          the riskiest workflows.
        </p>
      </EmptyState>
    </>
  );
}
