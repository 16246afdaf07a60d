"use client";

import { Fragment, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Timestamp } from "@/components/ui/timestamp";
import { useUnlockUser } from "@/lib/client/users/use-unlock-user";
import type { TUserView } from "@/lib/contracts/users";
import { EditUserForm } from "./edit-user-form";
import { UserStatus } from "./user-status";

const COLUMNS = 5;

export function UsersTable({ users, currentUserId }: { users: readonly TUserView[]; currentUserId: string }) {
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const unlock = useUnlockUser();
  const unlocking = unlock.isPending ? unlock.variables.id : null;

  return (
    <>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {unlock.error ? <Alert tone="error" title={unlock.error.detail} reference={unlock.error.requestId} /> : null}
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Roles</th>
              <th scope="col">Status</th>
              <th scope="col">Last sign-in</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
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
                        onClick={() => unlock.mutate({ id: user.id }, { onSuccess: (u) => setNotice(`Unlocked ${u.email}.`) })}
                      >
                        {unlocking === user.id ? "Unlocking…" : "Unlock"}
                      </button>
                    ) : null}
                    <button
                      className="button button-small"
                      type="button"
                      aria-label={`Edit ${user.email}`}
                      aria-expanded={editing === user.id}
                      onClick={() => {
                        setNotice(null);
                        setEditing(editing === user.id ? null : user.id);
                      }}
                    >
                      Edit
                    </button>
                  </td>
                </tr>
                {editing === user.id ? (
                  <tr className="edit-row">
                    <td colSpan={COLUMNS}>
                      <EditUserForm
                        user={user}
                        onDone={(message) => {
                          setEditing(null);
                          setNotice(message);
                        }}
                      />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
