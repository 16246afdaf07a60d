import type { TCreateWorkflow } from "@/lib/contracts/workflows";
import { STEPS, stepOf, validateDraft, type TDraft, type TErrors, type TStep } from "./wizard-draft";

/** Where the person is in the wizard, what they typed, and the problems shown on the current step. */
export type TWizardState = { draft: TDraft; step: TStep; errors: TErrors };

type TWho = { isAdmin: boolean; selfId: string };

export type TWizardAction =
  { type: "patch"; patch: Partial<TDraft> } | { type: "goTo"; step: TStep } | { type: "failed"; errors: TErrors; step?: TStep };

export function initialWizard(draft: TDraft): TWizardState {
  return { draft, step: "purpose", errors: {} };
}

export function wizardReducer(state: TWizardState, action: TWizardAction): TWizardState {
  switch (action.type) {
    case "patch":
      return { ...state, draft: { ...state.draft, ...action.patch } };
    case "goTo":
      return { ...state, step: action.step, errors: {} };
    case "failed":
      return { ...state, errors: action.errors, step: action.step ?? state.step };
  }
}

export function stepIndex(step: TStep): number {
  return STEPS.findIndex((s) => s.id === step);
}

/** The step after `step` when its own fields are sound; otherwise the problems on it. */
export function checkStep(draft: TDraft, step: TStep, who: TWho): { errors: TErrors } | { next: TStep | null } {
  const found = Object.fromEntries(Object.entries(validateDraft(draft, who).errors).filter(([path]) => stepOf(path) === step));
  if (Object.keys(found).length) return { errors: found };
  return { next: STEPS[stepIndex(step) + 1]?.id ?? null };
}

/** The request to send, or every problem and the step that shows the first of them. */
export function checkSubmission(draft: TDraft, who: TWho): { input: TCreateWorkflow } | { errors: TErrors; step: TStep } {
  const { input, errors } = validateDraft(draft, who);
  const first = Object.keys(errors)[0];
  return first ? { errors, step: stepOf(first) } : { input };
}

/** The server's field problems, opening the step that shows the first one. */
export function serverFailure(fieldErrors: Readonly<Record<string, string>>): TWizardAction {
  const field = Object.keys(fieldErrors)[0];
  return { type: "failed", errors: { ...fieldErrors }, ...(field ? { step: stepOf(field) } : {}) };
}

/** Server problems the current step does not show beside a field, so the alert lists them (on review, all). */
export function listedServerErrors(fieldErrors: Readonly<Record<string, string>>, step: TStep): [string, string][] {
  return Object.entries(fieldErrors).filter(([field]) => stepOf(field) !== step || step === "review");
}
