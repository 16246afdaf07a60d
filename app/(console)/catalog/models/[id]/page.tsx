import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ModelDetail } from "@/components/catalog/model-detail";
import { AccessDenied } from "@/components/console/access-denied";
import { PageHeader } from "@/components/ui/page-header";
import { ZCatalogIdParams } from "@/lib/contracts/catalog";
import { hasPermission } from "@/lib/contracts/permissions";
import { AppError } from "@/lib/server/errors";
import { requirePageUser } from "@/lib/server/http/require-page-user";
import { getModel } from "@/lib/server/registry/catalog/get-model";

export const metadata: Metadata = { title: "Approved model" };

export default async function ModelPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const access = await requirePageUser({ path: `/catalog/models/${id}`, permission: "catalog:read" });
  if (!access.allowed) return <AccessDenied permission={access.permission} />;
  if (!ZCatalogIdParams.safeParse({ id }).success) notFound();
  const model = await getModel({ user: access.user, id }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  return (
    <>
      <PageHeader title={model.ref} description={<Link href="/catalog/models">Approved models</Link>} />
      <ModelDetail initialData={model} canManage={hasPermission(access.user.roles, "catalog:manage")} />
    </>
  );
}
