import Link from "next/link";
import { ZDecisionReasonCode } from "@/lib/contracts/decisions";
import { DEFAULT_RUN_WINDOW, DECISION_OUTCOMES, ZRunWindow, type TWorkflowDecisionsQueryInput } from "@/lib/contracts/runs";
import { OUTCOME_LABELS, REASON_LABELS, WINDOW_LABELS } from "./labels";
import { SelectFilter } from "./select-filter";

/** A plain GET form: the filters live in the address, so a filtered view can be bookmarked and shared. */
export function DecisionFilters({ workflowId, query }: { workflowId: string; query: TWorkflowDecisionsQueryInput }) {
  const action = `/workflows/${encodeURIComponent(workflowId)}/decisions`;
  const active = Boolean(query.outcome || query.reason || query.tool || query.runId || query.window);
  return (
    <form className="run-filters" method="get" action={action} aria-label="Filter decisions">
      <SelectFilter
        id="decision-outcome"
        name="outcome"
        label="Outcome"
        value={query.outcome ?? ""}
        options={DECISION_OUTCOMES}
        labelOf={(o) => OUTCOME_LABELS[o].text}
        any
      />
      <SelectFilter
        id="decision-reason"
        name="reason"
        label="Reason"
        value={query.reason ?? ""}
        options={ZDecisionReasonCode.options}
        labelOf={(code) => REASON_LABELS[code]}
        any
      />
      <div className="field">
        <label htmlFor="decision-tool">Tool key</label>
        <input id="decision-tool" name="tool" type="search" defaultValue={query.tool ?? ""} placeholder="e.g. stripe.refund" />
      </div>
      <div className="field">
        <label htmlFor="decision-run">Run id</label>
        <input id="decision-run" name="runId" type="search" defaultValue={query.runId ?? ""} />
      </div>
      <SelectFilter
        id="decision-window"
        name="window"
        label="Period"
        value={query.window ?? DEFAULT_RUN_WINDOW}
        options={ZRunWindow.options}
        labelOf={(w) => WINDOW_LABELS[w]}
      />
      <div className="form-actions">
        <button className="button" type="submit">
          Apply
        </button>
        {active ? (
          <Link className="button button-quiet" href={action}>
            Clear
          </Link>
        ) : null}
      </div>
    </form>
  );
}
