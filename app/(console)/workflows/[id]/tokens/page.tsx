import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AccessDenied } from "@/components/console/access-denied";
import { WorkflowSectionHeader } from "@/components/permissions/workflow-section-header";
import { TokensPanel } from "@/components/tokens/tokens-panel";
import { ZWorkflowIdParams } from "@/lib/contracts/changes";
import { requirePageUser } from "@/lib/server/http/require-page-user";
import { nullIfNotFound } from "@/lib/server/shared/null-if-not-found";
import { listServiceTokens } from "@/lib/server/registry/tokens/list-service-tokens";

export const metadata: Metadata = { title: "Service tokens" };

export default async function WorkflowTokensPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const access = await requirePageUser({ path: `/workflows/${id}/tokens`, permission: "workflows:read" });
  if (!access.allowed) return <AccessDenied permission={access.permission} />;
  if (!ZWorkflowIdParams.safeParse({ id }).success) notFound();
  const initial = await nullIfNotFound(listServiceTokens({ user: access.user, workflowId: id }));
  if (!initial) notFound();
  return (
    <>
      <WorkflowSectionHeader
        workflow={initial.workflow}
        tab="tokens"
        description="The identities this workflow's automations use to call Tollgate. Each token is shown once, when it is created."
      />
      <TokensPanel initial={initial} />
    </>
  );
}
