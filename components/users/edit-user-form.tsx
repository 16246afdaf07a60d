"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { useUpdateUser } from "@/lib/client/users/use-update-user";
import type { TRole } from "@/lib/contracts/roles";
import type { TUpdateUser, TUserView } from "@/lib/contracts/users";
import { RoleCheckboxes } from "./role-checkboxes";

const FIELDS = ["name", "roles", "disabled"];
const sameRoles = (a: readonly TRole[], b: readonly TRole[]) => a.length === b.length && a.every((r) => b.includes(r));

type TProps = { user: TUserView; onDone: (message: string | null) => void };

/** Edits one user against the version it opened; a conflict offers that user's current values. */
export function EditUserForm({ user, onDone }: TProps) {
  const updateUser = useUpdateUser();
  const [base, setBase] = useState(user);
  const [name, setName] = useState(user.name);
  const [roles, setRoles] = useState<TRole[]>(user.roles);
  const [disabled, setDisabled] = useState(user.disabled);
  const error = updateUser.error;
  const stale = error?.code === "conflict" && Object.keys(error.fieldErrors).length === 0;
  const idPrefix = `edit-${user.id}`;

  function startOver() {
    updateUser.reset();
    setBase(user);
    setName(user.name);
    setRoles(user.roles);
    setDisabled(user.disabled);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input: TUpdateUser = { expectedUpdatedAt: base.updatedAt };
    if (name.trim() !== base.name) input.name = name;
    if (!sameRoles(roles, base.roles)) input.roles = roles;
    if (disabled !== base.disabled) input.disabled = disabled;
    if (input.name === undefined && input.roles === undefined && input.disabled === undefined) return onDone(null);
    updateUser.mutate({ id: user.id, input }, { onSuccess: (saved) => onDone(`Saved changes to ${saved.email}.`) });
  }

  return (
    <form className="form edit-form" onSubmit={onSubmit} noValidate aria-busy={updateUser.isPending} aria-label={`Edit ${user.email}`}>
      {error ? (
        <Alert tone="error" title={stale ? "Someone else changed this user first" : error.detail} reference={error.status >= 500 ? error.requestId : null}>
          {stale ? <p>{error.detail}</p> : null}
          {error.otherFieldErrors(FIELDS).map((message) => (
            <p key={message}>{message}</p>
          ))}
          {stale ? (
            <button className="button" type="button" onClick={startOver}>
              Load the current values
            </button>
          ) : null}
        </Alert>
      ) : null}
      <Field id={`${idPrefix}-name`} label="Name" error={error?.fieldErrors.name}>
        {(control) => <input {...control} value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <RoleCheckboxes id={`${idPrefix}-roles`} value={roles} onChange={setRoles} error={error?.fieldErrors.roles} />
      <div className="field">
        <label className="choice">
          <input
            type="checkbox"
            checked={disabled}
            onChange={(e) => setDisabled(e.target.checked)}
            aria-invalid={error?.fieldErrors.disabled ? true : undefined}
            aria-describedby={error?.fieldErrors.disabled ? `${idPrefix}-disabled-error` : undefined}
          />
          Disabled (cannot sign in)
        </label>
        {error?.fieldErrors.disabled ? (
          <p id={`${idPrefix}-disabled-error`} className="error field-error">
            {error.fieldErrors.disabled}
          </p>
        ) : null}
      </div>
      <div className="form-actions">
        <button className="button button-primary" type="submit" disabled={updateUser.isPending}>
          {updateUser.isPending ? "Saving…" : "Save"}
        </button>
        <button className="button button-quiet" type="button" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
