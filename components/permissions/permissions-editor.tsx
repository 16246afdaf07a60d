"use client";

import Link from "next/link";
import { useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { RefreshError } from "@/components/ui/refresh-error";
import { Timestamp } from "@/components/ui/timestamp";
import { useWorkflowPermissions } from "@/lib/client/permissions/use-workflow-permissions";
import type { TPermissionChoices, TWorkflowPermissions } from "@/lib/contracts/changes";
import { PermissionsForm } from "./permissions-form";
import { PermissionsSummary } from "./permissions-summary";

function StatusNote({ data }: { data: TWorkflowPermissions }) {
  const { status } = data.workflow;
  if (status === "RETIRED") return <Alert tone="info">This workflow is retired: its permissions no longer change.</Alert>;
  if (!data.canEdit) return null;
  if (status === "DRAFT") return <Alert tone="info">This workflow is a draft: your changes apply as soon as you save them.</Alert>;
  return <Alert tone="info">This workflow is {status.toLowerCase()}: your change will be reviewed by Security.</Alert>;
}

/** A workflow's permissions: the editor for whoever may change them, a plain summary for everyone else. */
export function PermissionsEditor({ initial, choices }: { initial: TWorkflowPermissions; choices: TPermissionChoices }) {
  const query = useWorkflowPermissions({ workflowId: initial.workflow.id, initialData: initial });
  const data = query.data ?? initial;
  const [generation, setGeneration] = useState(0);
  const [notice, setNotice] = useState<ReactNode>(null);
  const pending = data.pendingChange;
  const editable = data.canEdit && data.workflow.status !== "RETIRED" && !(data.workflow.status !== "DRAFT" && pending);

  function restart(message: ReactNode) {
    setNotice(message);
    void query.refetch().then(() => setGeneration((g) => g + 1));
  }

  return (
    <div className="stack">
      <RefreshError error={query.error} title="Could not refresh the permissions" />
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <StatusNote data={data} />
      {pending ? (
        <Alert tone="info" title="A change is awaiting Security's review">
          <p>{pending.summary}</p>
          <p>
            Requested by {pending.requestedBy.name} ({pending.requestedBy.email}) at <Timestamp iso={pending.createdAt} />.{" "}
            <Link href={`/changes/${pending.id}`}>See the change request</Link>
            {data.canEdit ? ". Another change can be proposed once it is decided or withdrawn." : "."}
          </p>
        </Alert>
      ) : null}
      <section className="card" aria-labelledby="permissions-title">
        <h2 id="permissions-title">
          Permissions <span className="muted small">version {data.workflow.version}</span>
        </h2>
        {editable ? (
          <PermissionsForm key={generation} base={data} choices={choices} onDone={restart} onReload={() => restart(null)} />
        ) : (
          <PermissionsSummary permissions={data.permissions} />
        )}
      </section>
    </div>
  );
}
