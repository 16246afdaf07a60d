import Link from "next/link";
import { ZDecisionReasonCode } from "@/lib/contracts/decisions";
import { DEFAULT_RUN_WINDOW, DECISION_OUTCOMES, ZRunWindow, type TWorkflowDecisionsQueryInput } from "@/lib/contracts/runs";
import { OUTCOME_LABELS, REASON_LABELS, WINDOW_LABELS } from "./labels";

/** A plain GET form: the filters live in the address, so a filtered view can be bookmarked and shared. */
export function DecisionFilters({ workflowId, query }: { workflowId: string; query: TWorkflowDecisionsQueryInput }) {
  const action = `/workflows/${encodeURIComponent(workflowId)}/decisions`;
  const active = Boolean(query.outcome || query.reason || query.tool || query.runId || query.window);
  return (
    <form className="run-filters" method="get" action={action} aria-label="Filter decisions">
      <div className="field">
        <label htmlFor="decision-outcome">Outcome</label>
        <select id="decision-outcome" name="outcome" defaultValue={query.outcome ?? ""}>
          <option value="">Any</option>
          {DECISION_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {OUTCOME_LABELS[o].text}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="decision-reason">Reason</label>
        <select id="decision-reason" name="reason" defaultValue={query.reason ?? ""}>
          <option value="">Any</option>
          {ZDecisionReasonCode.options.map((code) => (
            <option key={code} value={code}>
              {REASON_LABELS[code]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="decision-tool">Tool key</label>
        <input id="decision-tool" name="tool" type="search" defaultValue={query.tool ?? ""} placeholder="e.g. stripe.refund" />
      </div>
      <div className="field">
        <label htmlFor="decision-run">Run id</label>
        <input id="decision-run" name="runId" type="search" defaultValue={query.runId ?? ""} />
      </div>
      <div className="field">
        <label htmlFor="decision-window">Period</label>
        <select id="decision-window" name="window" defaultValue={query.window ?? DEFAULT_RUN_WINDOW}>
          {ZRunWindow.options.map((w) => (
            <option key={w} value={w}>
              {WINDOW_LABELS[w]}
            </option>
          ))}
        </select>
      </div>
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
