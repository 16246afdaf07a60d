"use client";

import { useRouter } from "next/navigation";
import { useReducer } from "react";
import { useCreateWorkflow } from "@/lib/client/workflows/use-create-workflow";
import { initialDraft, STEPS, type TDraft, type TStep } from "./wizard-draft";
import { checkStep, checkSubmission, initialWizard, serverFailure, stepIndex, wizardReducer } from "./wizard-flow";

/** The registration wizard's draft and steps: each step checked before the next, the whole draft before sending. */
export function useRegisterWizard(options: { self: { id: string }; isAdmin: boolean; initialKey?: string }) {
  const router = useRouter();
  const create = useCreateWorkflow();
  const who = { isAdmin: options.isAdmin, selfId: options.self.id };
  const [{ draft, step, errors }, dispatch] = useReducer(wizardReducer, { ownerId: options.self.id, key: options.initialKey }, (o) =>
    initialWizard(initialDraft(o)),
  );
  const index = stepIndex(step);

  function goTo(next: TStep) {
    dispatch({ type: "goTo", step: next });
    create.reset();
  }

  function next() {
    const checked = checkStep(draft, step, who);
    if ("errors" in checked) return dispatch({ type: "failed", errors: checked.errors });
    if (checked.next) goTo(checked.next);
  }

  function submit() {
    if (step !== "review") return next();
    const checked = checkSubmission(draft, who);
    if ("errors" in checked) return dispatch({ type: "failed", errors: checked.errors, step: checked.step });
    create.mutate(checked.input, {
      onSuccess: (created) => router.push(`/workflows/${created.id}`),
      onError: (error) => dispatch(serverFailure(error.fieldErrors)),
    });
  }

  return {
    draft,
    step,
    errors,
    index,
    current: STEPS[index],
    serverError: create.error,
    pending: create.isPending,
    onChange: (patch: Partial<TDraft>) => dispatch({ type: "patch", patch }),
    goTo,
    submit,
  };
}
