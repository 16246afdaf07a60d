"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Timestamp } from "@/components/ui/timestamp";
import { useModel } from "@/lib/client/catalog/use-model";
import type { TModelDetail } from "@/lib/contracts/catalog";
import { ModelForm } from "./model-form";
import { ModelStatusBadge } from "./model-status-badge";
import { ModelStatusForm } from "./model-status-form";
import { SensitivityBadge } from "./sensitivity-badge";
import { WorkflowRefsTable } from "./workflow-refs-table";

/** One model: its terms, the workflows that list it and, for catalog managers, edit and suspend. */
export function ModelDetail({ initialData, canManage }: { initialData: TModelDetail; canManage: boolean }) {
  const query = useModel({ id: initialData.id, initialData });
  const model = query.data ?? initialData;
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const affected = model.affectedWorkflows;

  return (
    <div className="stack">
      {notice ? <Alert tone={model.status === "SUSPENDED" ? "info" : "success"}>{notice}</Alert> : null}
      <section className="card" aria-labelledby="terms-title">
        <h2 id="terms-title">Terms</h2>
        <dl className="catalog-facts">
          <dt>Status</dt>
          <dd>
            <ModelStatusBadge status={model.status} />
          </dd>
          <dt>Highest sensitivity allowed</dt>
          <dd>
            <SensitivityBadge sensitivity={model.maxSensitivity} />
          </dd>
          <dt>Regions</dt>
          <dd>{model.regions.join(", ")}</dd>
          <dt>Provider data retention</dt>
          <dd>{model.dataRetentionDays} days</dd>
          <dt>Training on our data</dt>
          <dd>{model.trainingOptOut ? "Opted out" : "Not opted out"}</dd>
          <dt>Logging policy</dt>
          <dd>{model.loggingPolicy}</dd>
          <dt>Last changed</dt>
          <dd>
            <Timestamp iso={model.updatedAt} />
          </dd>
        </dl>
        {canManage && !editing ? (
          <button
            className="button"
            type="button"
            onClick={() => {
              setNotice(null);
              setEditing(true);
            }}
          >
            Edit terms
          </button>
        ) : null}
        {canManage && editing ? (
          <ModelForm
            model={model}
            onDone={(message) => {
              setEditing(false);
              setNotice(message);
            }}
          />
        ) : null}
      </section>
      {canManage ? (
        <section className="card" aria-labelledby="status-title">
          <h2 id="status-title">{model.status === "APPROVED" ? "Suspend this model" : "Approve this model again"}</h2>
          <ModelStatusForm
            model={model}
            onChanged={(detail) =>
              setNotice(
                detail.status === "SUSPENDED"
                  ? `Suspended ${detail.ref}. ${detail.affectedWorkflows.length === 1 ? "1 workflow lists" : `${detail.affectedWorkflows.length} workflows list`} it and will be denied when they call it.`
                  : `Approved ${detail.ref} again.`,
              )
            }
          />
        </section>
      ) : null}
      <section className="card" aria-labelledby="affected-title">
        <h2 id="affected-title">{model.status === "SUSPENDED" ? "Workflows affected by the suspension" : "Workflows using this model"}</h2>
        {affected.length === 0 ? (
          <p className="empty-inline">No workflow{canManage ? "" : " you can see"} lists this model.</p>
        ) : (
          <WorkflowRefsTable workflows={affected} caption={`Workflows listing ${model.ref}`} />
        )}
      </section>
    </div>
  );
}
