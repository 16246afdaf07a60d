import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ChangeDetail } from "@/components/changes/change-detail";
import { AccessDenied } from "@/components/console/access-denied";
import { ZChangeIdParams } from "@/lib/contracts/changes";
import { hasPermission } from "@/lib/contracts/permissions";
import { requirePageUser } from "@/lib/server/http/require-page-user";
import { getChangeRequest } from "@/lib/server/registry/changes/get-change-request";
import { nullIfNotFound } from "@/lib/server/shared/null-if-not-found";

export const metadata: Metadata = { title: "Change request" };

// workflows:read, scoped in the query: reviewers see every request, an owner those of their workflows.
export default async function ChangeRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const access = await requirePageUser({ path: `/changes/${id}`, permission: "workflows:read" });
  if (!access.allowed) return <AccessDenied permission={access.permission} />;
  if (!ZChangeIdParams.safeParse({ id }).success) notFound();
  const initial = await nullIfNotFound(getChangeRequest({ user: access.user, id }));
  if (!initial) notFound();
  const viewer = { id: access.user.id, canReview: hasPermission(access.user.roles, "changes:review") };
  return <ChangeDetail initial={initial} viewer={viewer} />;
}
