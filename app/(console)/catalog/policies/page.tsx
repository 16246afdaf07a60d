import type { Metadata } from "next";
import { AccessDenied } from "@/components/console/access-denied";
import { PoliciesAdmin } from "@/components/policies/policies-admin";
import { PageHeader } from "@/components/ui/page-header";
import { hasPermission } from "@/lib/contracts/permissions";
import { requirePageUser } from "@/lib/server/http/require-page-user";
import { listPolicies } from "@/lib/server/registry/policies/list-policies";

export const metadata: Metadata = { title: "Policies" };

export default async function PoliciesPage() {
  const access = await requirePageUser({ path: "/catalog/policies", permission: "catalog:read" });
  if (!access.allowed) return <AccessDenied permission={access.permission} />;
  const initialData = await listPolicies();
  return (
    <>
      <PageHeader
        title="Policies"
        description="Custom Cedar policies checked at run time. Every new policy and every change is reviewed by a second security lead before it applies."
      />
      <PoliciesAdmin initialData={initialData} canManage={hasPermission(access.user.roles, "catalog:manage")} />
    </>
  );
}
