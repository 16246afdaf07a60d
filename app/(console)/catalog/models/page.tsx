import type { Metadata } from "next";
import { ModelsAdmin } from "@/components/catalog/models-admin";
import { AccessDenied } from "@/components/console/access-denied";
import { PageHeader } from "@/components/ui/page-header";
import { hasPermission } from "@/lib/contracts/permissions";
import { requirePageUser } from "@/lib/server/http/require-page-user";
import { listModels } from "@/lib/server/registry/catalog/list-models";

export const metadata: Metadata = { title: "Approved models" };

export default async function ModelsPage() {
  const access = await requirePageUser({ path: "/catalog/models", permission: "catalog:read" });
  if (!access.allowed) return <AccessDenied permission={access.permission} />;
  const initialData = await listModels({ user: access.user });
  return (
    <>
      <PageHeader
        title="Approved models"
        description="Models and providers workflows may use, on what terms, and up to which sensitivity. A suspended model is denied at run time."
      />
      <ModelsAdmin initialData={initialData} canManage={hasPermission(access.user.roles, "catalog:manage")} />
    </>
  );
}
