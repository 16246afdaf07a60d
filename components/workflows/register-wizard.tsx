"use client";

import type { FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import type { TWorkflowChoices } from "@/lib/contracts/workflows";
import { useRegisterWizard } from "./use-register-wizard";
import { WizardDataStep } from "./wizard-data-step";
import { STEPS } from "./wizard-draft";
import { listedServerErrors } from "./wizard-flow";
import { WizardPeopleStep } from "./wizard-people-step";
import { WizardPurposeStep } from "./wizard-purpose-step";
import { WizardReviewStep } from "./wizard-review-step";
import { WizardToolsStep } from "./wizard-tools-step";

type TProps = {
  choices: TWorkflowChoices;
  self: { id: string; name: string; email: string };
  isAdmin: boolean;
  /** From a shadow workflow's "register this": the key the automation already uses. */
  initialKey?: string;
};

/** Registration in five steps; each step is checked with the same zod contract the API uses. */
export function RegisterWizard({ choices, self, isAdmin, initialKey }: TProps) {
  const { draft, step, errors, index, current, serverError, pending, onChange, goTo, submit } = useRegisterWizard({
    self,
    isAdmin,
    initialKey,
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    submit();
  }

  return (
    <form className="wizard" onSubmit={onSubmit} noValidate aria-busy={pending} aria-label="Register a workflow">
      <ol className="wizard-steps">
        {STEPS.map((s, i) => (
          <li key={s.id}>
            <button
              type="button"
              className={s.id === step ? "wizard-step wizard-step-current" : "wizard-step"}
              aria-current={s.id === step ? "step" : undefined}
              onClick={() => goTo(s.id)}
            >
              <span className="wizard-step-number">{i + 1}</span> {s.label}
            </button>
          </li>
        ))}
      </ol>
      <section className="card">
        <h2 id="wizard-step-title">
          Step {index + 1} of {STEPS.length}: {current?.label}
        </h2>
        {serverError ? (
          <Alert tone="error" title={serverError.detail} reference={serverError.status >= 500 ? serverError.requestId : null}>
            {listedServerErrors(serverError.fieldErrors, step).map(([field, message]) => (
              <p key={field}>
                {field}: {message}
              </p>
            ))}
          </Alert>
        ) : Object.keys(errors).length ? (
          <Alert tone="error" title="Some fields need attention" />
        ) : null}
        {step === "purpose" ? <WizardPurposeStep draft={draft} errors={errors} onChange={onChange} /> : null}
        {step === "people" ? (
          <WizardPeopleStep draft={draft} errors={errors} onChange={onChange} people={choices.people} self={self} isAdmin={isAdmin} />
        ) : null}
        {step === "data" ? <WizardDataStep draft={draft} errors={errors} onChange={onChange} choices={choices} /> : null}
        {step === "tools" ? <WizardToolsStep draft={draft} errors={errors} onChange={onChange} tools={choices.tools} /> : null}
        {step === "review" ? <WizardReviewStep draft={draft} choices={choices} /> : null}
        <div className="form-actions wizard-actions">
          {index > 0 ? (
            <button type="button" className="button" onClick={() => goTo(STEPS[index - 1]?.id ?? "purpose")}>
              Back
            </button>
          ) : null}
          {step === "review" ? (
            <button type="submit" className="button button-primary" disabled={pending}>
              {pending ? "Registering…" : "Register as draft"}
            </button>
          ) : (
            <button type="submit" className="button button-primary">
              Next
            </button>
          )}
        </div>
        {step === "review" ? (
          <p className="hint">It starts as a draft: the overview then lists what it still needs before it can be activated.</p>
        ) : null}
      </section>
    </form>
  );
}
