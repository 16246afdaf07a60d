import type { Metadata } from "next";
import { DataClassesAdmin } from "@/components/catalog/data-classes-admin";
import { AccessDenied } from "@/components/console/access-denied";
import { PageHeader } from "@/components/ui/page-header";
import { hasPermission } from "@/lib/contracts/permissions";
import { requirePageUser } from "@/lib/server/http/require-page-user";
import { listDataClasses } from "@/lib/server/registry/catalog/list-data-classes";

export const metadata: Metadata = { title: "Data classes" };

export default async function DataClassesPage() {
  const access = await requirePageUser({ path: "/catalog/data-classes", permission: "catalog:read" });
  if (!access.allowed) return <AccessDenied permission={access.permission} />;
  const initialData = await listDataClasses({ user: access.user });
  return (
    <>
      <PageHeader
        title="Data classes"
        description="The kinds of data that flow through workflows. A workflow's highest sensitivity follows the classes it declares."
      />
      <DataClassesAdmin initialData={initialData} canManage={hasPermission(access.user.roles, "catalog:manage")} />
    </>
  );
}
