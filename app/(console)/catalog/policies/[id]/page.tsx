import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AccessDenied } from "@/components/console/access-denied";
import { PolicyDetail } from "@/components/policies/policy-detail";
import { PageHeader } from "@/components/ui/page-header";
import { hasPermission } from "@/lib/contracts/permissions";
import { ZPolicyIdParams } from "@/lib/contracts/policies";
import { AppError } from "@/lib/server/errors";
import { requirePageUser } from "@/lib/server/http/require-page-user";
import { getPolicy } from "@/lib/server/registry/policies/get-policy";

export const metadata: Metadata = { title: "Policy" };

export default async function PolicyPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const access = await requirePageUser({ path: `/catalog/policies/${id}`, permission: "catalog:read" });
  if (!access.allowed) return <AccessDenied permission={access.permission} />;
  if (!ZPolicyIdParams.safeParse({ id }).success) notFound();
  const policy = await getPolicy({ id }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  return (
    <>
      <PageHeader title={policy.name} description={<Link href="/catalog/policies">Policies</Link>} />
      <PolicyDetail initialData={policy} canManage={hasPermission(access.user.roles, "catalog:manage")} />
    </>
  );
}
