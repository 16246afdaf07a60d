"use client";

import Link from "next/link";
import { useState, type FormEvent, type ReactNode } from "react";
import { DiffLines } from "@/components/changes/diff-lines";
import { Alert } from "@/components/ui/alert";
import { useProposeWorkflowChange } from "@/lib/client/changes/use-propose-workflow-change";
import { useApplyPermissions } from "@/lib/client/permissions/use-apply-permissions";
import { usePreviewPermissions } from "@/lib/client/permissions/use-preview-permissions";
import type { TPermissionChoices, TPermissionEdit, TWorkflowPermissions } from "@/lib/contracts/changes";
import { ChoiceChecklist } from "./choice-checklist";
import { areaMessages, parseGrantDrafts, problemMapOf, toGrantDraft, type TGrantDraft, type TProblemMap } from "./grant-draft";
import { ToolGrants } from "./tool-grants";

type TProps = {
  /** The version this form edits, read once: later refetches never re-base a draft, so a stale save is refused. */
  base: TWorkflowPermissions;
  choices: TPermissionChoices;
  onDone: (message: ReactNode) => void;
  onReload: () => void;
};

/** Edits a workflow's permission set: preview the diff, then save a draft or submit it for review. */
export function PermissionsForm({ base, choices, onDone, onReload }: TProps) {
  const [frozen] = useState(base);
  const { workflow } = frozen;
  const reviewed = workflow.status !== "DRAFT";
  const [dataClassKeys, setDataClassKeys] = useState(frozen.permissions.dataClassKeys);
  const [modelRefs, setModelRefs] = useState(frozen.permissions.modelRefs);
  const [grants, setGrants] = useState<TGrantDraft[]>(() => frozen.permissions.tools.map(toGrantDraft));
  const [localProblems, setLocalProblems] = useState<TProblemMap>({});
  const preview = usePreviewPermissions();
  const apply = useApplyPermissions();
  const propose = useProposeWorkflowChange();
  const submit = reviewed ? propose : apply;
  const error = submit.error ?? preview.error;
  const problems = { ...problemMapOf(error), ...localProblems };
  const stale = error?.code === "conflict";

  function changed<T>(set: (value: T) => void) {
    return (value: T) => {
      set(value);
      preview.reset();
      submit.reset();
    };
  }

  function editOrNull(): TPermissionEdit | null {
    const parsed = parseGrantDrafts(grants);
    setLocalProblems(parsed.problems);
    if (!parsed.tools) return null;
    return { permissions: { dataClassKeys, modelRefs, tools: parsed.tools }, expectedVersion: workflow.version };
  }

  function onPreview(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    submit.reset();
    const edit = editOrNull();
    if (edit) preview.mutate({ workflowId: workflow.id, edit });
  }

  function onSubmit() {
    const edit = editOrNull();
    if (!edit) return;
    const variables = { workflowId: workflow.id, edit };
    if (reviewed) {
      propose.mutate(variables, {
        onSuccess: (request) =>
          onDone(
            <>
              Submitted for review. Nothing changes until Security approves it: <Link href={`/changes/${request.id}`}>see the change request</Link>.
            </>,
          ),
      });
    } else {
      apply.mutate(variables, { onSuccess: (saved) => onDone(`Saved ${saved.changes.length} change${saved.changes.length === 1 ? "" : "s"}: ${workflow.key} is now at version ${saved.version}.`) });
    }
  }

  const changes = preview.data?.changes;
  return (
    <form className="form" onSubmit={onPreview} noValidate aria-busy={preview.isPending || submit.isPending} aria-label={`Permissions of ${workflow.key}`}>
      {error ? (
        <Alert tone="error" title={stale ? "This workflow changed, or cannot take this change now" : error.detail} reference={error.status >= 500 ? error.requestId : null}>
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
        choices={choices.dataClasses.map((d) => ({ value: d.key, label: <>{d.name} <code>{d.key}</code> <span className="muted">{d.sensitivity}</span></> }))}
        value={dataClassKeys}
        onChange={changed(setDataClassKeys)}
        errors={areaMessages(problems, "dataClassKeys")}
      />
      <ChoiceChecklist
        id="permissions-models"
        legend="Models it uses"
        choices={choices.models.map((m) => ({
          value: m.ref,
          label: <><code>{m.ref}</code> <span className="muted">up to {m.maxSensitivity}{m.status === "SUSPENDED" ? ", suspended" : ""}</span></>,
        }))}
        value={modelRefs}
        onChange={changed(setModelRefs)}
        errors={areaMessages(problems, "modelRefs")}
      />
      <ToolGrants grants={grants} onChange={changed(setGrants)} tools={choices.tools} problems={problems} />

      {changes ? (
        <section className="card preview" aria-labelledby="preview-title">
          <h3 id="preview-title">{changes.length ? `What will change (${changes.length})` : "Nothing would change"}</h3>
          <DiffLines lines={changes.map((c) => c.text)} label="Preview of the changes" />
        </section>
      ) : null}
      {reviewed ? (
        <Alert tone="info">This workflow is {workflow.status.toLowerCase()}: your change will be reviewed by Security. It applies only once someone in Security other than you approves it.</Alert>
      ) : null}
      <div className="form-actions">
        <button className="button" type="submit" disabled={preview.isPending}>
          {preview.isPending ? "Checking…" : "Preview changes"}
        </button>
        <button className="button button-primary" type="button" onClick={onSubmit} disabled={!changes?.length || submit.isPending}>
          {submit.isPending ? "Sending…" : reviewed ? "Submit for review" : "Save changes"}
        </button>
        {!changes ? <span className="muted small">Preview your changes to save them.</span> : null}
      </div>
    </form>
  );
}
