"use client";

import { useState } from "react";
import { Field } from "@/components/ui/field";
import { ZApprovalTier } from "@/lib/contracts/registry-enums";
import type { TWorkflowChoices } from "@/lib/contracts/workflows";
import { toolDraft, type TDraft, type TErrors, type TToolDraft } from "./wizard-draft";

type TProps = { draft: TDraft; errors: TErrors; onChange: (patch: Partial<TDraft>) => void; tools: TWorkflowChoices["tools"] };

/** The allowlist: each tool with its tier (never below its consequence's default), rate and argument limits. */
export function WizardToolsStep({ draft, errors, onChange, tools }: TProps) {
  const [adding, setAdding] = useState("");
  const available = tools.filter((t) => !draft.tools.some((d) => d.toolKey === t.key));
  const update = (index: number, patch: Partial<TToolDraft>) =>
    onChange({ tools: draft.tools.map((t, i) => (i === index ? { ...t, ...patch } : t)) });

  return (
    <div className="form">
      {draft.tools.length === 0 ? <p className="muted">No tools yet: a workflow that only reads and answers may need none.</p> : null}
      {draft.tools.map((grant, i) => {
        const tool = tools.find((t) => t.key === grant.toolKey);
        const floor = tool ? ZApprovalTier.options.indexOf(tool.defaultTier) : 0;
        const id = `wf-tool-${i}`;
        return (
          <fieldset key={grant.toolKey} className="tool-grant" aria-label={`Tool ${grant.toolKey}`}>
            <legend>
              <code>{grant.toolKey}</code>{" "}
              {tool ? (
                <span className="muted small">
                  {tool.name} · {tool.system} · {tool.consequence.replaceAll("_", " ").toLowerCase()}
                </span>
              ) : null}
            </legend>
            {tool && !tool.hasContract ? (
              <p className="error small">This tool has no argument contract in the catalog; the workflow cannot be activated with it.</p>
            ) : null}
            <div className="form-grid form">
              <Field
                id={`${id}-tier`}
                label="Approval tier"
                hint={tool ? `At least ${tool.defaultTier} for this consequence` : undefined}
                error={errors[`tools.${i}.tier`]}
              >
                {(control) => (
                  <select {...control} value={grant.tier} onChange={(e) => update(i, { tier: ZApprovalTier.parse(e.target.value) })}>
                    {ZApprovalTier.options.slice(floor).map((t) => (
                      <option key={t} value={t}>
                        {t}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field id={`${id}-rate`} label="Calls per minute" hint="Empty: no rate limit" error={errors[`tools.${i}.ratePerMinute`]}>
                {(control) => (
                  <input
                    {...control}
                    inputMode="numeric"
                    value={grant.ratePerMinute}
                    onChange={(e) => update(i, { ratePerMinute: e.target.value })}
                  />
                )}
              </Field>
              <Field id={`${id}-cap`} label="Amount cap" hint="Largest `amount` argument allowed" error={errors[`tools.${i}.amountCap`]}>
                {(control) => (
                  <input
                    {...control}
                    inputMode="decimal"
                    value={grant.amountCap}
                    onChange={(e) => update(i, { amountCap: e.target.value })}
                  />
                )}
              </Field>
            </div>
            <Field
              id={`${id}-constraints`}
              label="Other argument limits (JSON Schema, optional)"
              hint='Checked against the arguments on every call, e.g. {"properties": {"currency": {"enum": ["EUR", "USD"]}}}'
              error={errors[`tools.${i}.constraints`] ?? errors[`tools.${i}.argumentConstraints`]}
            >
              {(control) => (
                <textarea
                  {...control}
                  rows={3}
                  className="mono"
                  spellCheck={false}
                  value={grant.constraints}
                  onChange={(e) => update(i, { constraints: e.target.value })}
                />
              )}
            </Field>
            <button
              type="button"
              className="button button-small button-quiet"
              onClick={() => onChange({ tools: draft.tools.filter((_, j) => j !== i) })}
            >
              Remove {grant.toolKey}
            </button>
          </fieldset>
        );
      })}
      <div className="raci-add">
        <label className="visually-hidden" htmlFor="wf-tool-add">
          Tool to allow
        </label>
        <select id="wf-tool-add" value={adding} onChange={(e) => setAdding(e.target.value)}>
          <option value="">Choose a tool from the catalog…</option>
          {available.map((t) => (
            <option key={t.key} value={t.key}>
              {t.key} — {t.name} ({t.consequence.replaceAll("_", " ").toLowerCase()}, {t.defaultTier})
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button button-small"
          disabled={!adding}
          onClick={() => {
            const tool = tools.find((t) => t.key === adding);
            if (tool) onChange({ tools: [...draft.tools, toolDraft(tool)] });
            setAdding("");
          }}
        >
          Allow tool
        </button>
      </div>
    </div>
  );
}
