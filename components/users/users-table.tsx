"use client";

import { Fragment } from "react";
import { Alert } from "@/components/ui/alert";
import { ActionsHeader, DataTable } from "@/components/ui/data-table";
import { EditButton, EditRow, useRowEditor } from "@/components/ui/row-editor";
import { Timestamp } from "@/components/ui/timestamp";
import { useUnlockUser } from "@/lib/client/users/use-unlock-user";
import type { TUserView } from "@/lib/contracts/users";
import { EditUserForm } from "./edit-user-form";
import { UserStatus } from "./user-status";

const COLUMNS = 5;

export function UsersTable({ users, currentUserId }: { users: readonly TUserView[]; currentUserId: string }) {
  const rows = useRowEditor();
  const unlock = useUnlockUser();
  const unlocking = unlock.isPending ? unlock.variables.id : null;

  return (
    <>
      {rows.notice ? <Alert tone="success">{rows.notice}</Alert> : null}
      {unlock.error ? <Alert tone="error" title={unlock.error.detail} reference={unlock.error.requestId} /> : null}
      <DataTable
        columns={
          <>
            <th scope="col">Person</th>
            <th scope="col">Roles</th>
            <th scope="col">Status</th>
            <th scope="col">Last sign-in</th>
            <ActionsHeader />
          </>
        }
      >
        {users.map((user) => (
          <Fragment key={user.id}>
            <tr>
              <td>
                <div className="strong">
                  {user.name}
                  {user.id === currentUserId ? <span className="muted"> (you)</span> : null}
                </div>
                <div className="muted">{user.email}</div>
              </td>
              <td>{user.roles.join(", ")}</td>
              <td>
                <UserStatus user={user} />
              </td>
              <td>
                <Timestamp iso={user.lastSignInAt} empty="Never" />
              </td>
              <td className="row-actions">
                {user.locked || user.failedSignIns > 0 ? (
                  <button
                    className="button button-small"
                    type="button"
                    aria-label={`Unlock ${user.email}`}
                    disabled={unlocking === user.id}
                    onClick={() => unlock.mutate({ id: user.id }, { onSuccess: (u) => rows.setNotice(`Unlocked ${u.email}.`) })}
                  >
                    {unlocking === user.id ? "Unlocking…" : "Unlock"}
                  </button>
                ) : null}
                <EditButton name={user.email} open={rows.editing === user.id} onClick={() => rows.toggle(user.id)} />
              </td>
            </tr>
            {rows.editing === user.id ? (
              <EditRow colSpan={COLUMNS}>
                <EditUserForm user={user} onDone={rows.close} />
              </EditRow>
            ) : null}
          </Fragment>
        ))}
      </DataTable>
    </>
  );
}
