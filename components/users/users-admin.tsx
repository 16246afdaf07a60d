"use client";

import { Card } from "@/components/ui/card";
import { RefreshError } from "@/components/ui/refresh-error";
import { useUsers } from "@/lib/client/users/use-users";
import type { TUserList } from "@/lib/contracts/users";
import { CreateUserForm } from "./create-user-form";
import { UsersTable } from "./users-table";

export function UsersAdmin({ initialUsers, currentUserId }: { initialUsers: TUserList; currentUserId: string }) {
  const users = useUsers({ initialData: initialUsers });
  return (
    <div className="stack">
      <Card titleId="people-title" title="People">
        <RefreshError error={users.error} />
        <UsersTable users={users.data?.users ?? []} currentUserId={currentUserId} />
      </Card>
      <Card titleId="add-user-title" title="Add a user">
        <CreateUserForm />
      </Card>
    </div>
  );
}
