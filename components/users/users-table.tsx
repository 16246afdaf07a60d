"use client";

import { Fragment } from "react";
import { Alert } from "@/components/ui/alert";
import { ActionsHeader, DataTable } from "@/components/ui/data-table";
import { EditButton, EditRow, useRowEditor } from "@/components/ui/row-editor";
import { Timestamp } from "@/components/ui/timestamp";
import { useEndUserSessions } from "@/lib/client/users/use-end-user-sessions";
import { useUnlockUser } from "@/lib/client/users/use-unlock-user";
import type { TUserView } from "@/lib/contracts/users";
import { EditUserForm } from "./edit-user-form";
import { UserStatus } from "./user-status";

const COLUMNS = 5;

export function UsersTable({ users, currentUserId }: { users: readonly TUserView[]; currentUserId: string }) {
  const rows = useRowEditor();
  const unlock = useUnlockUser();
  const unlocking = unlock.isPending ? unlock.variables.id : null;
  const endSessions = useEndUserSessions();
  const ending = endSessions.isPending ? endSessions.variables.id : null;

  return (
    <>
      {rows.notice ? <Alert tone="success">{rows.notice}</Alert> : null}
      {unlock.error ? <Alert tone="error" title={unlock.error.detail} reference={unlock.error.requestId} /> : null}
      {endSessions.error ? <Alert tone="error" title={endSessions.error.detail} reference={endSessions.error.requestId} /> : null}
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
                <button
                  className="button button-small"
                  type="button"
                  aria-label={`Sign ${user.email} out everywhere`}
                  disabled={ending === user.id}
                  onClick={() =>
                    endSessions.mutate(
                      { id: user.id, email: user.email },
                      {
                        onSuccess: (r, v) =>
                          rows.setNotice(`Signed ${v.email} out everywhere: ${r.sessions} session${r.sessions === 1 ? "" : "s"} ended.`),
                      },
                    )
                  }
                >
                  {ending === user.id ? "Signing out…" : "Sign out everywhere"}
                </button>
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
