"use client";

import { useState } from "react";
import { Field } from "@/components/ui/field";
import type { TPermissionChoices } from "@/lib/contracts/changes";
import { areaMessages, TIERS, type TGrantDraft, type TProblemMap } from "./grant-draft";

type TTool = TPermissionChoices["tools"][number];

const CONSTRAINTS_EXAMPLE = '{"properties": {"amount": {"maximum": 5000}}}';

/** The tool allowlist: each grant's rate, argument constraints and tier, never below its consequence's default. */
export function ToolGrants(props: {
  grants: readonly TGrantDraft[];
  onChange: (grants: TGrantDraft[]) => void;
  tools: readonly TTool[];
  problems: TProblemMap;
}) {
  const { grants, onChange, tools, problems } = props;
  const available = tools.filter((t) => !grants.some((g) => g.toolKey === t.key));
  const [adding, setAdding] = useState("");
  const update = (i: number, patch: Partial<TGrantDraft>) => onChange(grants.map((g, j) => (j === i ? { ...g, ...patch } : g)));

  function add() {
    const tool = tools.find((t) => t.key === adding) ?? available[0];
    if (!tool) return;
    onChange([...grants, { toolKey: tool.key, rate: "", constraints: "", tier: tool.defaultTier }]);
    setAdding("");
  }

  return (
    <section className="stack" aria-labelledby="tools-title">
      <h3 id="tools-title">Tools</h3>
      {areaMessages(problems, "tools").map((message) => (
        <p key={message} className="error field-error">
          {message}
        </p>
      ))}
      {grants.length === 0 ? <p className="muted">No tools allowed yet.</p> : null}
      {grants.map((grant, i) => {
        const tool = tools.find((t) => t.key === grant.toolKey);
        const floor = TIERS.indexOf(tool?.defaultTier ?? "T0");
        const id = `grant-${grant.toolKey.replace(/[^a-z0-9]/g, "-")}`;
        return (
          <fieldset
            className="tool-grant"
            key={grant.toolKey}
            aria-describedby={problems[`tools.${i}.toolKey`] ? `${id}-key-error` : undefined}
          >
            <legend>
              <code>{grant.toolKey}</code>{" "}
              {tool ? (
                <span className="muted">
                  {tool.name} · {tool.system} · {tool.consequence}
                </span>
              ) : null}
            </legend>
            {problems[`tools.${i}.toolKey`] ? (
              <p id={`${id}-key-error`} className="error field-error">
                {problems[`tools.${i}.toolKey`]}
              </p>
            ) : null}
            <div className="grant-fields">
              <Field id={`${id}-rate`} label="Rate per minute" hint="Empty: no limit" error={problems[`tools.${i}.ratePerMinute`]}>
                {(control) => (
                  <input {...control} inputMode="numeric" value={grant.rate} onChange={(e) => update(i, { rate: e.target.value })} />
                )}
              </Field>
              <Field
                id={`${id}-tier`}
                label="Approval tier"
                hint={tool ? `${tool.defaultTier} at least, for ${tool.consequence}` : undefined}
                error={problems[`tools.${i}.tier`]}
              >
                {(control) => (
                  <select {...control} value={grant.tier} onChange={(e) => update(i, { tier: e.target.value as TGrantDraft["tier"] })}>
                    {TIERS.filter((tier, t) => t >= floor || tier === grant.tier).map((tier) => (
                      <option key={tier} value={tier}>
                        {tier}
                        {TIERS.indexOf(tier) < floor ? " (below the minimum)" : ""}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </div>
            <Field
              id={`${id}-constraints`}
              label="Argument constraints (JSON Schema)"
              hint={`Limits on top of the tool's contract, e.g. ${CONSTRAINTS_EXAMPLE}. Empty: none.`}
              error={problems[`tools.${i}.argumentConstraints`]}
            >
              {(control) => (
                <textarea
                  {...control}
                  className="code-input"
                  rows={Math.min(12, Math.max(3, grant.constraints.split("\n").length))}
                  spellCheck={false}
                  value={grant.constraints}
                  onChange={(e) => update(i, { constraints: e.target.value })}
                />
              )}
            </Field>
            <div className="form-actions">
              <button className="button button-small button-quiet" type="button" onClick={() => onChange(grants.filter((_, j) => j !== i))}>
                Remove {grant.toolKey}
              </button>
            </div>
          </fieldset>
        );
      })}
      {available.length ? (
        <div className="grant-add">
          <Field id="grant-add" label="Allow another tool">
            {(control) => (
              <select {...control} value={adding || available[0]?.key} onChange={(e) => setAdding(e.target.value)}>
                {available.map((t) => (
                  <option key={t.key} value={t.key}>
                    {t.key} ({t.consequence}, {t.defaultTier})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button className="button" type="button" onClick={add}>
            Add tool
          </button>
        </div>
      ) : null}
    </section>
  );
}
