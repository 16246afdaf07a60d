"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { useCreateWorkflow } from "@/lib/client/workflows/use-create-workflow";
import type { TWorkflowChoices } from "@/lib/contracts/workflows";
import { WizardDataStep } from "./wizard-data-step";
import { initialDraft, STEPS, stepOf, validateDraft, type TDraft, type TErrors, type TStep } from "./wizard-draft";
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
  const router = useRouter();
  const create = useCreateWorkflow();
  const [draft, setDraft] = useState<TDraft>(() => initialDraft({ ownerId: self.id, key: initialKey }));
  const [step, setStep] = useState<TStep>("purpose");
  const [errors, setErrors] = useState<TErrors>({});
  const index = STEPS.findIndex((s) => s.id === step);
  const onChange = (patch: Partial<TDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const stepErrors = (all: TErrors, id: TStep) => Object.fromEntries(Object.entries(all).filter(([path]) => stepOf(path) === id));

  function goTo(next: TStep) {
    setErrors({});
    setStep(next);
    create.reset();
  }

  function onNext() {
    const found = stepErrors(validateDraft(draft, { isAdmin, selfId: self.id }).errors, step);
    if (Object.keys(found).length) return setErrors(found);
    const next = STEPS[index + 1];
    if (next) goTo(next.id);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (step !== "review") return onNext();
    const { input, errors: found } = validateDraft(draft, { isAdmin, selfId: self.id });
    const first = Object.keys(found)[0];
    if (first) {
      setStep(stepOf(first));
      return setErrors(found);
    }
    create.mutate(input, {
      onSuccess: (created) => router.push(`/workflows/${created.id}`),
      onError: (error) => {
        setErrors(error.fieldErrors);
        const field = Object.keys(error.fieldErrors)[0];
        if (field) setStep(stepOf(field));
      },
    });
  }

  const current = STEPS[index];
  return (
    <form className="wizard" onSubmit={onSubmit} noValidate aria-busy={create.isPending} aria-label="Register a workflow">
      <ol className="wizard-steps">
        {STEPS.map((s, i) => (
          <li key={s.id}>
            <button type="button" className={s.id === step ? "wizard-step wizard-step-current" : "wizard-step"} aria-current={s.id === step ? "step" : undefined} onClick={() => goTo(s.id)}>
              <span className="wizard-step-number">{i + 1}</span> {s.label}
            </button>
          </li>
        ))}
      </ol>
      <section className="card">
        <h2 id="wizard-step-title">
          Step {index + 1} of {STEPS.length}: {current?.label}
        </h2>
        {create.error ? (
          <Alert tone="error" title={create.error.detail} reference={create.error.status >= 500 ? create.error.requestId : null}>
            {Object.entries(create.error.fieldErrors)
              .filter(([field]) => stepOf(field) !== step || step === "review")
              .map(([field, message]) => (
                <p key={field}>
                  {field}: {message}
                </p>
              ))}
          </Alert>
        ) : Object.keys(errors).length ? (
          <Alert tone="error" title="Some fields need attention" />
        ) : null}
        {step === "purpose" ? <WizardPurposeStep draft={draft} errors={errors} onChange={onChange} /> : null}
        {step === "people" ? <WizardPeopleStep draft={draft} errors={errors} onChange={onChange} people={choices.people} self={self} isAdmin={isAdmin} /> : null}
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
            <button type="submit" className="button button-primary" disabled={create.isPending}>
              {create.isPending ? "Registering…" : "Register as draft"}
            </button>
          ) : (
            <button type="submit" className="button button-primary">
              Next
            </button>
          )}
        </div>
        {step === "review" ? <p className="hint">It starts as a draft: the overview then lists what it still needs before it can be activated.</p> : null}
      </section>
    </form>
  );
}
