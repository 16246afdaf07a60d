"use client";

import { Alert } from "@/components/ui/alert";
import { useUsers } from "@/lib/client/users/use-users";
import type { TUserList } from "@/lib/contracts/users";
import { CreateUserForm } from "./create-user-form";
import { UsersTable } from "./users-table";

export function UsersAdmin({ initialUsers, currentUserId }: { initialUsers: TUserList; currentUserId: string }) {
  const users = useUsers({ initialData: initialUsers });
  return (
    <div className="stack">
      <section className="card" aria-labelledby="people-title">
        <h2 id="people-title">People</h2>
        {users.error ? (
          <Alert tone="error" title="Could not refresh the list" reference={users.error.requestId}>
            {users.error.detail}
          </Alert>
        ) : null}
        <UsersTable users={users.data?.users ?? []} currentUserId={currentUserId} />
      </section>
      <section className="card" aria-labelledby="add-user-title">
        <h2 id="add-user-title">Add a user</h2>
        <CreateUserForm />
      </section>
    </div>
  );
}
