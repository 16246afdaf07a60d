"use client";

import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { Timestamp } from "@/components/ui/timestamp";
import type { TDecisionFilters } from "@/lib/client/runs/keys";
import { useWorkflowDecisions } from "@/lib/client/runs/use-workflow-decisions";
import type { TDecisionPage } from "@/lib/contracts/runs";
import { DecisionsTable } from "./decisions-table";

/** The filtered decisions, a page at a time; the filters themselves live in the address. */
export function DecisionsList({
  workflowId,
  filters,
  initialPage,
}: {
  workflowId: string;
  filters: TDecisionFilters;
  initialPage: TDecisionPage;
}) {
  const decisions = useWorkflowDecisions({ workflowId, filters, initialPage });
  const items = decisions.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Boolean(filters.outcome || filters.reason || filters.tool || filters.runId);
  return (
    <div className="stack">
      <p className="small muted" role="status">
        {items.length} decision{items.length === 1 ? "" : "s"} shown{decisions.hasNextPage ? ", more below" : ""}, since{" "}
        <Timestamp iso={initialPage.since} />.
      </p>
      {decisions.error ? (
        <Alert tone="error" title="Could not load more decisions" reference={decisions.error.requestId}>
          {decisions.error.detail}
        </Alert>
      ) : null}
      {items.length ? (
        <DecisionsTable workflowId={workflowId} decisions={items} />
      ) : (
        <EmptyState title={filtered ? "No decisions match these filters" : "No decisions in this period"}>
          <p>Every call an automation asks the gate about is recorded here with the rule that decided it.</p>
        </EmptyState>
      )}
      {decisions.hasNextPage ? (
        <div className="load-more">
          <button className="button" type="button" onClick={() => void decisions.fetchNextPage()} disabled={decisions.isFetchingNextPage}>
            {decisions.isFetchingNextPage ? "Loading…" : "Show older decisions"}
          </button>
        </div>
      ) : null}
    </div>
  );
}
