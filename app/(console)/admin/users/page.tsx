import type { Metadata } from "next";
import { AccessDenied } from "@/components/console/access-denied";
import { PageHeader } from "@/components/ui/page-header";
import { UsersAdmin } from "@/components/users/users-admin";
import { requirePageUser } from "@/lib/server/http/require-page-user";
import { listUsers } from "@/lib/server/users/list-users";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const access = await requirePageUser({ path: "/admin/users", permission: "users:manage" });
  if (!access.allowed) return <AccessDenied permission={access.permission} />;
  const initialUsers = await listUsers();
  return (
    <>
      <PageHeader title="Users" description="Who may sign in to Tollgate, and what their roles let them do." />
      <UsersAdmin initialUsers={initialUsers} currentUserId={access.user.id} />
    </>
  );
}
