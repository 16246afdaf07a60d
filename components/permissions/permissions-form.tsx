"use client";

import Link from "next/link";
import type { FormEvent, ReactNode } from "react";
import { DiffLines } from "@/components/changes/diff-lines";
import { Alert } from "@/components/ui/alert";
import type { TPermissionChoices, TWorkflowPermissions } from "@/lib/contracts/changes";
import { ChoiceChecklist } from "./choice-checklist";
import { areaMessages } from "./grant-draft";
import { ToolGrants } from "./tool-grants";
import { usePermissionsDraft } from "./use-permissions-draft";

type TProps = {
  /** The version this form edits, read once: later refetches never re-base a draft, so a stale save is refused. */
  base: TWorkflowPermissions;
  choices: TPermissionChoices;
  onDone: (message: ReactNode) => void;
  onReload: () => void;
};

/** Edits a workflow's permission set: preview the diff, then save a draft or submit it for review. */
export function PermissionsForm({ base, choices, onDone, onReload }: TProps) {
  const {
    workflow,
    reviewed,
    draft,
    problems,
    error,
    stale,
    changes,
    previewPending,
    submitPending,
    setDataClassKeys,
    setModelRefs,
    setGrants,
    runPreview,
    runSubmit,
  } = usePermissionsDraft(base);

  function onPreview(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    runPreview();
  }

  function onSubmit() {
    runSubmit({
      onProposed: (request) =>
        onDone(
          <>
            Submitted for review. Nothing changes until Security approves it:{" "}
            <Link href={`/changes/${request.id}`}>see the change request</Link>.
          </>,
        ),
      onApplied: onDone,
    });
  }

  return (
    <form
      className="form"
      onSubmit={onPreview}
      noValidate
      aria-busy={previewPending || submitPending}
      aria-label={`Permissions of ${workflow.key}`}
    >
      {error ? (
        <Alert
          tone="error"
          title={stale ? "This workflow changed, or cannot take this change now" : error.detail}
          reference={error.status >= 500 ? error.requestId : null}
        >
          {stale ? <p>{error.detail}</p> : null}
          {Object.keys(problems).length ? <p>Fix the marked fields, then preview again.</p> : null}
          {stale ? (
            <button className="button" type="button" onClick={onReload}>
              Load the current permissions
            </button>
          ) : null}
        </Alert>
      ) : null}
      <ChoiceChecklist
        id="permissions-data-classes"
        legend="Data classes that flow through this workflow"
        choices={choices.dataClasses.map((d) => ({
          value: d.key,
          label: (
            <>
              {d.name} <code>{d.key}</code> <span className="muted">{d.sensitivity}</span>
            </>
          ),
        }))}
        value={draft.dataClassKeys}
        onChange={setDataClassKeys}
        errors={areaMessages(problems, "dataClassKeys")}
      />
      <ChoiceChecklist
        id="permissions-models"
        legend="Models it uses"
        choices={choices.models.map((m) => ({
          value: m.ref,
          label: (
            <>
              <code>{m.ref}</code>{" "}
              <span className="muted">
                up to {m.maxSensitivity}
                {m.status === "SUSPENDED" ? ", suspended" : ""}
              </span>
            </>
          ),
        }))}
        value={draft.modelRefs}
        onChange={setModelRefs}
        errors={areaMessages(problems, "modelRefs")}
      />
      <ToolGrants grants={draft.grants} onChange={setGrants} tools={choices.tools} problems={problems} />

      {changes ? (
        <section className="card preview" aria-labelledby="preview-title">
          <h3 id="preview-title">{changes.length ? `What will change (${changes.length})` : "Nothing would change"}</h3>
          <DiffLines lines={changes.map((c) => c.text)} label="Preview of the changes" />
        </section>
      ) : null}
      {reviewed ? (
        <Alert tone="info">
          This workflow is {workflow.status.toLowerCase()}: your change will be reviewed by Security. It applies only once someone in
          Security other than you approves it.
        </Alert>
      ) : null}
      <div className="form-actions">
        <button className="button" type="submit" disabled={previewPending}>
          {previewPending ? "Checking…" : "Preview changes"}
        </button>
        <button className="button button-primary" type="button" onClick={onSubmit} disabled={!changes?.length || submitPending}>
          {submitPending ? "Sending…" : reviewed ? "Submit for review" : "Save changes"}
        </button>
        {!changes ? <span className="muted small">Preview your changes to save them.</span> : null}
      </div>
    </form>
  );
}
