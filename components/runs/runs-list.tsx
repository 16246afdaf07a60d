"use client";

import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import type { TRunFilters } from "@/lib/client/runs/keys";
import { useWorkflowRuns } from "@/lib/client/runs/use-workflow-runs";
import type { TRunPage } from "@/lib/contracts/runs";
import { RunsTable } from "./runs-table";

/** The filtered runs, a page at a time. */
export function RunsList({ workflowId, filters, initialPage }: { workflowId: string; filters: TRunFilters; initialPage: TRunPage }) {
  const runs = useWorkflowRuns({ workflowId, filters, initialPage });
  const items = runs.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="stack">
      {runs.error ? (
        <Alert tone="error" title="Could not load more runs" reference={runs.error.requestId}>
          {runs.error.detail}
        </Alert>
      ) : null}
      {items.length ? (
        <RunsTable workflowId={workflowId} runs={items} />
      ) : (
        <EmptyState title={filters.status ? "No runs with this status in this period" : "No runs in this period"}>
          <p>
            A run appears once its automation reports events (run started, tool calls, results). Calls it only asked the gate about are
            listed under Decisions.
          </p>
        </EmptyState>
      )}
      {runs.hasNextPage ? (
        <div className="load-more">
          <button className="button" type="button" onClick={() => void runs.fetchNextPage()} disabled={runs.isFetchingNextPage}>
            {runs.isFetchingNextPage ? "Loading…" : "Show older runs"}
          </button>
        </div>
      ) : null}
    </div>
  );
}
