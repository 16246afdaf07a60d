import type { Metadata } from "next";
import { AccessDenied } from "@/components/console/access-denied";
import { ChangeQueue } from "@/components/changes/change-queue";
import { PageHeader } from "@/components/ui/page-header";
import { CHANGES_PAGE_DEFAULT } from "@/lib/contracts/changes";
import { hasPermission } from "@/lib/contracts/permissions";
import { requirePageUser } from "@/lib/server/http/require-page-user";
import { listChangeRequests } from "@/lib/server/registry/changes/list-change-requests";

export const metadata: Metadata = { title: "Change review" };

export default async function ChangesPage() {
  const access = await requirePageUser({ path: "/changes", permission: "changes:read" });
  if (!access.allowed) return <AccessDenied permission={access.permission} />;
  const initial = await listChangeRequests({ scope: {}, query: { limit: CHANGES_PAGE_DEFAULT } });
  const viewer = { id: access.user.id, canReview: hasPermission(access.user.roles, "changes:review") };
  return (
    <>
      <PageHeader
        title="Change review"
        description="Changes to active workflows' permissions and to custom policies wait here until someone in Security, other than the requester, approves or rejects them."
      />
      <ChangeQueue initial={initial} viewer={viewer} />
    </>
  );
}
