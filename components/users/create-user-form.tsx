"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import { FormError } from "@/components/ui/form-error";
import { useCreateUser } from "@/lib/client/users/use-create-user";
import type { TRole } from "@/lib/contracts/roles";
import { MIN_PASSWORD_LENGTH } from "@/lib/contracts/users";
import { RoleCheckboxes } from "./role-checkboxes";

const FIELDS = ["email", "name", "password", "roles"];

export function CreateUserForm() {
  const createUser = useCreateUser();
  const [roles, setRoles] = useState<TRole[]>([]);
  const [created, setCreated] = useState<string | null>(null);
  const error = createUser.error;
  const fieldError = (field: string) => error?.fieldErrors[field];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setCreated(null);
    createUser.mutate(
      { email: String(data.get("email") ?? ""), name: String(data.get("name") ?? ""), password: String(data.get("password") ?? ""), roles },
      {
        onSuccess: (user) => {
          form.reset();
          setRoles([]);
          setCreated(user.email);
        },
      },
    );
  }

  return (
    <form className="form form-grid" onSubmit={onSubmit} noValidate aria-busy={createUser.isPending} aria-label="Add a user">
      <FormError error={error} fields={FIELDS} />
      {created ? <Alert tone="success">Created {created}. They can sign in with the password you set.</Alert> : null}
      <Field id="new-user-email" label="Email" error={fieldError("email")}>
        {(control) => <input {...control} name="email" type="email" autoComplete="off" required />}
      </Field>
      <Field id="new-user-name" label="Name" error={fieldError("name")}>
        {(control) => <input {...control} name="name" type="text" autoComplete="off" required />}
      </Field>
      <Field
        id="new-user-password"
        label="Password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters. Share it with the person privately.`}
        error={fieldError("password")}
      >
        {(control) => (
          <input {...control} name="password" type="password" autoComplete="new-password" required minLength={MIN_PASSWORD_LENGTH} />
        )}
      </Field>
      <RoleCheckboxes id="new-user-roles" value={roles} onChange={setRoles} error={fieldError("roles")} />
      <FormActions pending={createUser.isPending} submitLabel="Create user" pendingLabel="Creating…" />
    </form>
  );
}
