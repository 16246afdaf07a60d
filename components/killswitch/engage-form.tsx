"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { useEngageKillSwitch } from "@/lib/client/killswitch/use-engage-kill-switch";
import type { TKillSwitchPropagation, TKillSwitchScope, TKillSwitchTargets } from "@/lib/contracts/killswitch";
import { haltedThing, SCOPE_LABELS } from "./scope-labels";

const HINTS: Record<TKillSwitchScope, string> = {
  GLOBAL: "Halts every automation at once.",
  WORKFLOW: "Its key; the workflow's runbook is what people do by hand meanwhile.",
  TOOL: "Its key: every workflow that calls it is denied that call.",
  MODEL: "provider/model/version: every call made with it is denied.",
  PROVIDER: "Every call made with any of its models is denied.",
};

function choicesFor(scope: TKillSwitchScope, targets: TKillSwitchTargets): { value: string; label: string }[] {
  if (scope === "WORKFLOW") return targets.workflows.map((w) => ({ value: w.key, label: `${w.name} (${w.status.toLowerCase()})` }));
  if (scope === "TOOL") return targets.tools.map((t) => ({ value: t.key, label: t.name }));
  if (scope === "MODEL") return targets.models.map((m) => ({ value: m.ref, label: m.status.toLowerCase() }));
  if (scope === "PROVIDER") return targets.providers.map((p) => ({ value: p, label: p }));
  return [];
}

/** One person, one reason, one click: the halt applies as soon as the answer comes back. */
export function EngageForm({ targets }: { targets: TKillSwitchTargets }) {
  const engage = useEngageKillSwitch();
  const [scope, setScope] = useState<TKillSwitchScope>(
    targets.scopes.includes("WORKFLOW") ? "WORKFLOW" : (targets.scopes[0] ?? "WORKFLOW"),
  );
  const [target, setTarget] = useState("");
  const [reason, setReason] = useState("");
  const [notice, setNotice] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const error = engage.error;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setNotice(null);
    engage.mutate(
      { scope, ...(scope === "GLOBAL" ? {} : { target: target.trim() }), reason },
      {
        onSuccess: (ks) => {
          setNotice(engagedNotice(haltedThing(ks), ks.propagation));
          setTarget("");
          setReason("");
        },
      },
    );
  };

  return (
    <form className="form engage-form" onSubmit={onSubmit} noValidate aria-busy={engage.isPending} aria-label="Engage a kill switch">
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      <FormError error={error} fields={["scope", "target", "reason"]} />
      <div className="form-grid">
        <Field id="ks-scope" label="Scope" hint={HINTS[scope]} error={error?.fieldErrors.scope}>
          {(control) => (
            <select {...control} value={scope} onChange={(e) => setScope(e.target.value as TKillSwitchScope)}>
              {targets.scopes.map((s) => (
                <option key={s} value={s}>
                  {SCOPE_LABELS[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {scope === "GLOBAL" ? null : (
          <Field id="ks-target" label="Target" hint="Type to pick from the registry." error={error?.fieldErrors.target}>
            {(control) => (
              <>
                <input
                  {...control}
                  list="ks-target-choices"
                  value={target}
                  onChange={(e) => setTarget(e.target.value)}
                  autoComplete="off"
                  required
                />
                <datalist id="ks-target-choices">
                  {choicesFor(scope, targets).map((c) => (
                    <option key={c.value} value={c.value} label={c.label} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
        )}
      </div>
      <Field
        id="ks-reason"
        label="Reason"
        hint="Recorded in the audit log and shown to everyone who sees the halt."
        error={error?.fieldErrors.reason}
      >
        {(control) => <textarea {...control} rows={2} required value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <div className="form-actions">
        <button className="button button-danger" type="submit" disabled={engage.isPending}>
          {engage.isPending ? "Engaging…" : "Engage kill switch"}
        </button>
      </div>
    </form>
  );
}

function engagedNotice(halted: string, propagation: TKillSwitchPropagation): { tone: "success" | "error"; text: string } {
  const { gates, confirmed, complete } = propagation;
  if (gates === 0)
    return { tone: "success", text: `Engaged: ${halted} is halted. No gate is running now; each one denies it as it starts.` };
  if (complete)
    return {
      tone: "success",
      text: `Engaged: ${halted} is halted. Automations are denied from now on: ${gates === 1 ? "the gate confirmed" : `all ${gates} gates confirmed`}.`,
    };
  return {
    tone: "error",
    text: `Engaged: ${halted} is halted, but only ${confirmed} of ${gates} gates confirmed within 5 seconds. The others apply it when their notification arrives, and deny every call while they cannot vouch for the kill switches.`,
  };
}
