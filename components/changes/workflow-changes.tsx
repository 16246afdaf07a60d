"use client";

import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { RefreshError } from "@/components/ui/refresh-error";
import { useWorkflowChangeRequests } from "@/lib/client/changes/use-workflow-change-requests";
import type { TChangeRequestList } from "@/lib/contracts/changes";
import { ChangeCard, type TChangeViewer } from "./change-card";

/** One workflow's change requests, pending first: its owner follows their requests here. */
export function WorkflowChanges({
  workflowId,
  initial,
  viewer,
}: {
  workflowId: string;
  initial: TChangeRequestList;
  viewer: TChangeViewer;
}) {
  const list = useWorkflowChangeRequests({ workflowId, initialData: initial });
  const data = list.data ?? initial;
  return (
    <div className="stack">
      <RefreshError error={list.error} title="Could not refresh the change requests" />
      {data.changes.length ? null : (
        <EmptyState title="No change requests yet">
          <p>
            Once this workflow is active, a change to its <Link href={`/workflows/${workflowId}/permissions`}>permissions</Link> becomes a
            request here, and applies only after someone in Security approves it.
          </p>
        </EmptyState>
      )}
      {data.changes.map((change) => (
        <ChangeCard key={change.id} change={change} asOf={data.asOf} viewer={viewer} />
      ))}
    </div>
  );
}
