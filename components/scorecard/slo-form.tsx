"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import { FormError } from "@/components/ui/form-error";
import { useUpdateWorkflowSlo } from "@/lib/client/scorecard/use-update-workflow-slo";
import type { TScorecard, TSloTargets, TSloUpdateResult } from "@/lib/contracts/scorecard";
import { parseSloDraft, sloDraftOf, type TSloDraft, type TSloDraftErrors } from "./slo-draft";

type TProps = { workflowId: string; status: TScorecard["workflow"]["status"]; version: number; targets: TSloTargets };

/** Changes the targets: a draft's apply at once; an active or paused workflow's go to review by a second person. */
export function SloForm({ workflowId, status, version: initialVersion, targets }: TProps) {
  const router = useRouter();
  const update = useUpdateWorkflowSlo(workflowId);
  const [draft, setDraft] = useState<TSloDraft>(() => sloDraftOf(targets));
  const [version, setVersion] = useState(initialVersion);
  const [errors, setErrors] = useState<TSloDraftErrors>({});
  const [result, setResult] = useState<TSloUpdateResult | null>(null);
  const reviewed = status !== "DRAFT";
  const set = (field: keyof TSloDraft) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));
  const serverErrors = update.error?.fieldErrors ?? {};

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setResult(null);
    const parsed = parseSloDraft(draft);
    if ("errors" in parsed) return setErrors(parsed.errors);
    setErrors({});
    update.mutate(
      { ...parsed.targets, expectedVersion: version },
      {
        onSuccess: (answer) => {
          setResult(answer);
          if (answer.outcome === "applied") setVersion(answer.version);
        },
      },
    );
  };

  return (
    <details className="slo-form">
      <summary>Change the targets</summary>
      <form className="form" onSubmit={onSubmit} noValidate aria-busy={update.isPending} aria-label="Change the SLO targets">
        <p className="muted">
          {reviewed
            ? "This workflow is live, so the change goes to review: a second person approves it before it applies."
            : "This workflow is a draft, so the new targets apply at once."}
        </p>
        {result?.outcome === "applied" ? <Alert tone="success">The new targets apply from now on.</Alert> : null}
        {result?.outcome === "proposed" ? (
          <Alert tone="success" title="Change request opened">
            <p>{result.summary}</p>
            <p>
              <Link href={`/changes/${result.changeRequestId}`}>See the change request</Link>: the targets change once a second person
              approves it.
            </p>
          </Alert>
        ) : null}
        <FormError error={update.error} fields={["successRate", "toolErrorRate", "latencyP95Ms"]} onReload={() => router.refresh()} />
        <div className="form-grid">
          <TextField
            id="slo-success"
            label="Run success rate, at least (%)"
            hint="e.g. 99 or 99.9"
            value={draft.successRate}
            onChange={set("successRate")}
            error={errors.successRate ?? serverErrors.successRate}
          />
          <TextField
            id="slo-tool-errors"
            label="Tool error rate, at most (%)"
            hint="e.g. 2"
            value={draft.toolErrorRate}
            onChange={set("toolErrorRate")}
            error={errors.toolErrorRate ?? serverErrors.toolErrorRate}
          />
          <TextField
            id="slo-latency"
            label="p95 latency, at most (ms)"
            hint="Tool and model calls, e.g. 5000"
            value={draft.latencyP95Ms}
            onChange={set("latencyP95Ms")}
            error={errors.latencyP95Ms ?? serverErrors.latencyP95Ms}
          />
        </div>
        <FormActions
          pending={update.isPending}
          submitLabel={reviewed ? "Propose for review" : "Save targets"}
          pendingLabel={reviewed ? "Proposing…" : "Saving…"}
        />
      </form>
    </details>
  );
}
