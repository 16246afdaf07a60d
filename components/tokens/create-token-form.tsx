"use client";

import { useState, type FormEvent } from "react";
import { Field, FieldSet } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import { FormError } from "@/components/ui/form-error";
import { useCreateToken } from "@/lib/client/tokens/use-create-token";
import { ZEnvironment } from "@/lib/contracts/registry-enums";
import { DEFAULT_TOKEN_DAYS, MAX_TOKEN_DAYS, TOKEN_SCOPE_LABELS, type TIssuedToken } from "@/lib/contracts/tokens-admin";
import { TOKEN_SCOPES, type TTokenScope } from "@/lib/contracts/tokens";

const FIELDS = ["name", "scopes", "environment", "expiresInDays"];
const SCOPE_HINTS: Record<TTokenScope, string> = {
  DECIDE: "ask Tollgate before each tool call",
  INGEST: "report runs and events",
  APPROVE_REQUEST: "open and wait on approval requests",
};

/** Issues a token; the secret comes back once, to the parent's reveal box. */
export function CreateTokenForm({
  workflowId,
  environment,
  onIssued,
}: {
  workflowId: string;
  environment: string;
  onIssued: (issued: TIssuedToken) => void;
}) {
  const create = useCreateToken();
  const [scopes, setScopes] = useState<TTokenScope[]>(["DECIDE", "INGEST"]);
  const error = create.error;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const chosen = ZEnvironment.safeParse(data.get("environment"));
    const days = Number(data.get("expiresInDays"));
    create.mutate(
      {
        workflowId,
        input: {
          name: String(data.get("name") ?? ""),
          scopes,
          ...(chosen.success ? { environment: chosen.data } : {}),
          expiresInDays: days,
        },
      },
      {
        onSuccess: (issued) => {
          form.reset();
          onIssued(issued);
        },
      },
    );
  }

  return (
    <form className="form form-grid" onSubmit={onSubmit} noValidate aria-busy={create.isPending} aria-label="Create a service token">
      <FormError error={error} fields={FIELDS} />
      <Field id="token-name" label="Name" hint="Where it is used, e.g. prod-runner" error={error?.fieldErrors.name}>
        {(control) => <input {...control} name="name" autoComplete="off" required maxLength={100} />}
      </Field>
      <Field
        id="token-environment"
        label="Environment"
        hint="A token works only in its workflow's environment; the gate refuses it anywhere else."
        error={error?.fieldErrors.environment}
      >
        {(control) => <input {...control} name="environment" value={environment} readOnly />}
      </Field>
      <Field id="token-days" label="Expires after (days)" hint={`1 to ${MAX_TOKEN_DAYS}`} error={error?.fieldErrors.expiresInDays}>
        {(control) => (
          <input {...control} name="expiresInDays" type="number" min={1} max={MAX_TOKEN_DAYS} defaultValue={DEFAULT_TOKEN_DAYS} required />
        )}
      </Field>
      <FieldSet id="token-scopes" legend="Scopes" error={error?.fieldErrors.scopes}>
        {TOKEN_SCOPES.map((scope) => (
          <label className="choice" key={scope}>
            <input
              type="checkbox"
              checked={scopes.includes(scope)}
              onChange={(e) => setScopes(e.target.checked ? [...scopes, scope] : scopes.filter((s) => s !== scope))}
            />
            {TOKEN_SCOPE_LABELS[scope]} <span className="muted small">({SCOPE_HINTS[scope]})</span>
          </label>
        ))}
      </FieldSet>
      <FormActions pending={create.isPending} submitLabel="Create token" pendingLabel="Creating…" />
    </form>
  );
}
