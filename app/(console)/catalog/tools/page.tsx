import type { Metadata } from "next";
import { ToolsAdmin } from "@/components/catalog/tools-admin";
import { AccessDenied } from "@/components/console/access-denied";
import { PageHeader } from "@/components/ui/page-header";
import { hasPermission } from "@/lib/contracts/permissions";
import { requirePageUser } from "@/lib/server/http/require-page-user";
import { listTools } from "@/lib/server/registry/catalog/list-tools";

export const metadata: Metadata = { title: "Tool catalog" };

export default async function ToolsPage() {
  const access = await requirePageUser({ path: "/catalog/tools", permission: "catalog:read" });
  if (!access.allowed) return <AccessDenied permission={access.permission} />;
  const initialData = await listTools({ user: access.user });
  return (
    <>
      <PageHeader
        title="Tool catalog"
        description="The tools automations may be granted. A tool's consequence sets the least approval tier any workflow may grant it."
      />
      <ToolsAdmin initialData={initialData} canManage={hasPermission(access.user.roles, "catalog:manage")} />
    </>
  );
}
