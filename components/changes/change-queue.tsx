"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import type { TChangeFilters } from "@/lib/client/changes/keys";
import { useChangeRequests } from "@/lib/client/changes/use-change-requests";
import type { TChangeRequestList } from "@/lib/contracts/changes";
import { ChangeCard, type TChangeViewer } from "./change-card";
import { ChangeFilters } from "./change-filters";

/** Security's review queue: pending requests first, oldest first, each with its diff and a review form. */
export function ChangeQueue({ initial, viewer }: { initial: TChangeRequestList; viewer: TChangeViewer }) {
  const [filters, setFilters] = useState<TChangeFilters>({});
  const unfiltered = !filters.status && !filters.subject && !filters.workflow;
  const list = useChangeRequests({ filters, initialData: unfiltered ? initial : undefined });
  const changes = list.data?.changes ?? [];
  const pending = changes.filter((c) => c.status === "PENDING").length;
  return (
    <div className="stack">
      <ChangeFilters value={filters} onChange={setFilters} />
      {list.error ? (
        <Alert tone="error" title="Could not load change requests" reference={list.error.requestId}>
          {list.error.detail}
        </Alert>
      ) : null}
      {list.data ? (
        <p className="muted" aria-live="polite">
          {pending} pending, {changes.length - pending} decided or withdrawn{unfiltered ? "" : " (filtered)"}.
        </p>
      ) : (
        <p className="muted">Loading…</p>
      )}
      {list.data && !changes.length ? (
        <EmptyState title={unfiltered ? "No change requests yet" : "No change requests match these filters"}>
          <p>
            When an owner changes the permissions of an active workflow, or Security edits a custom policy, the change waits here for
            review.
          </p>
        </EmptyState>
      ) : null}
      {changes.map((change) => (
        <ChangeCard key={change.id} change={change} asOf={list.data?.asOf ?? initial.asOf} viewer={viewer} />
      ))}
    </div>
  );
}
