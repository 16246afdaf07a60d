import type { Metadata } from "next";
import { AccessDenied } from "@/components/console/access-denied";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/server/http/require-page-user";

export const metadata: Metadata = { title: "Workflows" };

export default async function WorkflowsPage() {
  const access = await requirePageUser({ path: "/workflows", permission: "workflows:read" });
  if (!access.allowed) return <AccessDenied permission={access.permission} />;
  return (
    <>
      <PageHeader title="Workflows" description="The registry of AI automations Tollgate governs." />
      <EmptyState title="No workflows registered yet">
        <p>
          Owners register automations here: their purpose, environment, accountable people, the data classes that flow through them,
          the models they use and the tools they may call. Automations that call Tollgate without being registered appear here as
          shadow workflows.
        </p>
      </EmptyState>
    </>
  );
}
