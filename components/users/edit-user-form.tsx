"use client";

import { useState, type FormEvent } from "react";
import { Field } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import { FormError } from "@/components/ui/form-error";
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
      <FormError error={error} fields={FIELDS} onReload={startOver} conflictTitle="Someone else changed this user first" />
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
      <FormActions pending={updateUser.isPending} submitLabel="Save" pendingLabel="Saving…" onCancel={() => onDone(null)} />
    </form>
  );
}
